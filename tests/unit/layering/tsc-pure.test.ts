import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_ROOT, REPO_ROOT } from "./fixtures";

// Compile single fixture files with the project's real tsconfig.pure.json (and, for contrast,
// tsconfig.json) through the TypeScript API: a temporary tsconfig extends the real one and only
// swaps the file list, so every compiler option under test is the project's own.
const scratch = mkdtempSync(path.join(tmpdir(), "relay-lab-tsc-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compile(baseConfig: "tsconfig.json" | "tsconfig.pure.json", fixture: string): string[] {
  const configPath = path.join(scratch, `${baseConfig}.${fixture.replaceAll("/", "_")}.json`);
  writeFileSync(
    configPath,
    JSON.stringify({
      extends: path.join(REPO_ROOT, baseConfig),
      compilerOptions: { incremental: false, plugins: [] },
      include: [],
      files: [path.join(FIXTURE_ROOT, fixture)],
    }),
  );
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`could not read ${configPath}`);
  expect(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual(
    [],
  );
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("tsconfig.pure.json", () => {
  it("compiles the pure layers without the DOM library", () => {
    const config = ts.readConfigFile(path.join(REPO_ROOT, "tsconfig.pure.json"), ts.sys.readFile);
    const raw = config.config as {
      compilerOptions: { lib: string[]; types: string[] };
      include: string[];
    };
    expect(raw.compilerOptions.lib.map((l) => l.toLowerCase())).not.toContain("dom");
    expect(raw.compilerOptions.types).toEqual([]);
    expect(raw.include).toEqual(
      expect.arrayContaining(["lib/smtp/**/*.ts", "lib/shell/**/*.ts", "lib/quiz/**/*.ts"]),
    );
  });

  it("rejects a pure file that reaches the DOM or a timer through globalThis", () => {
    const errors = compile("tsconfig.pure.json", "lib/shell/dom-global.ts");
    // Without lib "dom" (and with no @types), globalThis has neither member: one error each.
    expect(errors).toEqual([
      expect.stringMatching(/type 'typeof globalThis' has no index signature/),
      expect.stringMatching(/type 'typeof globalThis' has no index signature/),
    ]);
  }, 60_000);

  it("rejects window, localStorage and setTimeout used directly", () => {
    const errors = compile("tsconfig.pure.json", "lib/smtp/impure-engine.ts").join("\n");
    expect(errors).toMatch(/Cannot find name 'setTimeout'/);
    expect(errors).toMatch(/Cannot find name 'window'/);
    expect(errors).toMatch(/Cannot find name 'localStorage'/);
  }, 60_000);

  it("accepts the same DOM file under the app's tsconfig.json, so the lib is what catches it", () => {
    expect(compile("tsconfig.json", "lib/shell/dom-global.ts")).toEqual([]);
  }, 60_000);

  it("accepts a pure file that takes its clock and randomness as arguments", () => {
    expect(compile("tsconfig.pure.json", "lib/shell/clean-command.ts")).toEqual([]);
  }, 60_000);
});
