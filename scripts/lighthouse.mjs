#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile, default simulated throttling) on every exported
// route, with Debian's Chromium. Builds nothing: run `npm run build` first. Serves out/ itself
// on a free 127.0.0.1 port, prints one line per route and writes reports/lighthouse.json.
//   npm run lighthouse -- / /quiz    only these routes
//   npm run lighthouse -- --runs=3   run each route 3 times and keep the median (by performance)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_FLAGS, requireChromium } from "./lib/chromium.mjs";
import { OUT_DIR, REPO_ROOT } from "./lib/paths.mjs";
import { exportedRoutes } from "./lib/routes.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith("--runs="));
const runs = runsArg ? Math.max(1, Number(runsArg.slice("--runs=".length)) || 1) : 1;
const only = args.filter((a) => a.startsWith("/"));

if (!existsSync(path.join(OUT_DIR, "index.html"))) {
  console.error("No static build in out/. Run `npm run build` first.");
  process.exit(1);
}
const chromePath = requireChromium();
const known = exportedRoutes(OUT_DIR).map((r) => r.route);
const unknown = only.filter((r) => !known.includes(r));
if (unknown.length > 0) {
  console.error(`Not exported routes: ${unknown.join(", ")}. Known: ${known.join(", ")}`);
  process.exit(1);
}
const routes = only.length > 0 ? only : known;

const CATEGORIES = ["performance", "accessibility", "best-practices"];

/** The figures we report from one Lighthouse result, plus what cost points. */
function summarize(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const failing = (category) =>
    lhr.categories[category].auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
      .map((a) => a.id);
  return {
    performance: lhr.categories.performance.score,
    accessibility: lhr.categories.accessibility.score,
    bestPractices: lhr.categories["best-practices"].score,
    fcpMs: audit("first-contentful-paint"),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    lcpElement:
      lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node
        ?.snippet ?? null,
    failingAccessibility: failing("accessibility"),
    failingBestPractices: failing("best-practices"),
    runtimeError: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings,
  };
}

const median = (results) => {
  const sorted = [...results].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const { origin, close } = await startStaticServer({ root: OUT_DIR, host: "127.0.0.1" });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  logLevel: "silent",
});

const report = { measuredAt: new Date().toISOString(), runsPerRoute: runs, routes: {} };
const fmt = (score) => (score === null || score === undefined ? "  -  " : score.toFixed(2));
const ms = (value) => (value === null ? "-" : `${Math.round(value)} ms`);

console.log(`Lighthouse (mobile, simulated throttling) on ${origin}, ${runs} run(s) per route\n`);
console.log(
  `${"route".padEnd(16)} perf   a11y   best   ${"LCP".padStart(8)} ${"TBT".padStart(7)}   CLS`,
);
let failed = false;
try {
  for (const route of routes) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${origin}${route}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
      results.push(summarize(result.lhr));
    }
    const s = median(results);
    report.routes[route] = { ...s, runs: results.map((r) => r.performance) };
    if (s.runtimeError) failed = true;
    console.log(
      `${route.padEnd(16)} ${fmt(s.performance)}   ${fmt(s.accessibility)}   ${fmt(s.bestPractices)}   ${ms(s.lcpMs).padStart(8)} ${ms(s.tbtMs).padStart(7)}   ${s.cls === null ? "-" : s.cls.toFixed(3)}` +
        (s.runtimeError ? `   error: ${s.runtimeError}` : ""),
    );
    const costs = [...s.failingAccessibility, ...s.failingBestPractices];
    if (costs.length > 0) console.log(`${"".padEnd(16)} failing audits: ${costs.join(", ")}`);
  }
} finally {
  chrome.kill();
  await close();
}

const reportFile = path.join(REPO_ROOT, "reports", "lighthouse.json");
mkdirSync(path.dirname(reportFile), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${path.relative(REPO_ROOT, reportFile)}`);
process.exit(failed ? 1 : 0);
