import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_ROOT, REPO_ROOT, expectedReports, fixtureFiles } from "./fixtures";

// Lint the fixtures with the project's real eslint.config.mjs, as if tests/fixtures/layering were
// the repository root, so its lib/smtp, lib/quiz, ... folders fall under the layering rules.
// (The fixtures are ignored by `npm run lint`; with cwd moved here that ignore no longer matches.)
const byLine = (a: { line: number; rule: string }, b: { line: number; rule: string }) =>
  a.line - b.line || a.rule.localeCompare(b.rule);

describe("ESLint layering rules", () => {
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    const eslint = new ESLint({
      cwd: FIXTURE_ROOT,
      overrideConfigFile: path.join(REPO_ROOT, "eslint.config.mjs"),
    });
    const linted = await eslint.lintFiles(fixtureFiles());
    results = new Map(
      linted.map((r) => [path.relative(FIXTURE_ROOT, r.filePath).split(path.sep).join("/"), r]),
    );
  }, 120_000);

  it("finds the fixtures", () => {
    expect(fixtureFiles()).toContain("lib/smtp/impure-engine.ts");
    expect(results.size).toBe(fixtureFiles().length);
  });

  for (const file of fixtureFiles()) {
    const expected = expectedReports(file).sort(byLine);
    const label =
      expected.length === 0
        ? `${file} lints clean`
        : `${file}: reports ${expected.map((e) => `${e.rule}@${e.line}`).join(", ")}`;

    it(label, () => {
      const result = results.get(file);
      expect(result, `no lint result for ${file}`).toBeDefined();
      const fatal = result!.messages.filter((m) => m.fatal);
      expect(fatal.map((m) => m.message)).toEqual([]);
      const reported = result!.messages
        .map((m) => ({ line: m.line, rule: m.ruleId ?? "(none)" }))
        .sort(byLine);
      expect(reported).toEqual(expected);
    });
  }

  it("explains each pure-layer violation in words a contributor can act on", () => {
    const messages = results.get("lib/smtp/impure-engine.ts")!.messages.map((m) => m.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("no React"),
        expect.stringContaining("no Next"),
        expect.stringContaining("Use the seeded generator passed in."),
        expect.stringContaining("Use the virtual clock passed in."),
        expect.stringContaining("new Date() reads the wall clock"),
        expect.stringContaining("setTimeout is not allowed in a pure layer"),
      ]),
    );
    const upward = results.get("lib/progress/store.ts")!.messages.map((m) => m.message);
    expect(upward.join("\n")).toContain("imports point down the layers only");
  });
});
