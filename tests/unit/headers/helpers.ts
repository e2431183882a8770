import fs from "node:fs";
import path from "node:path";
import { runAnalysis } from "@/lib/headers/read";
import type { Analysis } from "@/lib/headers/types";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/headers");

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

export async function analyseText(text: string): Promise<Analysis> {
  const r = await runAnalysis(text);
  if (!r.ok) throw new Error(`expected an analysis, got: ${r.error}`);
  return r.analysis;
}
