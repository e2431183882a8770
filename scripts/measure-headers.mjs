// Measures the header analyser (lib/headers) on large header blocks: how long one analysis of a
// 100 kB and a 1 MB header section takes, next to postal-mime alone unfolding the same block (the
// floor the analysis is built on), measured in the same run. A measurement, not a test.
//
//   node scripts/measure-headers.mjs [--runs=15]
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
const { runAnalysis } = await tsImport("../lib/headers/read.ts", import.meta.url);
const { default: PostalMime } = await import("postal-mime");

const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 15);
const dir = path.join(root, "tests/fixtures/headers");
// Real header sections, each cut at its first blank line, repeated until the block is big enough.
const sections = fs
  .readdirSync(dir)
  .filter((f) => /\.(eml|txt)$/.test(f))
  .map((f) =>
    fs
      .readFileSync(path.join(dir, f), "utf8")
      .split(/\r?\n\r?\n/)[0]
      .trimEnd(),
  );
function block(size) {
  let out = "";
  for (let i = 0; out.length < size; i++) out += sections[i % sections.length] + "\n";
  return out.slice(0, out.lastIndexOf("\n", size));
}

async function time(fn) {
  const ms = [];
  for (let i = 0; i < runs + 3; i++) {
    const t = performance.now();
    await fn();
    if (i >= 3) ms.push(performance.now() - t); // three warm-up runs
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1] };
}

console.log(`header analyser, ${runs} runs each after 3 warm-ups (Node ${process.version})`);
for (const size of [100_000, 1_000_000]) {
  const text = block(size);
  const r = await runAnalysis(text);
  if (!r.ok) throw new Error(r.error);
  const hops = r.analysis.hops.length;
  const full = await time(() => runAnalysis(text));
  const floor = await time(() => PostalMime.parse(`${text}\r\n\r\n`));
  console.log(
    `${(text.length / 1000).toFixed(0).padStart(5)} kB, ${String(r.analysis.headerCount).padStart(5)} fields, ${String(hops).padStart(4)} hops: ` +
      `analysis median ${full.median.toFixed(1)} ms (max ${full.max.toFixed(1)}), ` +
      `postal-mime alone ${floor.median.toFixed(1)} ms, ratio ${(full.median / floor.median).toFixed(2)}x`,
  );
}
