import { expectNoAxeViolations } from "./helpers/axe";
import { allRoutes } from "./helpers/routes";
import { expect, gotoHydrated, shownTheme, test } from "./helpers/test";

const THEMES = ["light", "dark"] as const;

// Every exported route, in both themes: it loads, logs no errors (the fixture checks that),
// follows the system colour scheme, and axe finds nothing.
for (const route of allRoutes()) {
  for (const theme of THEMES) {
    test.describe(`${route} in the ${theme} theme`, () => {
      test.use({ colorScheme: theme });

      test(`has no axe violations and no console errors`, async ({ page }) => {
        const response = await gotoHydrated(page, route);
        expect(response?.status(), `status of ${route}`).toBe(200);
        expect(await shownTheme(page)).toBe(theme);
        await expect(page.locator("h1").first()).toBeVisible();
        await expectNoAxeViolations(page);
      });
    });
  }

  test(`${route} fits a 360 px wide phone without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await gotoHydrated(page, route);
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .filter((el) => !el.closest("[data-scroll-x], pre, .xterm"))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
    });
    expect(overflow.scrollWidth, `page wider than the screen: ${overflow.wide.join(", ")}`).toBe(
      overflow.clientWidth,
    );
  });

  test(`${route} links only to pages that exist`, async ({ page, request }) => {
    await gotoHydrated(page, route);
    const hrefs = await page.$$eval("a[href]", (links) =>
      links.map((a) => (a as HTMLAnchorElement).href),
    );
    const origin = new URL(page.url()).origin;
    const internal = [
      ...new Set(hrefs.filter((h) => h.startsWith(origin)).map((h) => h.split("#")[0]!)),
    ];
    const broken: string[] = [];
    for (const href of internal) {
      const response = await request.get(href);
      if (response.status() !== 200) broken.push(`${href} (${response.status()})`);
    }
    expect(broken, `broken links on ${route}`).toEqual([]);
  });
}

test.describe("site shell", () => {
  test("the skip link is the first tab stop and moves focus to the main content", async ({
    page,
  }) => {
    await gotoHydrated(page, "/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab continues after the skip target, never back in the header.
    await page.keyboard.press("Tab");
    const inHeader = await page.evaluate(() => document.activeElement?.closest("header") != null);
    expect(inHeader).toBe(false);
  });

  test("the theme switch overrides the system and is remembered after a reload", async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await gotoHydrated(page, "/");
    expect(await shownTheme(page)).toBe("light");

    // The radios are visually hidden inside their labels, so click the label as a user does.
    await page.locator("label", { hasText: "Dark" }).click();
    expect(await shownTheme(page)).toBe("dark");

    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await shownTheme(page)).toBe("dark");
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();

    // Back to following the system: the stored choice is cleared.
    await page.locator("label", { hasText: "Auto" }).click();
    await expect(page.getByRole("radio", { name: "Auto" })).toBeChecked();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await shownTheme(page)).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => shownTheme(page)).toBe("light");
  });

  test.describe("an unknown address", () => {
    // Chromium logs the 404 of the document itself as a console error; that one is the point.
    test.use({ allowedConsoleErrors: [/status of 404 .*\/no-such-page\)$/] });

    test("answers 404 with the site's not-found page, which passes axe", async ({ page }) => {
      const response = await gotoHydrated(page, "/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/no such page/i);
      await expect(page.getByRole("link", { name: /back to the course/i })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
});
