import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./fixtures";

// Schemas the browser loads are built with zod/mini: classic zod is about ten times the code to
// fetch and evaluate, and every classic schema object carries dozens of methods (issue 13: the
// lab's engine and the quiz modes load while the learner waits). Classic zod stays where only
// the build or the server reads it, for its .describe() texts.
const BUILD_TIME_ONLY = new Map([
  ["content/ports/schema.ts", "the port facts are parsed when /ports is rendered"],
  ["lib/lessons/schema.ts", "lessons are parsed at build time; its .describe() texts make docs"],
  ["lib/lessons/glossary.ts", "the glossary is parsed at build time"],
]);

function sources(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((rel) => /\.tsx?$/.test(rel))
    .map((rel) => `${dir}/${rel.split(path.sep).join("/")}`);
}

const files = ["app", "components", "content", "lib"].flatMap(sources);
const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), "utf8");
const importsClassicZod = (rel: string) => /from\s+["']zod["']/.test(read(rel));

describe("zod on the client", () => {
  it("only build-time modules import classic zod", () => {
    expect(files.filter(importsClassicZod).sort()).toEqual([...BUILD_TIME_ONLY.keys()].sort());
  });

  it("no browser code imports a build-time schema module except for its types", () => {
    const valueImport = (target: string) =>
      new RegExp(`^import (?!type )[^;]*from "[^"]*${target.replace(/\.ts$/, "")}";`, "m");
    for (const target of BUILD_TIME_ONLY.keys()) {
      const browserFiles = files.filter(
        (rel) => rel.startsWith("components/") || /^\s*["']use client["']/.test(read(rel)),
      );
      const offenders = browserFiles.filter((rel) => valueImport(target).test(read(rel)));
      expect(offenders, `${target} is build-time only (${BUILD_TIME_ONLY.get(target)})`).toEqual(
        [],
      );
    }
  });

  it("the schemas the lab and the quiz load are zod/mini", () => {
    for (const rel of [
      "content/scenarios/schema.ts",
      "lib/bridge/protocol.ts",
      "lib/progress/quiz-store.ts",
      "lib/progress/exam-store.ts",
      "lib/progress/transfer.ts",
    ]) {
      expect(read(rel), rel).toMatch(/from "zod\/mini"/);
    }
  });
});
