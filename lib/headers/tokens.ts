/**
 * A small tokeniser for structured header values: words, (comments) that may nest and hold
 * quoted strings, [literals], <angle addresses> and "quoted strings". It never throws; an
 * unclosed bracket runs to the end of the value.
 */
export type TokenType = "word" | "comment" | "literal" | "angle" | "quoted" | "special";

export interface Token {
  type: TokenType;
  text: string;
}

function readComment(s: string, start: number): { text: string; end: number } {
  let depth = 0;
  let i = start;
  let quoted = false;
  for (; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (quoted) {
      if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) return { text: s.slice(start + 1, i), end: i + 1 };
    }
  }
  return { text: s.slice(start + 1), end: s.length };
}

function readUntil(s: string, start: number, close: string): { text: string; end: number } {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === "\\") {
      i++;
      continue;
    }
    if (s[i] === close) return { text: s.slice(start + 1, i), end: i + 1 };
  }
  return { text: s.slice(start + 1), end: s.length };
}

/** Splits a header value into tokens. `specials` are single characters returned on their own. */
export function tokenize(value: string, specials = ""): Token[] {
  const tokens: Token[] = [];
  const s = value;
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "(") {
      const r = readComment(s, i);
      tokens.push({ type: "comment", text: r.text.replace(/\s+/g, " ").trim() });
      i = r.end;
    } else if (ch === "[") {
      const r = readUntil(s, i, "]");
      tokens.push({ type: "literal", text: r.text.trim() });
      i = r.end;
    } else if (ch === "<") {
      const r = readUntil(s, i, ">");
      tokens.push({ type: "angle", text: r.text.trim() });
      i = r.end;
    } else if (ch === '"') {
      const r = readUntil(s, i, '"');
      tokens.push({ type: "quoted", text: r.text.replace(/\\(.)/g, "$1") });
      i = r.end;
    } else if (specials.includes(ch)) {
      tokens.push({ type: "special", text: ch });
      i++;
    } else {
      let j = i;
      while (j < s.length && !/[\s()[<"]/.test(s[j]!) && !specials.includes(s[j]!)) j++;
      // A stray ")" stops the loop at once: take it as a one-character word so we always advance.
      if (j === i) j = i + 1;
      tokens.push({ type: "word", text: s.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

/** Calls `hit(i)` for each `ch` outside comments and quoted strings. */
function scanOutside(value: string, ch: string, hit: (i: number) => void): void {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === ch && depth === 0) hit(i);
  }
}

/** Index of the last `ch` outside comments and quoted strings, or -1. */
export function lastIndexOutside(value: string, ch: string): number {
  let found = -1;
  scanOutside(value, ch, (i) => (found = i));
  return found;
}

/** Splits on `ch` outside comments and quoted strings. */
export function splitOutside(value: string, ch: string): string[] {
  const parts: string[] = [];
  let start = 0;
  scanOutside(value, ch, (i) => {
    parts.push(value.slice(start, i));
    start = i + 1;
  });
  parts.push(value.slice(start));
  return parts;
}
