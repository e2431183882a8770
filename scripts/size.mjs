#!/usr/bin/env node
// `npm run size`: first-load JavaScript (gzip) of every exported route, from the chunks each
// HTML page in out/ references, next to the same figure for a bare Next.js page built with the
// same next/react from node_modules. Run `npm run build` first.
//   --json               print the figures as JSON instead of a table
//   --chunks             also list each route's chunks with their gzip size, largest first
//   --rebuild-baseline   measure the bare page again even if a cached figure exists
//   --budget=10          fail (exit 1) if the home page is more than this % over the bare page
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { measurePage } from "./lib/first-load.mjs";
import { OUT_DIR, REPO_ROOT } from "./lib/paths.mjs";
import { exportedRoutes } from "./lib/routes.mjs";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const asJson = args.includes("--json");
const listChunks = args.includes("--chunks");
const budgetArg = args.find((a) => a.startsWith("--budget="));
const budget = budgetArg ? Number(budgetArg.slice("--budget=".length)) : null;

const kB = (bytes) => (bytes / 1024).toFixed(1);
const version = (pkg) =>
  JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;

/**
 * Build a one-page Next app with the installed next/react and measure its first-load JS.
 * It is built inside the repository (so node_modules resolves) and deleted afterwards; the
 * figure is cached in reports/size-baseline.json per next/react version.
 */
function bareBaseline() {
  const versions = {
    next: version("next"),
    react: version("react"),
    reactDom: version("react-dom"),
  };
  const cacheFile = path.join(REPO_ROOT, "reports", "size-baseline.json");
  if (!args.includes("--rebuild-baseline") && existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, "utf8"));
    if (JSON.stringify(cached.versions) === JSON.stringify(versions)) return cached;
  }
  const dir = path.join(REPO_ROOT, ".size-baseline");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(
    path.join(dir, "next.config.js"),
    `module.exports = { output: "export", images: { unoptimized: true } };\n`,
  );
  writeFileSync(
    path.join(dir, "app", "layout.js"),
    `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(
    path.join(dir, "app", "page.js"),
    `export default function Page() {\n  return <h1>Hello</h1>;\n}\n`,
  );
  if (!asJson) console.error(`Building a bare Next ${versions.next} page for comparison (once)...`);
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build", dir], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error("the bare Next app did not build");
  }
  const outDir = path.join(dir, "out");
  const page = measurePage(outDir, path.join(outDir, "index.html"));
  rmSync(dir, { recursive: true, force: true });
  const result = { versions, gzip: page.gzip, raw: page.raw, chunks: page.chunks.length };
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (!existsSync(path.join(OUT_DIR, "index.html"))) {
  console.error("No static build in out/. Run `npm run build` first.");
  process.exit(1);
}

const rows = exportedRoutes(OUT_DIR).map(({ route, file }) => ({
  route,
  ...measurePage(OUT_DIR, file),
}));
const bare = bareBaseline();
const home = rows.find((r) => r.route === "/");
const homeVsBare = home ? (home.gzip / bare.gzip - 1) * 100 : null;

if (asJson) {
  console.log(
    JSON.stringify(
      {
        bare,
        routes: rows.map(({ route, raw, gzip, xterm, chunks }) => ({
          route,
          raw,
          gzip,
          xterm,
          chunks: chunks.map((c) => c.src),
        })),
        homeVsBarePercent: homeVsBare,
      },
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
    `${"route".padEnd(width)}  ${"gzip kB".padStart(8)}  ${"raw kB".padStart(8)}  chunks  xterm`,
  );
  for (const r of rows) {
    console.log(
      `${r.route.padEnd(width)}  ${kB(r.gzip).padStart(8)}  ${kB(r.raw).padStart(8)}  ${String(r.chunks.length).padStart(6)}  ${r.xterm ? "yes" : "no"}`,
    );
    if (listChunks) {
      for (const c of [...r.chunks].sort((a, b) => b.gzip - a.gzip)) {
        console.log(
          `${"".padEnd(width)}  ${kB(c.gzip).padStart(8)}  ${kB(c.raw).padStart(8)}  ${c.src}${c.xterm ? "  (xterm)" : ""}`,
        );
      }
    }
  }
  console.log(
    `${"bare Next".padEnd(width)}  ${kB(bare.gzip).padStart(8)}  ${kB(bare.raw).padStart(8)}  ${String(bare.chunks).padStart(6)}  no   (next ${bare.versions.next}, react ${bare.versions.react})`,
  );
  if (homeVsBare !== null) {
    const sign = homeVsBare >= 0 ? "+" : "";
    console.log(`\nHome page vs bare Next page: ${sign}${homeVsBare.toFixed(1)}%`);
  }
}

if (budget !== null && homeVsBare !== null && homeVsBare > budget) {
  console.error(
    `Home page first-load JS is ${homeVsBare.toFixed(1)}% over the bare page (budget ${budget}%).`,
  );
  process.exit(1);
}
