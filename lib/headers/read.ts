import PostalMime from "postal-mime";
import { analyse } from "./analyse";
import { prepareInput } from "./input";
import type { AnalyseOutcome, HeaderField } from "./types";

/** Unfolds a header section into fields with postal-mime (no hand-written MIME parsing). */
export async function readHeaderFields(headerBlock: string): Promise<HeaderField[]> {
  const message = await PostalMime.parse(`${headerBlock}\r\n\r\n`);
  return message.headers.map((h) => ({ name: h.originalKey ?? h.key, value: h.value }));
}

/** Text in, analysis or a clear message out. Never throws. */
export async function runAnalysis(text: string): Promise<AnalyseOutcome> {
  try {
    const prepared = prepareInput(text);
    if (!prepared.ok) return prepared;
    const fields = await readHeaderFields(prepared.headerBlock);
    if (fields.length === 0)
      return { ok: false, error: "No header fields could be read from this text." };
    return { ok: true, analysis: analyse(fields), headerBlock: prepared.headerBlock };
  } catch (e) {
    return {
      ok: false,
      error: `These headers could not be read (${e instanceof Error ? e.message : "unknown error"}). Check that they were copied whole.`,
    };
  }
}
