import { expect, gotoHydrated, test } from "./helpers/test";

// The harness itself: the auto fixture must see console errors and uncaught exceptions (it fails
// any test whose list is not empty at the end). These tests read the list, then empty it.
test.describe("the e2e harness", () => {
  test("records a console error the page logs", async ({ page, pageProblems }) => {
    await gotoHydrated(page, "/");
    await page.evaluate(() => console.error("deliberate console error"));
    await expect.poll(() => pageProblems.join("\n")).toContain("deliberate console error");
    pageProblems.length = 0;
  });

  test("records an exception the page throws", async ({ page, pageProblems }) => {
    await gotoHydrated(page, "/");
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error("deliberate uncaught error");
      }, 0);
    });
    await expect.poll(() => pageProblems.join("\n")).toContain("deliberate uncaught error");
    pageProblems.length = 0;
  });

  test.describe("with an allowed pattern", () => {
    test.use({ allowedConsoleErrors: [/expected noise/] });

    test("ignores only the console errors it was told to expect", async ({
      page,
      pageProblems,
    }) => {
      await gotoHydrated(page, "/");
      await page.evaluate(() => {
        console.error("some expected noise");
        console.error("a real problem");
      });
      await expect.poll(() => pageProblems.length).toBe(1);
      expect(pageProblems[0]).toContain("a real problem");
      pageProblems.length = 0;
    });
  });
});
