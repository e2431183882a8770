/**
 * The lab's layout: on every common screen, while the learner types, the terminal's prompt and the
 * whole network diagram are on screen together without scrolling; lesson prose scrolls on its own;
 * the task list folds away and stays folded; a phone keeps the prompt and the active hop in view.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { allRoutes } from "./helpers/routes";
import { openTerminal } from "./helpers/lab";
import { expect, gotoHydrated, test } from "./helpers/test";

const VIEWPORTS = [
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
] as const;

/** /lab with its widest scenario, and every lesson. */
function pages(): string[] {
  return ["/lab?scenario=port-25-blocked", ...allRoutes().filter((r) => /^\/lessons\/./.test(r))];
}

/**
 * Clicks into the terminal and waits for its first prompt; false when the page has no lab. /lab
 * and a lesson's lab column are in the server HTML; the lab itself loads after hydration.
 */
async function labReady(page: Page): Promise<boolean> {
  const lab = new URL(page.url()).pathname === "/lab";
  if (!lab && (await page.locator("[data-lab-frame]").count()) === 0) return false;
  await openTerminal(page);
  return true;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The diagram's box, the row holding `marker` in the terminal, and how far the page scrolled. */
async function measure(page: Page, marker: string) {
  return page.evaluate((m) => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const rows = [...document.querySelectorAll(".xterm-rows > div")];
    const row = rows.find((r) => r.textContent?.includes(m)) ?? null;
    return {
      svg: box(document.querySelector("[data-testid=network-diagram]")),
      prompt: box(row),
      scrollY: window.scrollY,
      vw: window.innerWidth,
      vh: window.innerHeight,
    };
  }, marker);
}

function expectInView(b: Box | null, vw: number, vh: number, what: string) {
  expect(b, `${what} is on the page`).not.toBeNull();
  const r = b!;
  expect(r.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(r.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(r.y + r.height, `${what} bottom`).toBeLessThanOrEqual(vh + 0.5);
  expect(r.x + r.width, `${what} right`).toBeLessThanOrEqual(vw + 0.5);
}

/** Types a command and the start of the next, as a learner in mid-line. */
async function typeSomething(page: Page, marker: string) {
  await page.locator(".xterm").first().click();
  await page.keyboard.type("dig MX corp.example");
  await page.keyboard.press("Enter");
  await expect(page.locator(".xterm-rows").first()).toContainText("MX");
  await page.keyboard.type(`echo ${marker}`);
  await expect(page.locator(".xterm-rows").first()).toContainText(marker);
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`workbench layout (${theme})`, () => {
    test.use({ colorScheme: theme, reducedMotion: "reduce" });
    // Every viewport in the light theme; the dark theme at the laptop and projector sizes.
    const sizes =
      theme === "light" ? VIEWPORTS : VIEWPORTS.filter(([w]) => w === 1366 || w === 1920);
    for (const [width, height] of sizes) {
      test(`${width}x${height}: the prompt and the whole diagram are on screen together on /lab and every lesson`, async ({
        page,
      }) => {
        test.setTimeout(300_000);
        await page.setViewportSize({ width, height });
        for (const route of pages()) {
          await gotoHydrated(page, route);
          if (!(await labReady(page))) continue;
          await typeSomething(page, "layoutcheck");
          const m = await measure(page, "layoutcheck");
          expect(m.scrollY, `${route}: the page did not scroll`).toBe(0);
          expectInView(m.svg, m.vw, m.vh, `${route} diagram`);
          expectInView(m.prompt, m.vw, m.vh, `${route} prompt line`);
        }
      });
    }

    test("a lesson's prose scrolls on its own; the lab stays put", async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await gotoHydrated(page, "/lessons/open-relays");
      await labReady(page);
      const prose = page.getByTestId("lesson-prose");
      const before = await page.getByTestId("network-diagram").boundingBox();
      const scrolled = await prose.evaluate((el) => {
        const own = getComputedStyle(el).overflowY;
        el.scrollTop = 600;
        return { own, top: el.scrollTop, page: window.scrollY };
      });
      expect(scrolled.own).toBe("auto");
      expect(scrolled.top).toBeGreaterThan(0);
      expect(scrolled.page).toBe(0);
      expect(await page.getByTestId("network-diagram").boundingBox()).toEqual(before);
    });

    test("the task list folds away and stays folded after a reload", async ({ page }) => {
      test.setTimeout(90_000);
      // 768 px tall: the list starts folded (the lab needs the height) until the learner chooses.
      await page.setViewportSize({ width: 1366, height: 768 });
      await gotoHydrated(page, "/lessons/open-relays");
      await page.getByRole("button", { name: "Show tasks" }).click();
      await expect(page.locator("#tasks-body")).toBeVisible();
      await page.reload();
      await expect(page.getByRole("button", { name: "Hide tasks" })).toHaveAttribute(
        "aria-expanded",
        "true",
      );
      await page.getByRole("button", { name: "Hide tasks" }).click();
      await expect(page.locator("#tasks-body")).toBeHidden();
      await page.reload();
      await expect(page.getByRole("button", { name: "Show tasks" })).toBeVisible();
      await expect(page.locator("#tasks-body")).toBeHidden();
    });

    test("the focused terminal shows a focus ring", async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await gotoHydrated(page, "/lab?scenario=isp-relay");
      const ring = () =>
        page.getByTestId("terminal-box").evaluate((el) => {
          const s = getComputedStyle(el);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
      expect((await ring()).style).toBe("none");
      await labReady(page);
      await expect.poll(async () => (await ring()).style).toBe("solid");
      expect((await ring()).width).toBeGreaterThanOrEqual(2);
      await page.keyboard.press("Escape"); // leaves the terminal
      await expect.poll(async () => (await ring()).style).toBe("none");
    });

    test("explanations under replies wrap at words in a narrow terminal", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await gotoHydrated(page, "/lab?scenario=isp-relay");
      await labReady(page);
      await page.locator(".xterm").first().click();
      await page.keyboard.type("telnet mail.isp.example 25");
      await page.keyboard.press("Enter");
      await expect(page.locator(".xterm-rows").first()).toContainText("220 mail.isp.example");
      const rows = await page
        .locator(".xterm-rows > div")
        .evaluateAll((els) => els.map((e) => (e.textContent ?? "").replace(/\u00a0/g, " ")));
      const at = rows.findIndex((r) => r.includes("↳"));
      expect(at).toBeGreaterThan(-1);
      // The explanation continues on the next row, indented under its text, not cut mid-word.
      expect(rows[at + 1]).toMatch(/^ {4}\S/);
      const joined = rows
        .slice(at, at + 4)
        .map((r) => r.trim())
        .join(" ");
      expect(joined).toContain("service ready: the server greets you");
    });

    test("axe: the lab and a lesson with the new workbench", async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1366, height: 768 });
      await gotoHydrated(page, "/lab?scenario=open-relay");
      await labReady(page);
      await expectNoAxeViolations(page, { exclude: [".xterm"] });
      await gotoHydrated(page, "/lessons/open-relays");
      await labReady(page);
      await expectNoAxeViolations(page, { exclude: [".xterm"] });
    });
  });
}

test.describe("on a phone with the keyboard open", () => {
  test.use({ viewport: { width: 390, height: 500 }, reducedMotion: "reduce", hasTouch: true });

  for (const route of ["/lab?scenario=isp-relay", "/lessons/what-is-a-relay"]) {
    test(`${route}: the prompt stays visible and the strip shows the active hop; the diagram is one tap away`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await gotoHydrated(page, route);
      // A lesson's lab loads when the learner scrolls to it.
      await page.locator("aside, [data-testid=lab-bench]").first().scrollIntoViewIfNeeded();
      await labReady(page);
      await page.getByTestId("lab-bench").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.locator(".xterm").first().click();
      await page.keyboard.type("telnet mail.isp.example 25");
      await page.keyboard.press("Enter");
      await expect(page.locator(".xterm-rows").first()).toContainText("220 mail.isp.example");
      await page.keyboard.type("EHLO phonecheck");
      await expect(page.locator(".xterm-rows").first()).toContainText("phonecheck");
      const m = await measure(page, "phonecheck");
      expectInView(m.prompt, m.vw, m.vh, "prompt line");
      const strip = page.getByTestId("diagram-strip");
      await expect(strip).toBeInViewport();
      await expect(strip.locator("[data-active=true]")).toHaveCount(2);
      await expect(strip.locator("[data-active=true] [aria-hidden]").first()).toHaveText("pc");
      await page.getByRole("button", { name: "Show diagram" }).click();
      await expect(page.getByTestId("network-diagram")).toBeVisible();
    });
  }
});

test.describe("nothing on screen moves while a page with a lab loads", () => {
  const cases = [
    ["/lab?scenario=isp-relay", 1366, 768],
    ["/lab?scenario=isp-relay", 390, 844],
    // 768 px tall: the task list starts folded, and must not fold after the page has painted.
    ["/lessons/open-relays", 1366, 768],
  ] as const;
  for (const [route, width, height] of cases) {
    test(`${route} at ${width}x${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        Object.assign(window, { __shifts: shifts });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
            shifts.push(e.value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      await gotoHydrated(page, route);
      // The lab has loaded and its shell has printed the banner (plain rows before xterm opens).
      await expect(page.getByTestId("terminal-facade")).toContainText("help");
      // Two more frames, so a shift caused by that last render is counted too.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const shifts = await page.evaluate(
        () => (window as unknown as { __shifts: number[] }).__shifts,
      );
      expect(
        shifts.reduce((a, b) => a + b, 0),
        `layout shifts: ${shifts.join(", ")}`,
      ).toBeLessThan(0.01);
    });
  }
});

test("every script the lab loads asks Chrome to compile it while it downloads", async ({
  page,
}) => {
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.url().includes("/_next/"))
      scripts.set(response.url(), response.text());
  });
  await gotoHydrated(page, "/lab");
  await openTerminal(page);
  // The page's chunks, the lab's and the terminal's lazy ones: all of them carry the hint.
  expect(scripts.size).toBeGreaterThan(3);
  for (const [url, text] of scripts)
    expect(
      (await text).startsWith("//# allFunctionsCalledOnLoad\n"),
      `${url} starts with the hint`,
    ).toBe(true);
});
