import { expectNoAxeViolations } from "./helpers/axe";
import { MATRIX } from "./helpers/matrix";
import { expect, gotoHydrated, test } from "./helpers/test";

const MAIL = ["SMTP", "SMTP submission", "SMTPS (submissions)", "IMAP", "IMAPS", "POP3", "POP3S"];

for (const { viewport, theme, label } of MATRIX) {
  test.describe(`ports reference (${label})`, () => {
    test.use({ viewport, colorScheme: theme });
    // Several axe runs a test: on a loaded 2-core machine each can take 20-40 s.
    test.describe.configure({ timeout: 150_000 });

    test("fits the screen, forgives typos, finds mail by everyday words, and drills the result", async ({
      page,
    }) => {
      await gotoHydrated(page, "/ports");
      const phone = viewport.width < 640;
      const cards = page.locator("[data-port-card]");
      if (phone) {
        // Cards, not a table: nothing scrolls sideways, every column is on each card.
        await expect(page.getByRole("table")).toBeHidden();
        await expect(cards.first()).toBeVisible();
        // FTP has every column (SMTP has no secure counterpart: relay uses STARTTLS on 25).
        const ftp = page.locator('[data-port-card="ftp"]');
        for (const term of ["Port", "TCP/UDP", "Topic", "For", "Secure", "Watch out"]) {
          await expect(ftp.getByText(term, { exact: true })).toBeVisible();
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      } else {
        await expect(page.getByRole("table")).toBeVisible();
        await expect(cards.first()).toBeHidden();
      }
      await expectNoAxeViolations(page);

      const search = page.getByRole("searchbox", { name: "Search ports" });
      const names = phone
        ? page.locator("[data-port-card] h2 a")
        : page.getByRole("table").getByRole("rowheader").getByRole("link");
      await search.fill("kerbros");
      await expect(names.first()).toHaveAccessibleName("Kerberos: drill this port");

      for (const word of ["email", "mail"]) {
        await search.fill(word);
        for (const protocol of MAIL) {
          await expect(
            names.filter({ hasText: new RegExp(`^${protocol.replace(/[()]/g, "\\$&")}$`) }),
          ).toHaveCount(1);
        }
      }
      await expectNoAxeViolations(page);
      await page.screenshot({
        path: test.info().outputPath(`ports-mail-${viewport.name}-${theme}.png`),
        fullPage: false,
      });

      await search.fill("email");
      const count = await names.count();
      await page.getByRole("link", { name: `Drill these ${count}` }).click();
      await expect(page).toHaveURL(/\/quiz\?mode=drill&entries=/);
      await expect(
        page.getByText(/^Drilling SMTP submission, .* and \d+ more only\.|^Drilling .+ only\./),
      ).toBeVisible();
      await page.getByRole("button", { name: "Start drilling" }).click();
      await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    });
  });
}
