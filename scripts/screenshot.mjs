#!/usr/bin/env node
// Take the README's screenshot (docs/screenshot.png) of the static build with Debian's Chromium,
// and with --all also 360 px and 1920 px shots of every route in both themes into reports/shots/.
// Run `npm run build` first.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, requireChromium } from "./lib/chromium.mjs";
import { OUT_DIR, REPO_ROOT } from "./lib/paths.mjs";
import { exportedRoutes } from "./lib/routes.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

if (!existsSync(path.join(OUT_DIR, "index.html"))) {
  console.error("No static build in out/. Run `npm run build` first.");
  process.exit(1);
}
const all = process.argv.includes("--all");
const { origin, close } = await startStaticServer({ root: OUT_DIR, host: "127.0.0.1" });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_FLAGS });

async function shoot(route, { width, height, theme, file, fullPage }) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme: theme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${origin}${route}`, { waitUntil: "networkidle" });
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
  await context.close();
  console.log(path.relative(REPO_ROOT, file));
}

try {
  await shoot("/", {
    width: 1280,
    height: 800,
    theme: "light",
    file: path.join(REPO_ROOT, "docs", "screenshot.png"),
    fullPage: false,
  });
  if (all) {
    for (const { route } of exportedRoutes(OUT_DIR)) {
      const slug = route === "/" ? "home" : route.replace(/^\/|\/$/g, "").replaceAll("/", "_");
      for (const width of [360, 1920]) {
        for (const theme of ["light", "dark"]) {
          await shoot(route, {
            width,
            height: width === 360 ? 780 : 1080,
            theme,
            file: path.join(REPO_ROOT, "reports", "shots", `${slug}-${width}-${theme}.png`),
            fullPage: true,
          });
        }
      }
    }
  }
} finally {
  await browser.close();
  await close();
}
