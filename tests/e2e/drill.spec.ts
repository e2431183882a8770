import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { MATRIX } from "./helpers/matrix";
import { answerCard } from "./helpers/practice";
import { expect, gotoHydrated, test } from "./helpers/test";

interface SavedCard {
  seen: number;
  memory?: { state: string; due: number };
}

/** The quiz progress as saved in localStorage (what survives a reload). */
async function savedCards(page: Page): Promise<Record<string, SavedCard>> {
  return page.evaluate(() => {
    const raw = localStorage.getItem("relay-lab:quiz");
    return raw
      ? (JSON.parse(raw) as { state: { cards: Record<string, SavedCard> } }).state.cards
      : {};
  });
}

for (const { viewport, theme, label } of MATRIX) {
  test.describe(`drill (${label})`, () => {
    test.use({ viewport, colorScheme: theme });
    // Several axe runs a test: on a loaded 2-core machine each can take 20-40 s.
    test.describe.configure({ timeout: 150_000 });

    test("self-rating feeds the schedule, the suggestion is preselected, and undo takes it back", async ({
      page,
    }) => {
      await gotoHydrated(page, "/quiz?mode=drill");
      await page.getByRole("button", { name: "Start drilling" }).click();
      await answerCard(page);
      const rating = page.getByRole("group", { name: /How did it go\?/ });
      await expect(rating).toBeVisible();
      // The app's suggestion from the answer is already chosen.
      const suggested = (await rating.locator("legend").innerText()).match(/suggested: (\w+)/)?.[1];
      expect(suggested).toMatch(/again|hard|good|easy/);
      const cap = suggested![0]!.toUpperCase() + suggested!.slice(1);
      await expect(rating.getByRole("radio", { name: new RegExp(`^${cap}`) })).toBeChecked();
      await expectNoAxeViolations(page);

      const [id] = Object.keys(await savedCards(page));
      expect(id).toBeTruthy();
      // "Easy" on a new card graduates it to review; "Again" keeps it in learning.
      await rating.getByText("Easy", { exact: true }).click();
      await expect.poll(async () => (await savedCards(page))[id!]?.memory?.state).toBe("review");
      await rating.getByText("Again", { exact: true }).click();
      await expect.poll(async () => (await savedCards(page))[id!]?.memory?.state).toBe("learning");
      expect((await savedCards(page))[id!]?.seen).toBe(1);

      // Undo: the answer is gone from the saved progress and the card is asked again.
      const prompt = await page.getByRole("heading", { level: 2 }).first().innerText();
      await page.getByRole("button", { name: "Undo last answer" }).click();
      await expect.poll(async () => Object.keys(await savedCards(page))).toEqual([]);
      await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(prompt);
      await expect(page.locator("[data-verdict]")).toHaveCount(0);

      // Answer it again and rate Again: it comes due today in the seven-day forecast.
      await answerCard(page);
      await page
        .getByRole("group", { name: /How did it go\?/ })
        .getByText("Again", { exact: true })
        .click();
      await page.reload();
      const forecast = page.locator("[data-forecast] li");
      await expect(forecast).toHaveCount(7);
      await expect(forecast.first()).toContainText("Today");
      await expect(forecast.first().locator("[data-due]")).toHaveAttribute("data-due", "1");
      await expectNoAxeViolations(page);
    });

    test("decks: mail only, and a hand-picked deck", async ({ page }) => {
      await gotoHydrated(page, "/quiz?mode=drill");
      const deck = page.getByRole("combobox", { name: "Deck to drill" });
      await deck.selectOption({ label: "Mail" });
      await page.getByRole("button", { name: "Start drilling" }).click();
      await answerCard(page);
      const mail = /^(port:(smtp|submission|submissions|pop3|pop3s|imap|imaps):\d+|reply:\d{3})$/;
      expect(Object.keys(await savedCards(page))).toEqual([expect.stringMatching(mail)]);

      await page.reload();
      await page
        .getByRole("combobox", { name: "Deck to drill" })
        .selectOption({ label: "Hand-picked" });
      await page.getByRole("checkbox", { name: "Kerberos" }).check();
      await expect(page.getByText("Protocols in your deck (1 chosen)")).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Start drilling" }).click();
      await answerCard(page);
      expect(Object.keys(await savedCards(page))).toContain("port:kerberos:88");
    });
  });
}
