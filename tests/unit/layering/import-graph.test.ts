import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What a module pulls in when it is evaluated: its static imports, followed through the
// repository's own files (`import type` and dynamic `import()` load nothing, so they are skipped).
// The bundler puts everything reached this way into the module's chunk and runs it on load.
const ROOT = path.resolve(__dirname, "../../..");
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const file = base + ext;
    if (existsSync(file) && !file.endsWith("/") && /\.tsx?$/.test(file)) return file;
  }
  return null;
}

/** Every repository file `entry` loads, as paths from the repository root. */
function loads(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const rel = path.relative(ROOT, file);
    if (seen.has(rel)) continue;
    seen.add(rel);
    for (const m of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const next = resolve(file, m[1]!);
      if (next) queue.push(next);
    }
  }
  return seen;
}

const engineFiles = (entry: string) => [...loads(entry)].filter((f) => f.startsWith("lib/smtp/"));

describe("what loads with what", () => {
  it("follows static imports and skips type-only and dynamic ones", () => {
    const pbq = loads("components/quiz/PbqMode.tsx");
    expect(pbq).toContain("lib/quiz/pbq-transcript.ts");
    expect(pbq).toContain("lib/smtp/index.ts");
    expect(pbq).toContain("lib/smtp/auth/ed25519.ts");
    // QuizApp loads its modes with import(); the lab page names World and the lab's props only
    // as types and loads the lab itself with import().
    expect(engineFiles("components/quiz/QuizApp.tsx")).toEqual([]);
    expect(engineFiles("components/lab/LabPage.tsx")).toEqual([]);
    expect(loads("components/lab/Lab.tsx")).toContain("lib/smtp/index.ts");
  });

  // The PBQs that run the engine are imported by the PBQ mode alone: the other modes, and the
  // lib/quiz index they share, must not carry the engine and its crypto (it once came in through
  // the index and cost every drill its evaluation, about a tenth of the mode's start-up).
  for (const entry of [
    "lib/quiz/index.ts",
    "components/quiz/DrillMode.tsx",
    "components/quiz/QuizMode.tsx",
    "components/quiz/ExamMode.tsx",
    "components/quiz/StatsPanel.tsx",
  ]) {
    it(`${entry} loads no part of the SMTP engine`, () => {
      expect(engineFiles(entry)).toEqual([]);
    });
  }

  it("the layout every page shares loads no part of the SMTP engine", () => {
    expect(engineFiles("app/layout.tsx")).toEqual([]);
  });
});
