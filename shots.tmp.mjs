import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS } from "./scripts/lib/chromium.mjs";
import { startStaticServer } from "./scripts/lib/static-server.mjs";
const { origin, close } = await startStaticServer({ root: "out", host: "127.0.0.1" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
const out = "/tmp/shots";
async function shot(name, w, h, theme, fn) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: theme, serviceWorkers: "block" });
  const page = await ctx.newPage();
  await fn(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}-${w}-${theme}.png` });
  await ctx.close();
}
const go = async (p, path) => { await p.goto(origin + path, { waitUntil: "networkidle" }); };
for (const [w, h] of [[390, 844], [1366, 768]]) for (const theme of ["light", "dark"]) {
  await shot("drill-start", w, h, theme, async (p) => { await go(p, "/quiz?mode=drill"); await p.getByRole("button", { name: "Start drilling" }).waitFor(); });
  await shot("drill-rate", w, h, theme, async (p) => { await go(p, "/quiz?mode=drill"); await p.getByRole("button", { name: "Start drilling" }).click();
    const i = p.getByLabel("Port number"); if (await i.isVisible()) { await i.fill("25"); await p.getByRole("button", { name: "Check" }).click(); } else await p.getByRole("list", { name: "Choices" }).getByRole("button").first().click();
    await p.getByRole("group", { name: /How did it go/ }).scrollIntoViewIfNeeded(); });
  await shot("exam-q", w, h, theme, async (p) => { await go(p, "/quiz?mode=exam"); await p.getByRole("button", { name: /Start a/ }).click(); await p.getByRole("button", { name: "Review and finish…" }).waitFor(); });
  await shot("exam-dialog", w, h, theme, async (p) => { await go(p, "/quiz?mode=exam"); await p.getByRole("button", { name: /Start a/ }).click(); await p.getByRole("button", { name: "Review and finish…" }).click(); await p.getByRole("button", { name: "Submit exam" }).click(); });
  await shot("pbq-match", w, h, theme, async (p) => { await go(p, "/quiz?mode=pbq"); await p.getByRole("button", { name: "Match ports" }).click(); });
  await shot("pbq-transcript", w, h, theme, async (p) => { await go(p, "/quiz?mode=pbq"); await p.getByRole("button", { name: "Read a transcript" }).click(); await p.getByRole("list", { name: "Diagnoses" }).scrollIntoViewIfNeeded(); });
  await shot("ports", w, h, theme, async (p) => { await go(p, "/ports"); });
}
await browser.close(); await close();
