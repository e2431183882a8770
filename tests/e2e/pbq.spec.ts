import { PORTS } from "../../content/ports";
import { NETWORK_LINKS, NETWORK_NODES } from "../../lib/quiz";
import { TRANSCRIPT_CASES } from "../../lib/quiz/pbq-transcript";
import { expectNoAxeViolations } from "./helpers/axe";
import { MATRIX } from "./helpers/matrix";
import { expect, gotoHydrated, test } from "./helpers/test";

const nodeLabel = (id: string) => NETWORK_NODES.find((n) => n.id === id)?.label ?? id;

for (const { viewport, theme, label } of MATRIX) {
  test.describe(`PBQs (${label})`, () => {
    test.use({ viewport, colorScheme: theme });
    // Several axe runs a test: on a loaded 2-core machine each can take 20-40 s.
    test.describe.configure({ timeout: 150_000 });

    test("match ports by drag and drop and by keyboard", async ({ page }) => {
      await gotoHydrated(page, "/quiz?mode=pbq");
      await page.getByRole("button", { name: "Match ports" }).click();
      const rows = page.locator("[data-drop]");
      await expect(rows).toHaveCount(6);
      const protocols = await rows.locator("label").allInnerTexts();
      const portOf = (p: string) => PORTS.find((e) => e.protocol === p)?.ports[0]?.number;

      // One by drag and drop; the row's list box shows what was dropped.
      const first = protocols[0]!;
      // HTML5 drag events with one DataTransfer, as a mouse or touch drag delivers them.
      const dt = await page.evaluateHandle(() => new DataTransfer());
      const chip = page
        .getByRole("group", { name: "Ports to place" })
        .getByText(String(portOf(first)), { exact: true });
      await chip.dispatchEvent("dragstart", { dataTransfer: dt });
      await rows.first().dispatchEvent("dragover", { dataTransfer: dt });
      await rows.first().dispatchEvent("drop", { dataTransfer: dt });
      await expect(page.getByRole("combobox", { name: first, exact: true })).toHaveValue(
        String(portOf(first)),
      );

      // The rest by keyboard, through each protocol's list box.
      for (const p of protocols.slice(1)) {
        const box = page.getByRole("combobox", { name: p, exact: true });
        await box.focus();
        await box.selectOption(String(portOf(p)));
      }
      await page.getByRole("button", { name: "Check answers" }).click();
      await expect(page.locator("[data-pbq-score]")).toHaveText("6 of 6 right: well done.");
      await expectNoAxeViolations(page);
    });

    test("replace the insecure protocols on the network", async ({ page }) => {
      await gotoHydrated(page, "/quiz?mode=pbq");
      await page.getByRole("button", { name: "Secure the network" }).click();
      await expect(page.getByRole("img", { name: /Network diagram/ })).toBeVisible();
      // Leave one clear-text link as it is, to see the feedback explain why.
      for (const link of NETWORK_LINKS) {
        const box = page.getByLabel(
          new RegExp(`^${nodeLabel(link.from)} to ${nodeLabel(link.to)}`),
        );
        await box.selectOption(link.id === "admin-switch" ? "keep" : link.accept[0]!);
      }
      await page.getByRole("button", { name: "Check the network" }).click();
      const total = NETWORK_LINKS.length;
      await expect(page.locator("[data-pbq-score]")).toHaveText(`${total - 1} of ${total} right.`);
      await expect(
        page.getByText(/Not quite\. Telnet sends the switch's admin password/),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({
        path: test.info().outputPath(`network-${viewport.name}-${theme}.png`),
        fullPage: true,
      });
    });

    test("read an engine-made SMTP transcript and say what went wrong", async ({ page }) => {
      await gotoHydrated(page, "/quiz?mode=pbq");
      await page.getByRole("button", { name: "Read a transcript" }).click();
      const transcript = page.getByRole("list", { name: "SMTP transcript" });
      await expect(transcript).toContainText("$ telnet mx.corp.example");
      const setting = await page
        .getByRole("heading", { name: "What went wrong?" })
        .locator("xpath=following-sibling::p[1]")
        .innerText();
      const c = TRANSCRIPT_CASES.find((x) => x.setting === setting)!;
      expect(c).toBeTruthy();
      // The lines come from the engine: the real reply for each case is on screen.
      const reply = {
        "relay-denied": "554 5.7.1 <bob@partner.example>: Relay access denied",
        "starttls-first": "530 5.7.0 Must issue a STARTTLS command first",
        "auth-failed": "535 5.7.8 Error: authentication failed",
        "bad-sequence": "503 5.5.1 Error: need MAIL command",
        "port-blocked": "telnet: Connection timed out",
      }[c.id];
      await expect(transcript).toContainText(reply!);
      await page.getByRole("list", { name: "Diagnoses" }).getByText(c.diagnosis).click();
      await expect(page.getByText("Right.", { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Another transcript" }).click();
      await expect(transcript).toBeVisible();
    });
  });
}
