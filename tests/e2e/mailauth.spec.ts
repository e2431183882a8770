import type { Page } from "@playwright/test";
import { expect, gotoHydrated, test } from "./helpers/test";

/** Opens a scenario and waits for the terminal's first prompt. */
async function openLab(page: Page, scenario: string) {
  await gotoHydrated(page, `/lab?scenario=${scenario}`);
  await expect(page.locator(".xterm-rows")).toContainText("$", { timeout: 15_000 });
  await page.locator(".xterm").click();
}

/** Enters lines as pastes (one input event each, as a real paste), each followed by Enter. */
async function typeLines(page: Page, ...lines: string[]) {
  for (const line of lines) {
    if (line) await page.keyboard.insertText(line);
    await page.keyboard.press("Enter");
  }
}

const screen = (page: Page) => page.locator(".xterm-rows");
const happened = (page: Page) => page.getByRole("list", { name: "Events in order" });

const SPOOF = [
  "telnet mx.partner.example 25",
  "EHLO bulk.spammer.example",
  "MAIL FROM:<ceo@corp.example>",
  "RCPT TO:<victim@partner.example>",
  "DATA",
  "From: <ceo@corp.example>",
  "Subject: Urgent wire transfer",
  "",
  "Pay today.",
  ".",
  "QUIT",
];

test.describe("email authentication in the lab", () => {
  test.use({ reducedMotion: "reduce" });

  test("spoofing: the forgery lands, then SPF and DMARC published with nsupdate stop it with 550 5.7.1", async ({
    page,
  }) => {
    test.setTimeout(300_000); // about forty lines, each run by the engine, on a shared machine
    await openLab(page, "spoofing");
    await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
    await expect(screen(page)).toContainText("Connection closed by foreign host.");
    await expect(happened(page)).toContainText(
      "DMARC none: corp.example publishes no DMARC policy",
    );
    await expect(happened(page)).toContainText("delivered message");

    await typeLines(page, "exit", "nsupdate");
    await expect(screen(page)).toContainText("> ");
    await typeLines(
      page,
      'update add corp.example 3600 TXT "v=spf1 mx -all"',
      'update add _dmarc.corp.example 3600 TXT "v=DMARC1; p=reject"',
      "send",
      "quit",
      "dig +short TXT _dmarc.corp.example",
    );
    await expect(screen(page)).toContainText('"v=DMARC1; p=reject"');

    await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
    await expect(screen(page)).toContainText("550 5.7.1 rejected by DMARC policy for corp.example");
    await expect(happened(page)).toContainText(
      "SPF fail: 198.51.100.66 is not permitted by corp.example",
    );
  });
});
