import { describe, expect, it } from "vitest";
import {
  COMPILE_HINT,
  shiftSourceMap,
  withCompileHint,
} from "../../../scripts/lib/compile-hints.mjs";

describe("scripts/lib/compile-hints.mjs", () => {
  const chunk = '"use strict";(globalThis.TURBOPACK||=[]).push([1,function(){}]);';

  it("puts the hint on the script's first line, before its directive prologue", () => {
    const out = withCompileHint(chunk);
    expect(out.split("\n")[0]).toBe("//# allFunctionsCalledOnLoad");
    expect(out.slice(COMPILE_HINT.length + 1)).toBe(chunk);
  });

  it("leaves a script that has the hint as it is, so a second build step changes nothing", () => {
    const once = withCompileHint(chunk);
    expect(withCompileHint(once)).toBe(once);
  });

  it("still runs the same: the hint is a comment to every engine", () => {
    const run = new Function(`${withCompileHint("return 6 * 7;")}`);
    expect(run()).toBe(42);
  });

  it("shifts a source map's mappings one generated line down", () => {
    const map = JSON.stringify({ version: 3, sources: ["a.ts"], mappings: "AAAA;AACA" });
    expect(JSON.parse(shiftSourceMap(map)).mappings).toBe(";AAAA;AACA");
  });

  it("shifts an index map's sections, and leaves text that is not a map alone", () => {
    const index = JSON.stringify({
      version: 3,
      sections: [{ offset: { line: 0, column: 0 }, map: { mappings: "AAAA" } }],
    });
    expect(JSON.parse(shiftSourceMap(index)).sections[0].offset.line).toBe(1);
    expect(shiftSourceMap("not json")).toBe("not json");
    expect(shiftSourceMap('{"version":3}')).toBe('{"version":3}');
  });
});
