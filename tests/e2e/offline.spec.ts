import type { BrowserContext, Page } from "@playwright/test";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStaticServer } from "../../scripts/lib/static-server.mjs";
import { expectNoAxeViolations } from "./helpers/axe";
import { MATRIX } from "./helpers/matrix";
import { openTerminal } from "./helpers/lab";
import { allRoutes } from "./helpers/routes";
import { expect, gotoHydrated, test } from "./helpers/test";

// The rest of the suite blocks service workers (playwright.config.ts); this spec is about them.
test.use({ serviceWorkers: "allow" });

const OUT = path.resolve(__dirname, "..", "..", "out");

/** One online visit: wait until the worker has installed (precached the site) and controls the page. */
async function installOffline(page: Page, url = "/") {
  await gotoHydrated(page, url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
}

test("the site is installable: a manifest with SVG and PNG icons", async ({ page, request }) => {
  await gotoHydrated(page, "/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    display: string;
    start_url: string;
    icons: { src: string; type: string; sizes: string }[];
  };
  expect(manifest.display).toBe("standalone");
  expect(manifest.start_url).toBe("/");
  expect(manifest.icons.map((i) => i.type)).toEqual(
    expect.arrayContaining(["image/svg+xml", "image/png"]),
  );
  expect(manifest.icons.some((i) => i.sizes === "512x512")).toBe(true);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
  // The worker is registered from the site's own script files, never an inline script.
  const inline = await page.locator("script:not([src])").allInnerTexts();
  expect(inline.filter((s) => s.includes("serviceWorker"))).toEqual([]);
});

test("after one online visit every route works offline, the lab included", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await installOffline(page);
  await goOffline(context);
  for (const route of allRoutes()) {
    const response = await page.goto(route, { waitUntil: "load" });
    expect(response?.ok(), `${route} offline`).toBe(true);
    await expect(page.getByRole("heading", { level: 1 }).first(), route).toBeVisible();
  }
  // The lab's terminal and engine run offline: a typed SMTP session gets the engine's replies.
  await page.goto("/lab?scenario=isp-relay", { waitUntil: "load" });
  await openTerminal(page);
  await page.keyboard.type("telnet mail.isp.example 25");
  await page.keyboard.press("Enter");
  await expect(page.locator(".xterm-rows")).toContainText("220 mail.isp.example");
  // A lesson, and the quiz's lazily loaded modes.
  await page.goto("/quiz?mode=pbq", { waitUntil: "load" });
  await page.getByRole("button", { name: "Read a transcript" }).click();
  await expect(page.getByRole("list", { name: "SMTP transcript" })).toContainText("$ telnet");
});

for (const { viewport, theme, label } of MATRIX) {
  test(`a new version offers a polite reload (${label})`, async ({ page }) => {
    test.setTimeout(150_000);
    // A private copy of the site, so publishing a "new version" touches no other test.
    const root = mkdtempSync(path.join(tmpdir(), "relay-lab-sw-"));
    cpSync(OUT, root, { recursive: true });
    const server = await startStaticServer({ root, host: "127.0.0.1" });
    try {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await installOffline(page, `${server.origin}/`);
      // Deploy: the same worker with one byte changed, as any new build would give.
      appendFileSync(path.join(root, "sw.js"), `\n// new version ${label}\n`);
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg?.update();
      });
      const banner = page.getByRole("status").filter({
        hasText: "A new version of Relay Lab is ready",
      });
      await expect(banner).toBeVisible({ timeout: 60_000 });
      await expectNoAxeViolations(page);
      await page.screenshot({
        path: test.info().outputPath(`update-${viewport.name}-${theme}.png`),
      });
      const reloaded = page.waitForEvent("load");
      await banner.getByRole("button", { name: "Reload" }).click();
      await reloaded;
      await expect(banner).toBeHidden();
      expect(
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting),
      ).toBeFalsy();
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
}
