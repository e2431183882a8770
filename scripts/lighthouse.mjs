#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile defaults: simulated 4x CPU slowdown and slow 4G) on
// every exported route, side by side with a bare Next.js page built in the same run from
// scripts/bare-app with the same next/react. Lighthouse's scores move with the machine, so each
// route is reported as a ratio against the bare page, and the runs are interleaved (a bare run
// next to every route run, the order swapped every round) so machine load weighs on both alike.
// Both sites are served gzip-compressed, as a static host serves them.
//
// Build the site first (`npm run build`); the bare page is built here. Prints a table and writes
// reports/lighthouse.json (every run). Exits 1 if a route misses a goal or Lighthouse failed.
//   npm run lighthouse -- / /quiz      only these routes
//   npm run lighthouse -- --runs=5     runs per route (default 3); figures are per-metric medians
//   npm run lighthouse -- --details    also print, per route, where the main thread went:
//                                      work by category, scripts' boot-up time, long tasks, and
//                                      the largest paint's element with its timing phases
//   npm run lighthouse -- --out=DIR    measure this export instead of out/; give it twice (say, a
//                                      copy of an earlier build and out/) to compare two builds
//                                      in one run, each beside the same bare runs
//   npm run lighthouse -- --reuse-bare keep the bare page's export if it is up to date (for
//                                      several runs side by side); by default it is rebuilt
// /lab and /demo, which open a terminal as they load, are also measured beside the bare page plus
// a bare xterm (scripts/bare-app/app/terminal), printed under their row.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildBareApp } from "./lib/bare-app.mjs";
import { CHROMIUM_FLAGS, requireChromium } from "./lib/chromium.mjs";
import { OUT_DIR, REPO_ROOT } from "./lib/paths.mjs";
import { exportedRoutes } from "./lib/routes.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

/** The goals of issue 13, each relative to the bare page measured in the same run. */
const GOALS = {
  lcpRatio: 1.3,
  tbtOverMs: 150,
  perfUnder: 0.03,
  accessibility: 1,
  bestPractices: 0.95,
};

const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith("--runs="));
const runs = runsArg ? Math.max(1, Number(runsArg.slice("--runs=".length)) || 1) : 3;
const details = args.includes("--details");
const only = args.filter((a) => a.startsWith("/"));
const outDirs = args
  .filter((a) => a.startsWith("--out="))
  .map((a) => path.resolve(a.slice("--out=".length)));
if (outDirs.length === 0) outDirs.push(OUT_DIR);

for (const dir of outDirs) {
  if (!existsSync(path.join(dir, "index.html"))) {
    console.error(`No static build in ${dir}. Run \`npm run build\` first.`);
    process.exit(1);
  }
}
const chromePath = requireChromium();
const known = exportedRoutes(outDirs[0]).map((r) => r.route);
const unknown = only.filter((r) => !known.includes(r));
if (unknown.length > 0) {
  console.error(`Not exported routes: ${unknown.join(", ")}. Known: ${known.join(", ")}`);
  process.exit(1);
}
const routes = only.length > 0 ? only : known;

const CATEGORIES = ["performance", "accessibility", "best-practices"];

/**
 * Routes that open the lab's terminal while they load at Lighthouse's phone size (a lesson opens
 * its lab only when scrolled to). Each is also compared with the bare page plus a bare xterm
 * (scripts/bare-app/app/terminal), to tell what xterm itself costs from what the site adds.
 */
const TERMINAL_ROUTES = new Set(["/lab", "/demo"]);

const items = (lhr, id) => lhr.audits[id]?.details?.items ?? [];

/** Where the main thread went and what delayed the largest paint (for --details). */
function profile(lhr) {
  const lcpTables = items(lhr, "largest-contentful-paint-element");
  const phases = lcpTables.find((t) => t.items?.[0]?.phase)?.items ?? [];
  return {
    mainThreadMs: lhr.audits["mainthread-work-breakdown"]?.numericValue ?? null,
    byCategory: items(lhr, "mainthread-work-breakdown").map((i) => ({
      group: i.groupLabel ?? i.group,
      ms: i.duration,
    })),
    bootup: items(lhr, "bootup-time").map((i) => ({
      url: i.url,
      totalMs: i.total,
      scriptingMs: i.scripting,
      parseMs: i.scriptParseCompile,
    })),
    longTasks: items(lhr, "long-tasks").map((i) => ({
      url: i.url,
      startMs: i.startTime,
      ms: i.duration,
    })),
    lcpPhases: phases.map((p) => ({ phase: p.phase, ms: p.timing })),
  };
}

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
      items(lhr, "largest-contentful-paint-element")[0]?.items?.[0]?.node?.snippet ?? null,
    failingAccessibility: failing("accessibility"),
    failingBestPractices: failing("best-practices"),
    runtimeError: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings,
    profile: details ? profile(lhr) : undefined,
  };
}

/** The median of a list of numbers (the lower middle one for an even count); null if empty. */
function median(values) {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
}

/** Each metric's median over the runs, and the run whose performance score is the median. */
function medians(results) {
  const m = (key) => median(results.map((r) => r[key]));
  const perf = m("performance");
  return {
    performance: perf,
    accessibility: m("accessibility"),
    bestPractices: m("bestPractices"),
    fcpMs: m("fcpMs"),
    lcpMs: m("lcpMs"),
    tbtMs: m("tbtMs"),
    cls: m("cls"),
    medianRun: results.find((r) => r.performance === perf) ?? results[0],
  };
}

/** Scores come in hundredths: round, so 0.97 against 1.00 is -0.03, not -0.030000000000000027. */
const scoreDelta = (a, b) => Math.round((a - b) * 100) / 100;

/** A route's ratios against the bare page and which goals it misses. */
function compare(route, bare) {
  const ratio = {
    lcp: route.lcpMs / bare.lcpMs,
    tbtOverMs: route.tbtMs - bare.tbtMs,
    perfDelta: scoreDelta(route.performance, bare.performance),
  };
  const misses = [];
  if (!(ratio.lcp <= GOALS.lcpRatio)) misses.push(`LCP ${ratio.lcp.toFixed(2)}x`);
  if (!(ratio.tbtOverMs <= GOALS.tbtOverMs)) misses.push(`TBT +${Math.round(ratio.tbtOverMs)}`);
  if (!(ratio.perfDelta >= -GOALS.perfUnder)) misses.push(`perf ${ratio.perfDelta.toFixed(2)}`);
  if (!(route.accessibility >= GOALS.accessibility)) misses.push("a11y");
  if (!(route.bestPractices >= GOALS.bestPractices)) misses.push("best practices");
  return { ratio, misses };
}

/**
 * The medians of the per-round differences: each route run against the bare run made beside it
 * in the same round. Both runs of a round share the machine's load at that moment, so this
 * cancels more of it than comparing the two medians; printed beside the goal's figures, which
 * stay the medians' difference as the goal defines them.
 */
function paired(routeRuns, bareRuns) {
  const pairs = routeRuns.map((r, k) => [r, bareRuns[k]]).filter(([, b]) => b);
  return {
    tbtOverMs: median(pairs.map(([r, b]) => r.tbtMs - b.tbtMs)),
    perfDelta: median(pairs.map(([r, b]) => scoreDelta(r.performance, b.performance))),
  };
}

const fmt = (score) => (score === null || score === undefined ? "  -  " : score.toFixed(2));
const ms = (value) => (value === null ? "-" : `${Math.round(value).toLocaleString("en")} ms`);
const signed = (n, digits = 0) => `${n >= 0 ? "+" : "-"}${Math.abs(n).toFixed(digits)}`;
const shortUrl = (url) => (url?.startsWith("http") ? new URL(url).pathname : String(url));

function printProfile(run) {
  const p = run.profile;
  if (!p) return;
  const pad = "".padEnd(4);
  console.log(`${pad}main thread ${ms(p.mainThreadMs)} (simulated slowdown applied):`);
  console.log(
    `${pad}  ${p.byCategory
      .slice(0, 6)
      .map((c) => `${c.group} ${ms(c.ms)}`)
      .join(", ")}`,
  );
  for (const b of p.bootup.slice(0, 5))
    console.log(
      `${pad}  boot-up ${shortUrl(b.url)}: ${ms(b.totalMs)} (script ${ms(b.scriptingMs)}, parse ${ms(b.parseMs)})`,
    );
  for (const t of p.longTasks.slice(0, 5))
    console.log(`${pad}  long task ${ms(t.ms)} at ${ms(t.startMs)} in ${shortUrl(t.url)}`);
  if (run.lcpElement) console.log(`${pad}  LCP element: ${run.lcpElement.slice(0, 100)}`);
  if (p.lcpPhases.length)
    console.log(
      `${pad}  LCP phases: ${p.lcpPhases.map((x) => `${x.phase} ${ms(x.ms)}`).join(", ")}`,
    );
}

const bareApp = buildBareApp({
  reuse: args.includes("--reuse-bare"),
  log: (line) => console.log(line),
});
const sites = [];
for (const dir of outDirs) {
  const server = await startStaticServer({ root: dir, host: "127.0.0.1" });
  const age = Math.round((Date.now() - statSync(path.join(dir, "index.html")).mtimeMs) / 60000);
  sites.push({ name: path.relative(REPO_ROOT, dir) || dir, age, ...server });
}
const bareSite = await startStaticServer({ root: bareApp.outDir, host: "127.0.0.1" });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  logLevel: "silent",
});

/** CPU time (clock ticks) used so far by Chromium: the launched process and all its children. */
function chromeTicks() {
  const stats = new Map();
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Fields after the command name: state, ppid, ... utime (14th field) and stime (15th).
      const rest = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop().split(" ");
      stats.set(Number(pid), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([chrome.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of stats)
      if (!tree.has(pid) && tree.has(s.ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of tree) ticks += stats.get(pid)?.ticks ?? 0;
  return ticks;
}

/**
 * Waits until Chromium has been quiet for a second (under a tenth of a core), at most 30 s. A
 * page's work can outlive its run: the site's service worker precaches the whole site once
 * installed, and did so while the next run (often the bare page's) was being measured, which
 * made that run slower. Linux only (/proc); elsewhere it returns at once.
 */
let settledMs = 0;
async function settle() {
  if (!existsSync("/proc/self/stat")) return;
  const start = Date.now();
  try {
    await waitQuiet();
  } finally {
    settledMs += Date.now() - start;
  }
}
async function waitQuiet() {
  const HZ = 100; // USER_HZ on Linux
  const deadline = Date.now() + 30_000;
  let last = chromeTicks();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = chromeTicks();
    if ((now - last) / HZ < 0.1) return;
    last = now;
  }
}

async function measure(url) {
  await settle();
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: CATEGORIES,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return summarize(result.lhr);
}

const lighthouseVersion = (await import("lighthouse/package.json", { with: { type: "json" } }))
  .default.version;
console.log(
  `Lighthouse ${lighthouseVersion} (mobile defaults), ${runs} run(s) per route, each beside a run` +
    ` of the bare Next ${bareApp.versions.next} page (react ${bareApp.versions.react}); load average ` +
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" "),
);
for (const site of sites) console.log(`  ${site.name}/ built ${site.age} min ago`);

/** site -> route -> summaries; bare -> route -> summaries (the bare runs made beside it) */
const raw = sites.map(() => Object.fromEntries(routes.map((r) => [r, []])));
const bareRaw = Object.fromEntries(routes.map((r) => [r, []]));
const bareTermRaw = Object.fromEntries(routes.map((r) => [r, []]));
let failed = false;
try {
  // One discarded run of each site first: the first page with real text measured in a freshly
  // launched Chromium reads higher (/lab's TBT: 652, 800 and 580 ms in the first run of three
  // launches, 165-561 ms in the five runs after each), which would weigh on whichever route
  // happens to come first.
  process.stdout.write("  warming up");
  await measure(`${bareSite.origin}/`);
  for (const site of sites) await measure(`${site.origin}${routes[0]}`);
  for (let round = 0; round < runs; round++) {
    for (const route of routes) {
      // Bare first in even rounds, last in odd ones, so no page always runs on a warmer machine.
      const order = [-1, ...(TERMINAL_ROUTES.has(route) ? [-2] : []), ...sites.map((_, i) => i)];
      if (round % 2 === 1) order.reverse();
      for (const which of order) {
        if (which === -1) bareRaw[route].push(await measure(`${bareSite.origin}/`));
        else if (which === -2)
          bareTermRaw[route].push(await measure(`${bareSite.origin}/terminal`));
        else raw[which][route].push(await measure(`${sites[which].origin}${route}`));
      }
      process.stdout.write(`\r  round ${round + 1}/${runs}: ${route}`.padEnd(60));
    }
  }
} finally {
  chrome.kill();
  for (const site of sites) await site.close();
  await bareSite.close();
}
process.stdout.write(`\r${"".padEnd(60)}\r`);

const width = Math.max(16, ...routes.map((r) => r.length + 1));
const header = `${"route".padEnd(width)} ${"perf".padStart(4)} ${"(Δ)".padStart(7)} ${"LCP".padStart(9)} ${"(×)".padStart(7)} ${"TBT".padStart(8)} ${"(+ms)".padStart(7)}   CLS   a11y  best   goals`;
const allBare = medians(routes.flatMap((r) => bareRaw[r]));
const report = {
  measuredAt: new Date().toISOString(),
  lighthouse: lighthouseVersion,
  runsPerRoute: runs,
  loadAverage: os.loadavg(),
  versions: bareApp.versions,
  goals: GOALS,
  bare: allBare,
  sites: {},
};
const row = (name, m, cmp) =>
  `${name.padEnd(width)} ${fmt(m.performance)} ${(cmp ? signed(cmp.ratio.perfDelta, 2) : "").padStart(7)} ${ms(m.lcpMs).padStart(9)} ${(cmp ? `${cmp.ratio.lcp.toFixed(2)}×` : "").padStart(7)} ${ms(m.tbtMs).padStart(8)} ${(cmp ? signed(cmp.ratio.tbtOverMs) : "").padStart(7)}  ${m.cls === null ? "  -  " : m.cls.toFixed(3)}  ${fmt(m.accessibility)}  ${fmt(m.bestPractices)}`;
let missed = 0;
sites.forEach((site, i) => {
  console.log(`\n${sites.length > 1 ? `${site.name}/\n` : ""}${header}`);
  console.log(
    `${row("bare Next page", allBare)}   (median of all ${runs * routes.length} bare runs)`,
  );
  const routesReport = (report.sites[site.name] = {});
  for (const route of routes) {
    const s = medians(raw[i][route]);
    const bare = medians(bareRaw[route]);
    const cmp = compare(s, bare);
    if (cmp.misses.length) missed++;
    const errors = raw[i][route].map((r) => r.runtimeError).filter(Boolean);
    if (errors.length) failed = true;
    console.log(
      `${row(route, s, cmp)}   ${cmp.misses.length ? `MISS ${cmp.misses.join(", ")}` : "ok"}` +
        (errors.length ? `   error: ${errors[0]}` : ""),
    );
    const costs = [
      ...new Set([...s.medianRun.failingAccessibility, ...s.medianRun.failingBestPractices]),
    ];
    if (costs.length > 0) console.log(`${"".padEnd(width)} failing audits: ${costs.join(", ")}`);
    const pair = paired(raw[i][route], bareRaw[route]);
    if (runs > 1 && pair.tbtOverMs !== null)
      console.log(
        `${"".padEnd(width)} paired by round: TBT ${signed(pair.tbtOverMs)} ms, perf ${signed(pair.perfDelta, 2)} (medians of route − bare run beside it)`,
      );
    let bareTerminal;
    if (bareTermRaw[route].length > 0) {
      bareTerminal = medians(bareTermRaw[route]);
      const t = compare(s, bareTerminal);
      const own = compare(bareTerminal, bare);
      console.log(
        `${"".padEnd(width)} bare page + xterm: perf ${fmt(bareTerminal.performance)}, LCP ${ms(bareTerminal.lcpMs)},` +
          ` TBT ${ms(bareTerminal.tbtMs)} (${signed(own.ratio.tbtOverMs)} over the bare page);` +
          ` this route: TBT ${signed(t.ratio.tbtOverMs)}, LCP ${t.ratio.lcp.toFixed(2)}× against it`,
      );
    }
    if (details) printProfile(s.medianRun);
    routesReport[route] = {
      ...s,
      bare,
      bareTerminal,
      ...cmp,
      paired: pair,
      runs: raw[i][route],
      bareRuns: bareRaw[route],
      bareTerminalRuns: bareTermRaw[route],
    };
  }
});
if (details) {
  console.log(`\nbare Next page (its median run):`);
  printProfile(allBare.medianRun);
}
console.log(
  `\nRatios are against the bare runs made beside each route (per-metric medians of ${runs}).` +
    `\nGoals: LCP ≤ ${GOALS.lcpRatio}× bare, TBT ≤ bare + ${GOALS.tbtOverMs} ms, perf ≥ bare − ${GOALS.perfUnder},` +
    ` a11y ${GOALS.accessibility.toFixed(1)}, best practices ≥ ${GOALS.bestPractices}. ` +
    (missed ? `${missed} route(s) miss a goal.` : "Every route meets them.") +
    (settledMs > 0
      ? `\nBefore each run Chromium was left to go quiet: ${(settledMs / 1000).toFixed(0)} s in all.`
      : ""),
);

const reportFile = path.join(REPO_ROOT, "reports", "lighthouse.json");
mkdirSync(path.dirname(reportFile), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Wrote ${path.relative(REPO_ROOT, reportFile)}`);
process.exit(failed || missed > 0 ? 1 : 0);
