#!/usr/bin/env node
// Post-build step of `npm run build`: pins each exported page's Content-Security-Policy to the
// inline scripts that page really has. The root layout writes `script-src 'self' 'unsafe-inline'`
// (see lib/site/csp.ts); this puts a second policy in front of that meta, the same but with one
// 'sha256-...' per inline <script> in the file instead of 'unsafe-inline'. Browsers enforce both,
// so no other inline script can run. Pages without the meta are left alone; running it twice
// changes nothing.
//   node scripts/csp.mjs [dir]   (default out/)
import { createHash } from "node:crypto";
import path from "node:path";
import { rewritePages } from "./lib/html-files.mjs";
import { OUT_DIR } from "./lib/paths.mjs";

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;
const PINNED = "data-pinned";
const INLINE = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The HTML entity-decoded text a browser hashes is the raw text between the tags. */
export function pinScripts(html) {
  const meta = META.exec(html);
  if (!meta || html.includes(PINNED)) return { html, hashes: 0 };
  const hashes = new Set();
  for (const m of html.matchAll(INLINE)) {
    if (m[1] === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
  }
  const decoded = meta[1].replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
  const policy = decoded.replace(
    /script-src ([^;]*)/,
    (_all, sources) =>
      `script-src ${sources
        .split(/\s+/)
        .filter((s) => s !== "'unsafe-inline'" && !s.startsWith("'sha256-"))
        .concat([...hashes])
        .join(" ")}`,
  );
  const pinned = `<meta http-equiv="Content-Security-Policy" ${PINNED}="" content="${policy}"/>`;
  return { html: html.replace(META, (m) => pinned + m), hashes: hashes.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? OUT_DIR);
  const results = await rewritePages(dir, pinScripts);
  const pinned = results.filter((r) => r.hashes > 0).length;
  console.log(
    `csp: pinned inline scripts by hash in ${pinned} of ${results.length} pages in ${dir}`,
  );
}
