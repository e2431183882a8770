#!/usr/bin/env node
// Post-build step of `npm run build`, after paint-first.mjs and before csp.mjs and serwist (which
// fingerprints the files it precaches): every exported JavaScript chunk asks Chrome to compile
// all of its functions while it downloads (see scripts/lib/compile-hints.mjs). Profiles of a
// lab page under a 4x CPU slowdown put about 74 ms of main-thread time per load in compiling
// Turbopack's module factories lazily, the first time each ran during hydration; with the hint
// that work moves to V8's streaming compiler thread. A chunk's source map, if the export has
// one, is shifted by the added line. Running it twice changes nothing.
//   node scripts/compile-hints.mjs [dir]   (default out/)
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { filesEndingWith } from "./lib/html-files.mjs";
import { shiftSourceMap, withCompileHint } from "./lib/compile-hints.mjs";
import { OUT_DIR } from "./lib/paths.mjs";

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(path.resolve(process.argv[2] ?? OUT_DIR), "_next", "static");
  let scripts = 0;
  let changed = 0;
  for await (const file of filesEndingWith(dir, ".js")) {
    scripts++;
    const before = await readFile(file, "utf8");
    const after = withCompileHint(before);
    if (after === before) continue;
    changed++;
    await writeFile(file, after);
    const map = `${file}.map`;
    if (existsSync(map)) await writeFile(map, shiftSourceMap(await readFile(map, "utf8")));
  }
  console.log(`compile-hints: ${changed} of ${scripts} scripts compile while they download`);
}
