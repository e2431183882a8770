#!/usr/bin/env node
// Screenshots of the lab's layout for docs/: /lab and a lesson at 1366x768, /demo?present=1 at
// 1920x1080 (its last step), and the phone at 390x844. Run `npm run build` first.
// Usage: node scripts/shots-lab.mjs [outdir]   (default docs/)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, requireChromium } from "./lib/chromium.mjs";
import { OUT_DIR, REPO_ROOT } from "./lib/paths.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

const dir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, "docs"));
mkdirSync(dir, { recursive: true });
const { origin, close } = await startStaticServer({ root: OUT_DIR, host: "127.0.0.1" });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_FLAGS });

async function shot(route, file, { width, height, theme = "light", typed = [], init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(origin + route, { waitUntil: "networkidle" });
  // The lab shows its banner as plain text until the terminal is clicked, which opens xterm.
  await page.getByTestId("terminal-box").first().click({ timeout: 60_000 });
  await page.locator(".xterm-rows").first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  if (typed.length) {
    await page.locator(".xterm").first().click();
    for (const line of typed) {
      await page.keyboard.type(line);
      await page.keyboard.press("Enter");
    }
  }
  await page.waitForTimeout(2500);
  await page.screenshot({ path: path.join(dir, file) });
  await context.close();
  console.log(file);
}

const SPAM = [
  "ssh bulk.spammer.example",
  "telnet mx.corp.example 25",
  "EHLO spam.example",
  "MAIL FROM:<a@spam.example>",
  "RCPT TO:<victim@partner.example>",
];
try {
  await shot("/lab?scenario=open-relay", "lab-1366.png", { width: 1366, height: 768, typed: SPAM });
  await shot("/lessons/open-relays", "lesson-1366.png", { width: 1366, height: 768, typed: SPAM });
  await shot("/demo?scenario=port-25-blocked&step=4&present=1", "demo-present-1920.png", {
    width: 1920,
    height: 1080,
  });
  if (process.argv.includes("--phone")) {
    await shot("/lab?scenario=isp-relay", "lab-390.png", {
      width: 390,
      height: 844,
      typed: ["dig MX corp.example"],
    });
    await shot("/lessons/open-relays", "lesson-390.png", { width: 390, height: 844 });
    await shot("/lab?scenario=open-relay", "lab-1366-dark.png", {
      width: 1366,
      height: 768,
      theme: "dark",
      typed: SPAM,
    });
  }
} finally {
  await browser.close();
  await close();
}
