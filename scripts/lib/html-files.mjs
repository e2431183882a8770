import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Every file below `dir` whose name ends with `suffix`, depth first. */
export async function* filesEndingWith(dir, suffix) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesEndingWith(p, suffix);
    else if (entry.name.endsWith(suffix)) yield p;
  }
}

/** Every .html file below `dir`, depth first. */
export function htmlFiles(dir) {
  return filesEndingWith(dir, ".html");
}

/**
 * Runs `transform` on every page below `dir`, writes back the pages it changed, and returns what
 * it returned for each page.
 */
export async function rewritePages(dir, transform) {
  const results = [];
  for await (const file of htmlFiles(dir)) {
    const before = await readFile(file, "utf8");
    const result = transform(before);
    if (result.html !== before) await writeFile(file, result.html);
    results.push(result);
  }
  return results;
}
