import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { expect, gotoHydrated, test } from "./helpers/test";

/** Opens a scenario and waits for the terminal's first prompt. */
async function openLab(page: Page, scenario: string) {
  await gotoHydrated(page, `/lab?scenario=${scenario}`);
  await expect(page.locator(".xterm-rows")).toContainText("$", { timeout: 15_000 });
  await page.locator(".xterm").click();
}

async function typeLines(page: Page, ...lines: string[]) {
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
  }
}

const screen = (page: Page) => page.locator(".xterm-rows");

const SPOOF = [
  "telnet mx.partner.example 25",
  "EHLO bulk.spammer.example",
  "MAIL FROM:<ceo@corp.example>",
  "RCPT TO:<victim@partner.example>",
  "DATA",
  "From: ceo@corp.example",
  "Subject: Urgent wire transfer",
  "",
  "Please pay today.",
  ".",
  "QUIT",
];

for (const theme of ["light", "dark"] as const) {
  test.describe(`email authentication in the lab (${theme})`, () => {
    test.use({ colorScheme: theme, reducedMotion: "reduce" });

    test("spoofing: the forgery lands with DMARC none; after nsupdate publishes SPF and DMARC it is quarantined, then rejected with 550 5.7.1", async ({
      page,
    }) => {
      await openLab(page, "spoofing");
      await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
      await expect(screen(page)).toContainText("Connection closed by foreign host.");
      const mailbox = page.getByRole("button", { name: /^victim@partner\.example \(1\)$/ });
      await mailbox.click();
      const inbox = page.getByRole("list", { name: "Inbox of victim@partner.example" });
      await expect(inbox).toContainText("Urgent wire transfer");
      await expect(inbox).toContainText("DMARC none");
      await inbox.getByRole("button", { name: /Urgent wire transfer/ }).click();
      const checks = page.getByRole("region", { name: "Sender checks" });
      await expect(checks).toContainText("corp.example publishes no SPF record");
      await expect(checks).toContainText("publishes no DMARC policy");
      await expect(page.getByRole("list", { name: "SMTP conversations" })).toContainText(
        "DMARC none",
      );
      await page.getByRole("button", { name: "Back to the list" }).click();

      // Publish SPF and a quarantine policy with nsupdate, as the corp.example admin.
      await page.locator(".xterm").click();
      await typeLines(
        page,
        "exit",
        "nsupdate",
        "zone corp.example",
        'update add corp.example 3600 TXT "v=spf1 mx -all"',
        'update add _dmarc.corp.example 3600 TXT "v=DMARC1; p=quarantine"',
        "send",
        "quit",
      );
      await expect(screen(page)).toContainText("updated corp.example, _dmarc.corp.example");
      await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
      await expect(
        page.getByRole("button", { name: /^victim@partner\.example \(2\)$/ }),
      ).toBeVisible();
      await page.getByRole("button", { name: /^Junk \(1\)$/ }).click();
      const junk = page.getByRole("list", { name: "Junk of victim@partner.example" });
      await expect(junk).toContainText("DMARC fail");
      await junk.getByRole("button", { name: /Urgent wire transfer/ }).click();
      await expect(page.getByRole("region", { name: "Sender checks" })).toContainText(
        /SPF fail.*is not permitted by corp\.example/,
      );
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Back to the list" }).click();
      await expectNoAxeViolations(page);

      // Tighten to reject: the next forgery gets 550 5.7.1 at the end of DATA.
      await page.locator(".xterm").click();
      await typeLines(
        page,
        "exit",
        "nsupdate",
        "update delete _dmarc.corp.example TXT",
        'update add _dmarc.corp.example 3600 TXT "v=DMARC1; p=reject"',
        "send",
        "quit",
        "ssh bulk.spammer.example",
        ...SPOOF,
      );
      await expect(screen(page)).toContainText(
        "550 5.7.1 rejected by DMARC policy for corp.example",
      );
      await expect(page.getByRole("list", { name: "SMTP conversations" })).toContainText(
        "DMARC reject",
      );
    });
  });
}
