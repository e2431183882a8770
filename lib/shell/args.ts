/**
 * Splits a command line into words, roughly as a POSIX shell does: whitespace separates words,
 * single quotes keep everything literally, double quotes allow \" and \\ inside. Unlike bash, a
 * backslash before an ordinary character is kept (so `base64 \0alice\0secret` works without quotes).
 * Never throws: an unterminated quote is reported as an error string.
 */
export type ParsedLine = { ok: true; words: string[] } | { ok: false; error: string };

export function splitWords(line: string): ParsedLine {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) word += line[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === "\\" && i + 1 < line.length && /[\s'"\\]/.test(line[i + 1]!)) {
      word += line[++i];
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    word += c;
    inWord = true;
  }
  if (quote)
    return { ok: false, error: `unexpected end of line while looking for matching ${quote}` };
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** Splits `-x value` style options from positional words. Flags listed in `flags` take no value. */
export interface Options {
  opts: Map<string, string>;
  positional: string[];
  unknown: string[];
}

export function parseOptions(
  words: readonly string[],
  spec: { withValue: readonly string[]; flags?: readonly string[] },
): Options {
  const opts = new Map<string, string>();
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (spec.withValue.includes(w)) {
      const v = words[i + 1];
      if (v === undefined) unknown.push(w);
      else opts.set(w, v);
      i++;
    } else if (spec.flags?.includes(w)) opts.set(w, "");
    else if (w.startsWith("-") && w.length > 1) {
      const eq = w.indexOf("=");
      const name = eq > 0 ? w.slice(0, eq) : w;
      if (eq > 0 && spec.withValue.includes(name)) opts.set(name, w.slice(eq + 1));
      else unknown.push(w);
    } else positional.push(w);
  }
  return { opts, positional, unknown };
}
