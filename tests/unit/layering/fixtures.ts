import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const FIXTURE_ROOT = path.join(REPO_ROOT, "tests", "fixtures", "layering");

/** Every .ts fixture, as a path relative to FIXTURE_ROOT (like "lib/smtp/impure-engine.ts"). */
export function fixtureFiles(): string[] {
  return readdirSync(FIXTURE_ROOT, { recursive: true, encoding: "utf8" })
    .filter((rel) => rel.endsWith(".ts"))
    .map((rel) => rel.split(path.sep).join("/"))
    .sort();
}

export interface ExpectedReport {
  line: number;
  rule: string;
}

/** The reports a fixture announces with `// expect: rule[, rule]` at the end of a line. */
export function expectedReports(relPath: string): ExpectedReport[] {
  const lines = readFileSync(path.join(FIXTURE_ROOT, relPath), "utf8").split("\n");
  return lines.flatMap((text, index) => {
    const marker = /\/\/ expect: (.+)$/.exec(text);
    if (!marker?.[1]) return [];
    return marker[1].split(",").map((rule) => ({ line: index + 1, rule: rule.trim() }));
  });
}
