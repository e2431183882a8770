/** Word completion shared by commands, host names, scenario ids and SMTP verbs. */
import type { Completion } from "./shell";

/** The word being typed at the end of `before` (after the last space). */
export function currentWord(before: string): string {
  const i = before.lastIndexOf(" ");
  return i < 0 ? before : before.slice(i + 1);
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return "";
  let p = words[0]!;
  for (const w of words) while (!w.toLowerCase().startsWith(p.toLowerCase())) p = p.slice(0, -1);
  return p;
}

/**
 * Completes `word` from `candidates`. A unique match is completed and followed by a space (unless
 * it ends in a character that expects more, like "<" or ":"); several matches complete their
 * common prefix and are listed. With `ignoreCase`, "ehl" completes to "EHLO".
 */
export function completeFrom(
  word: string,
  candidates: readonly string[],
  ignoreCase = false,
): Completion {
  const norm = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const matches = [...new Set(candidates)].filter((c) => norm(c).startsWith(norm(word))).sort();
  if (matches.length === 0) return { insert: "", candidates: [] };
  if (matches.length === 1) {
    const only = matches[0]!;
    // Keep what was typed (SMTP verbs are case-insensitive); only add the rest.
    return {
      insert: only.slice(word.length) + (/[<:=/]$/.test(only) ? "" : " "),
      candidates: matches,
    };
  }
  const prefix = commonPrefix(matches);
  return { insert: prefix.slice(word.length), candidates: matches };
}
