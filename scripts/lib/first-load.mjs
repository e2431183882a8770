// First-load JavaScript of an exported page: the <script src> chunks its HTML references and the
// chunks its paint-first loader fetches after the first paint (the nomodule polyfill chunk
// excluded, since modern browsers skip it), summed raw and gzipped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { deferredSources } from "./paint-first.mjs";

/** A string only xterm.js itself contains (it creates this textarea), not code that merely uses it. */
export const XTERM_MARKER = "xterm-helper-textarea";

/**
 * Crypto code: the first word of SHA-256's (and SHA-512's) initial hash value, in either form a
 * minifier writes it. Every SHA-2 implementation (@noble/hashes among them) carries it.
 */
export const CRYPTO_MARKER = /\b(?:0x6a09e667|1779033703)\b/i;

/** The src of each script the page runs on load, in order, without duplicates. */
export function scriptSources(html) {
  const sources = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = match[1] ?? "";
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (!src || /\bnomodule\b/i.test(attrs)) continue;
    if (!sources.includes(src)) sources.push(src);
  }
  for (const src of deferredSources(html)) if (!sources.includes(src)) sources.push(src);
  return sources;
}

/**
 * Measure one HTML file of an export.
 * @param {string} outDir the export root
 * @param {string} htmlFile absolute path of the page
 */
export function measurePage(outDir, htmlFile) {
  const html = readFileSync(htmlFile, "utf8");
  const chunks = scriptSources(html)
    .filter((src) => src.startsWith("/"))
    .map((src) => {
      const body = readFileSync(path.join(outDir, decodeURIComponent(src.split("?")[0])));
      return {
        src,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        xterm: body.includes(XTERM_MARKER),
        crypto: CRYPTO_MARKER.test(body.toString("latin1")),
      };
    });
  return {
    chunks,
    raw: chunks.reduce((sum, c) => sum + c.raw, 0),
    gzip: chunks.reduce((sum, c) => sum + c.gzip, 0),
    xterm: chunks.some((c) => c.xterm),
    crypto: chunks.some((c) => c.crypto),
  };
}
