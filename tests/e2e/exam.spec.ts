import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { MATRIX } from "./helpers/matrix";
import { expect, gotoHydrated, test } from "./helpers/test";

/** Answers the question on screen (the first choice, or 25 when typed) and moves to the next. */
async function answer(page: Page) {
  const input = page.getByLabel("Port number");
  if (await input.isVisible()) {
    await input.fill("25");
    await input.press("Enter");
  } else {
    // A tap on a choice picks it and moves on, as on the real exam's next button.
    await page.getByRole("list", { name: "Choices" }).getByRole("button").first().click();
  }
}

for (const { viewport, theme, label } of MATRIX) {
  test.describe(`exam (${label})`, () => {
    test.use({ viewport, colorScheme: theme });

    test("flag, reload to resume, review blanks and flags, confirm, then a scaled report", async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await gotoHydrated(page, "/quiz?mode=exam");
      await page.getByText("10", { exact: true }).click();
      await page.getByRole("button", { name: "Start a 10-question exam" }).click();
      await expect(page.getByText("Question 1 of 10")).toBeVisible();

      // Finishing is not beside Next: a mis-tap on the row of question buttons cannot end it.
      const next = page.getByRole("button", { name: "Next", exact: true });
      await expect(next.locator("..").getByRole("button", { name: /finish|submit/i })).toHaveCount(
        0,
      );

      await answer(page);
      await expect(page.getByText("Question 2 of 10 · 1 answered")).toBeVisible();
      await page.getByRole("button", { name: "Flag for review" }).click();
      await expect(page.getByRole("button", { name: "Flagged for review" })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
      const before = await page.getByRole("timer").innerText();

      // A reload (or a closed tab) resumes the exam where it was, answers and flags kept.
      await page.reload();
      await expect(page.getByText("Welcome back: your exam was saved.")).toBeVisible();
      await expect(page.getByText("Question 2 of 10 · 1 answered")).toBeVisible();
      await expect(page.getByRole("button", { name: "Flagged for review" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
      // The clock kept running: never more time left than before the reload.
      const [bm, bs] = before.split(":").map(Number) as [number, number];
      const [am, as] = (await page.getByRole("timer").innerText()).split(":").map(Number) as [
        number,
        number,
      ];
      expect(am * 60 + as).toBeLessThanOrEqual(bm * 60 + bs);
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Review and finish…" }).click();
      await expect(page.getByRole("heading", { name: "Review before submitting" })).toBeFocused();
      const blanks = page.getByRole("list", { name: "Unanswered questions" });
      await expect(blanks.getByRole("button")).toHaveCount(9);
      await expect(
        page.getByRole("list", { name: "Flagged questions" }).getByRole("button"),
      ).toHaveAccessibleName("Go to question 2");
      await expectNoAxeViolations(page);

      // Jump to a blank from the review screen, answer it, and come back.
      await blanks.getByRole("button", { name: "Go to question 3" }).click();
      await expect(page.getByText("Question 3 of 10")).toBeVisible();
      await answer(page);
      await page.getByRole("button", { name: "Review and finish…" }).click();
      await expect(
        page.getByRole("list", { name: "Unanswered questions" }).getByRole("button"),
      ).toHaveCount(8);

      // Blanks left: a confirmation first, and "Keep answering" is the safe default.
      await page.getByRole("button", { name: "Submit exam" }).click();
      const dialog = page.getByRole("dialog", { name: "Submit with 8 unanswered?" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Keep answering" })).toBeFocused();
      await expectNoAxeViolations(page);
      await dialog.getByRole("button", { name: "Keep answering" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("heading", { name: "Review before submitting" })).toBeVisible();
      await page.getByRole("button", { name: "Submit exam" }).click();
      await dialog.getByRole("button", { name: "Submit anyway" }).click();

      await expect(page.getByRole("heading", { name: "Exam report" })).toBeFocused();
      const scaled = Number(
        await page.locator("[data-scaled-score]").getAttribute("data-scaled-score"),
      );
      expect(scaled).toBeGreaterThanOrEqual(100);
      expect(scaled).toBeLessThanOrEqual(900);
      await expect(page.getByText(/Not yet a pass|Pass/).first()).toBeVisible();
      await expect(page.getByText("(pass mark 750)")).toBeVisible();
      await expect(page.getByText(/The 100–900 scaling is ours/)).toBeVisible();
      await expect(page.getByText(/Answered 2 of 10/)).toBeVisible();
      await expect(
        page.getByRole("heading", { name: "By SY0-701 objective, weakest first" }),
      ).toBeVisible();
      await expect(page.getByText(/^[2-5]\.\d [A-Z]/).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({
        path: test.info().outputPath(`exam-report-${viewport.name}-${theme}.png`),
        fullPage: false,
      });

      // The report survives a reload too, and its weak ports go straight to a drill.
      await page.reload();
      await expect(page.getByRole("heading", { name: "Exam report" })).toBeVisible();
      const drill = page.getByRole("button", { name: /^Drill my weak ports \(\d+\)$/ });
      await drill.click();
      await expect(page.getByRole("tab", { name: "Drill" })).toHaveAttribute(
        "aria-selected",
        "true",
      );
      await expect(page.getByText(/^Drilling the \d+ ports you missed only\./)).toBeVisible();
      await expect(page).toHaveURL(/mode=drill&cards=port%3A/);
    });
  });
}

test("an exam whose time ran out while the tab was closed is over when it reopens", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.clock.install({ time: new Date("2026-01-05T09:00:00Z") });
  await gotoHydrated(page, "/quiz?mode=exam");
  await page.getByText("10", { exact: true }).click();
  await page.getByRole("button", { name: "Start a 10-question exam" }).click();
  await answer(page);
  await expect(page.getByText("Question 2 of 10 · 1 answered")).toBeVisible();
  // The tab is closed; eleven minutes later the learner comes back to a ten-minute exam.
  await page.close();
  await context.clock.setSystemTime(new Date("2026-01-05T09:11:00Z"));
  const again = await context.newPage();
  await gotoHydrated(again, "/quiz?mode=exam");
  await expect(again.getByRole("heading", { name: "Time is up: exam report" })).toBeVisible();
  await expect(again.getByText("Time ran out while you were away.")).toBeVisible();
  await expect(again.getByText(/Answered 1 of 10/)).toBeVisible();
});
