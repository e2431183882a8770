import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { MATRIX } from "./helpers/matrix";
import { answerCard } from "./helpers/practice";
import { expect, gotoHydrated, test } from "./helpers/test";

/** Starts a quiz and answers one question. */
async function answerOne(page: Page) {
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await answerCard(page);
}

for (const { viewport, theme, label } of MATRIX) {
  test.describe(`progress is never lost quietly (${label})`, () => {
    test.use({ viewport, colorScheme: theme });
    // Several axe runs a test: on a loaded 2-core machine each can take 20-40 s.
    test.describe.configure({ timeout: 150_000 });

    test("a refused write shows a polite message that suggests exporting", async ({ page }) => {
      // The browser refuses every write of saved progress, as it does when storage is full.
      await page.addInitScript(() => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key: string, value: string) {
          if (key.startsWith("relay-lab:"))
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          setItem.call(this, key, value);
        };
      });
      await gotoHydrated(page, "/quiz?mode=quiz");
      await expect(page.getByText("Your progress is not being saved.")).toHaveCount(0);
      await answerOne(page);
      const banner = page.locator("[data-save-problem=refused]");
      await expect(banner).toContainText("Your progress is not being saved.");
      await expect(banner.getByRole("button", { name: "Export progress" })).toBeVisible();
      await expectNoAxeViolations(page);
      const download = page.waitForEvent("download");
      await banner.getByRole("button", { name: "Export progress" }).click();
      expect((await download).suggestedFilename()).toMatch(/^relay-lab-progress-.*\.json$/);
    });

    test("progress from a newer version is kept and the app asks to be updated", async ({
      page,
    }) => {
      const future = JSON.stringify({ version: 99, state: { cards: {}, somethingNew: true } });
      await page.addInitScript((value) => {
        if (!sessionStorage.getItem("seeded")) {
          localStorage.setItem("relay-lab:quiz", value);
          sessionStorage.setItem("seeded", "1");
        }
      }, future);
      await gotoHydrated(page, "/quiz?mode=quiz");
      const banner = page.locator("[data-save-problem=newer]");
      // The quiz's store loads with its lazily loaded mode, after the page.
      await expect(banner).toContainText("Relay Lab needs updating.", { timeout: 30_000 });
      await expect(banner.getByRole("button", { name: "Reload" })).toBeVisible();
      await expectNoAxeViolations(page);
      await answerOne(page);
      expect(await page.evaluate(() => localStorage.getItem("relay-lab:quiz"))).toBe(future);
      expect(await page.evaluate(() => localStorage.getItem("relay-lab:quiz:bad"))).toBeNull();
    });
  });
}

test("a 12 MB import that the browser cannot store says so and is not presented as imported", async ({
  page,
}) => {
  await gotoHydrated(page, "/quiz?mode=stats");
  test.setTimeout(120_000);
  await expect(page.getByRole("heading", { name: "Your progress" })).toBeVisible({
    timeout: 30_000,
  });
  // A well-formed progress file, too big for localStorage's quota.
  const cards: Record<string, object> = {};
  for (let i = 0; i < 160_000; i++) {
    cards[`port:made-up-${i}:${i}`] = { seen: 1, correct: 1, recent: [true], lastAt: 0 };
  }
  const file = JSON.stringify({
    format: "relay-lab-progress",
    stores: {
      "relay-lab:quiz": {
        version: 1,
        state: { cards, days: {}, exams: [], pbq: [], newPerDay: 10, customDeck: [] },
      },
    },
  });
  expect(file.length).toBeGreaterThan(12_000_000);
  await page.getByLabel("Import progress").setInputFiles({
    name: "big.json",
    mimeType: "application/json",
    buffer: Buffer.from(file),
  });
  await expect(page.getByText(/refused to store it/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Imported progress/)).toHaveCount(0);
});
