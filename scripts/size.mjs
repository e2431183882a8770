#!/usr/bin/env node
// `npm run size`: first-load JavaScript (gzip) of every exported route, from the chunks each
// HTML page in out/ references, next to the same figure for the bare Next.js page in
// scripts/bare-app (built with the same next/react; rebuilt when they or its sources change).
// Fails (exit 1) when a route's first-load JS is over the budget against the bare page, or when
// xterm or crypto code (SHA-2, as in @noble/hashes) is in any page's first load: the terminal
// and hashing load on demand, so pages without a lab never download them.
// Run `npm run build` first.
//   --json               print the figures as JSON instead of a table
//   --chunks             also list each route's chunks with their gzip size, largest first
//   --rebuild-baseline   build the bare page again even if its export is up to date
//   --budget=10          the allowed % over the bare page, for every route (default 10)
import { existsSync } from "node:fs";
import path from "node:path";
import { BARE_OUT_DIR, buildBareApp } from "./lib/bare-app.mjs";
import { measurePage } from "./lib/first-load.mjs";
import { OUT_DIR } from "./lib/paths.mjs";
import { exportedRoutes } from "./lib/routes.mjs";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const listChunks = args.includes("--chunks");
const budgetArg = args.find((a) => a.startsWith("--budget="));
const budget = budgetArg ? Number(budgetArg.slice("--budget=".length)) : 10;

const kB = (bytes) => (bytes / 1024).toFixed(1);

if (!existsSync(path.join(OUT_DIR, "index.html"))) {
  console.error("No static build in out/. Run `npm run build` first.");
  process.exit(1);
}

const rows = exportedRoutes(OUT_DIR).map(({ route, file }) => ({
  route,
  ...measurePage(OUT_DIR, file),
}));
const bareApp = buildBareApp({
  reuse: !args.includes("--rebuild-baseline"),
  log: (line) => console.error(line),
});
const bare = {
  versions: bareApp.versions,
  ...measurePage(BARE_OUT_DIR, path.join(BARE_OUT_DIR, "index.html")),
};
for (const r of rows) r.ratio = r.gzip / bare.gzip;
const over = rows.filter((r) => r.ratio > 1 + budget / 100);
const leaks = rows.filter((r) => r.xterm || r.crypto);

if (asJson) {
  const brief = ({ route, raw, gzip, ratio, xterm, crypto, chunks }) => ({
    route,
    raw,
    gzip,
    ratio,
    xterm,
    crypto,
    chunks: chunks.map((c) => c.src),
  });
  console.log(
    JSON.stringify(
      { budgetPercent: budget, bare: brief({ route: "bare", ...bare }), routes: rows.map(brief) },
      null,
      2,
    ),
  );
} else {
  const width = Math.max(12, ...rows.map((r) => r.route.length));
  console.log(
    `First-load JS per route (gzip -9 of the <script src> chunks each page references)\n`,
  );
  console.log(
    `${"route".padEnd(width)}  ${"gzip kB".padStart(8)}  ${"raw kB".padStart(8)}  ${"× bare".padStart(6)}  chunks  xterm  crypto`,
  );
  const line = (name, r, ratio) =>
    `${name.padEnd(width)}  ${kB(r.gzip).padStart(8)}  ${kB(r.raw).padStart(8)}  ${ratio.padStart(6)}  ${String(r.chunks.length).padStart(6)}  ${(r.xterm ? "YES" : "no").padEnd(5)}  ${r.crypto ? "YES" : "no"}`;
  for (const r of rows) {
    console.log(line(r.route, r, `${r.ratio.toFixed(2)}`) + (over.includes(r) ? "  OVER" : ""));
    if (listChunks) {
      for (const c of [...r.chunks].sort((a, b) => b.gzip - a.gzip)) {
        const tags = [c.xterm && "xterm", c.crypto && "crypto"].filter(Boolean).join(", ");
        console.log(
          `${"".padEnd(width)}  ${kB(c.gzip).padStart(8)}  ${kB(c.raw).padStart(8)}  ${c.src}${tags ? `  (${tags})` : ""}`,
        );
      }
    }
  }
  console.log(
    `${line("bare Next", bare, "1.00")}  (next ${bare.versions.next}, react ${bare.versions.react})`,
  );
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a), rows[0]);
  console.log(
    `\nLargest: ${worst.route} at ${worst.ratio.toFixed(2)}× the bare page (budget ${(1 + budget / 100).toFixed(2)}×).`,
  );
}

for (const r of over)
  console.error(
    `${r.route}: first-load JS is ${r.ratio.toFixed(2)}× the bare page (budget ${(1 + budget / 100).toFixed(2)}×).`,
  );
for (const r of leaks)
  console.error(
    `${r.route}: ${[r.xterm && "xterm", r.crypto && "crypto"].filter(Boolean).join(" and ")} in first-load JS; load it on demand.`,
  );
process.exit(over.length > 0 || leaks.length > 0 ? 1 : 0);
