import { test as base, expect, type Page } from "@playwright/test";

/**
 * The `test` every spec should import. It watches the page for console errors and uncaught
 * exceptions and fails the test if any happened, so a route that throws while hydrating, a
 * missing asset or a React warning logged as an error never passes unnoticed.
 *
 * A spec that expects a particular error (say, a 404 it provokes on purpose) lists it; patterns
 * are matched against "console.error: TEXT (at URL)", so they can name the URL too:
 *   test.use({ allowedConsoleErrors: [/status of 404 .*\/no-such-page\)$/] });
 */
export interface PageProblemOptions {
  /** Console errors ("console.error: TEXT (at URL)") matching any of these do not fail the test. */
  allowedConsoleErrors: RegExp[];
}

interface PageProblemFixtures {
  /** Problems seen so far in this test (console errors and page errors), for specs that inspect them. */
  pageProblems: string[];
}

export const test = base.extend<PageProblemOptions & PageProblemFixtures>({
  allowedConsoleErrors: [[], { option: true }],
  pageProblems: [
    async ({ page, allowedConsoleErrors }, use, testInfo) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const where = message.location().url;
        const line = `console.error: ${message.text()}${where ? ` (at ${where})` : ""}`;
        if (allowedConsoleErrors.some((pattern) => pattern.test(line))) return;
        problems.push(line);
      });
      page.on("pageerror", (error) => {
        problems.push(`uncaught ${error.name}: ${error.message}`);
      });
      await use(problems);
      if (problems.length > 0 && testInfo.status === testInfo.expectedStatus) {
        await testInfo.attach("page-problems", { body: problems.join("\n") });
      }
      expect(problems, "the page logged errors or threw").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Open a path and wait until React has hydrated it: the page's main landmark and every form
 * control on it (outside a terminal, whose DOM is xterm's) carry React's props, and the network
 * is quiet. Scripts start after the first paint (scripts/paint-first.mjs), so the load event
 * alone can come before any of them ran, and a quiet network before hydration finished.
 */
export async function gotoHydrated(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: "load" });
  await page.waitForFunction(() => {
    const react = (el: Element) => Object.keys(el).some((k) => k.startsWith("__reactProps$"));
    const main = document.getElementById("main");
    const controls = [...document.querySelectorAll("input, button, select, textarea")].filter(
      (el) => !el.closest(".xterm"),
    );
    return main !== null && react(main) && controls.every(react);
  });
  await page.waitForLoadState("networkidle");
  return response;
}

/** The theme the page is showing, from <html data-theme>. */
export async function shownTheme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}
