import { expect, type Page } from "@playwright/test";

/** Answers the practice card on screen (first choice, or 25 typed) and waits for its feedback. */
export async function answerCard(page: Page) {
  const input = page.getByLabel("Port number");
  if (await input.isVisible()) {
    await input.fill("25");
    await page.getByRole("button", { name: "Check" }).click();
  } else {
    await page.getByRole("list", { name: "Choices" }).getByRole("button").first().click();
  }
  await expect(page.locator("[data-verdict]")).toBeVisible();
}
