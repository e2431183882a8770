import { readdir } from "node:fs/promises";
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
