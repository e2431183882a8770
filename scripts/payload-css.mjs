#!/usr/bin/env node
// Post-build step of `npm run build`, before csp.mjs (which hashes the inline scripts it edits):
// drops the stylesheet's copies from each page's inline React payload (see lib/payload-css.mjs).
// Running it twice changes nothing.
//   node scripts/payload-css.mjs [dir]   (default out/)
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { htmlFiles } from "./lib/html-files.mjs";
import { dropPayloadCss } from "./lib/payload-css.mjs";
import { OUT_DIR } from "./lib/paths.mjs";

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? OUT_DIR);
  let pages = 0;
  let changed = 0;
  let saved = 0;
  for await (const file of htmlFiles(dir)) {
    pages++;
    const before = await readFile(file, "utf8");
    const { html, dropped } = dropPayloadCss(before);
    if (dropped > 0) {
      changed++;
      saved += before.length - html.length;
      await writeFile(file, html);
    }
  }
  console.log(
    `payload-css: ${changed} of ${pages} pages no longer repeat their stylesheet in the inline payload (${Math.round(saved / 1024)} KiB less HTML)`,
  );
}
