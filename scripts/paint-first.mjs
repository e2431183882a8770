#!/usr/bin/env node
// Post-build step of `npm run build`, before compile-hints.mjs and csp.mjs: each exported page
// paints before its scripts are fetched. Next writes its chunks as `<script async>` (and a
// low-priority preload) in <head>, so the browser fetches them while the HTML is still arriving:
// on a slow phone network they share its bandwidth, and on a slow CPU they run between parses,
// both delaying the first paint of prose that needs no script at all. This moves the chunk list,
// and the manifest link (whose manifest and icon are requests too), into one small inline loader
// at the end of <body> that starts them once the browser reports the first contentful paint
// (after a second at the latest, for a page opened in a background tab, which never paints).
// Hydration then starts just after the first paint; nothing else changes.
// Running it twice changes nothing.
//   node scripts/paint-first.mjs [dir]   (default out/)
import path from "node:path";
import { rewritePages } from "./lib/html-files.mjs";
import { paintFirst } from "./lib/paint-first.mjs";
import { OUT_DIR } from "./lib/paths.mjs";

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? OUT_DIR);
  const results = await rewritePages(dir, paintFirst);
  const changed = results.filter((r) => r.scripts > 0).length;
  console.log(
    `paint-first: ${changed} of ${results.length} pages fetch their scripts after the first paint`,
  );
}
