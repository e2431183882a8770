#!/usr/bin/env node
// Post-build step of `npm run build`, before csp.mjs (which hashes the inline scripts it edits):
// drops the stylesheet's copies from each page's inline React payload (see lib/payload-css.mjs).
// Running it twice changes nothing.
//   node scripts/payload-css.mjs [dir]   (default out/)
import path from "node:path";
import { rewritePages } from "./lib/html-files.mjs";
import { dropPayloadCss } from "./lib/payload-css.mjs";
import { OUT_DIR } from "./lib/paths.mjs";

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? OUT_DIR);
  const results = await rewritePages(dir, (html) => {
    const result = dropPayloadCss(html);
    return { ...result, saved: html.length - result.html.length };
  });
  const changed = results.filter((r) => r.dropped > 0);
  const saved = changed.reduce((sum, r) => sum + r.saved, 0);
  console.log(
    `payload-css: ${changed.length} of ${results.length} pages no longer repeat their stylesheet in the inline payload (${Math.round(saved / 1024)} KiB less HTML)`,
  );
}
