import type { Page } from "@playwright/test";
import { DMARC_CASES } from "../../lib/quiz/pbq-dmarc";
import { openLab, openTerminal, typeLines } from "./helpers/lab";
import { expectInTerminal } from "./helpers/terminal";
import { expectNoAxeViolations } from "./helpers/axe";
import { expect, gotoHydrated, test } from "./helpers/test";

const happened = (page: Page) => page.getByRole("list", { name: "Events in order" });

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
      test.setTimeout(300_000); // about fifty lines and two axe runs on a shared machine
      await openLab(page, "spoofing");
      await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
      await expectInTerminal(page, "Connection closed by foreign host.");
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
      await openTerminal(page);
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
      await expectInTerminal(page, "updated corp.example, _dmarc.corp.example");
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
      await openTerminal(page);
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
      await expectInTerminal(page, "550 5.7.1 rejected by DMARC policy for corp.example");
      await expect(page.getByRole("list", { name: "SMTP conversations" })).toContainText(
        "DMARC reject",
      );
    });
  });
}

test.describe("email authentication in the lab: the event log", () => {
  test.use({ reducedMotion: "reduce" });

  test("spoofing: the forgery lands, then SPF and DMARC published with nsupdate stop it with 550 5.7.1", async ({
    page,
  }) => {
    test.setTimeout(300_000); // about forty lines, each run by the engine, on a shared machine
    await openLab(page, "spoofing");
    await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
    await expectInTerminal(page, "Connection closed by foreign host.");
    await expect(happened(page)).toContainText(
      "DMARC none: corp.example publishes no DMARC policy",
    );
    await expect(happened(page)).toContainText("delivered message");

    await typeLines(page, "exit", "nsupdate");
    await expectInTerminal(page, "> ");
    await typeLines(
      page,
      'update add corp.example 3600 TXT "v=spf1 mx -all"',
      'update add _dmarc.corp.example 3600 TXT "v=DMARC1; p=reject"',
      "send",
      "quit",
      "dig +short TXT _dmarc.corp.example",
    );
    await expectInTerminal(page, '"v=DMARC1; p=reject"');

    await typeLines(page, "ssh bulk.spammer.example", ...SPOOF);
    await expectInTerminal(page, "550 5.7.1 rejected by DMARC policy for corp.example");
    await expect(happened(page)).toContainText(
      "SPF fail: 198.51.100.66 is not permitted by corp.example",
    );
  });
});

for (const theme of ["light", "dark"] as const) {
  test.describe(`Does DMARC pass? PBQ (${theme})`, () => {
    test.use({ colorScheme: theme });
    test.describe.configure({ timeout: 150_000 });

    test("read the engine's Authentication-Results and the records, answer by keyboard", async ({
      page,
    }) => {
      await gotoHydrated(page, "/quiz?mode=pbq");
      const kind = page.getByRole("button", { name: "Does DMARC pass?" });
      await kind.focus();
      await page.keyboard.press("Enter");
      const header = page.getByLabel("Authentication-Results header");
      await expect(header).toContainText("Authentication-Results: mx.partner.example;");
      const setting = await page
        .getByRole("heading", { name: "Does DMARC pass?" })
        .locator("xpath=following-sibling::p[1]")
        .innerText();
      const c = DMARC_CASES.find((x) => x.setting === setting)!;
      expect(c).toBeTruthy();
      // The header is the engine's: its DMARC result is the one the case teaches.
      await expect(header).toContainText(
        `dmarc=${c.pass ? "pass" : c.id === "no-policy" ? "none" : "fail"}`,
      );
      const verdicts = page.getByRole("list", { name: "Verdicts" }).getByRole("button");
      const labels = await verdicts.allInnerTexts();
      const n = labels.findIndex((l) => l.includes(c.diagnosis)) + 1;
      expect(n).toBeGreaterThan(0);
      await page.keyboard.press(String(n));
      await page.keyboard.press("Enter");
      await expect(page.getByText("Right.", { exact: true })).toBeVisible();
      await expect(page.getByText(c.explanation)).toBeVisible();
      await expectNoAxeViolations(page);
      const next = page.getByRole("button", { name: "Another header" });
      await next.focus();
      await page.keyboard.press("Enter");
      await expect(header).toBeVisible();
      await expect(page.getByText("Right.", { exact: true })).toHaveCount(0);
    });
  });
}
