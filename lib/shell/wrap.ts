/**
 * Word wrapping for what the shell prints, at the terminal's column count. SMTP reply lines are
 * left exactly as the server sent them (the terminal soft-wraps them, as a real one would); so
 * are words longer than a line (a base64 token must stay one piece to be copied). ANSI colour
 * codes take no columns, and a colour running across a break carries on (SGR state survives a
 * newline).
 */

/** Terminals narrower than this get no wrapping: nothing readable fits anyway. */
export const MIN_WRAP_COLS = 20;

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** A reply line as on the wire: "250 2.1.5 Ok", "250-PIPELINING". */
const SMTP_REPLY = /^[2-5]\d\d(?:[ -]|$)/;

/** Columns a string takes on screen (escape codes take none; one column per code point). */
export function visibleWidth(text: string): number {
  return Array.from(text.replace(ANSI, "")).length;
}

/**
 * Where a line's continuation rows start: under the text after a bullet ("↳ ", "- ") or, for a
 * two-column listing like `help`, under the second column.
 */
function hangingIndent(plain: string, cols: number): number {
  const lead = /^\s*/.exec(plain)![0].length;
  const bullet = /^\s*(?:↳|[-*•]|\d+\.)\s+/.exec(plain);
  let indent = bullet ? bullet[0].length : lead;
  const column = /^\s*\S.*?\S {2,}(?=\S)/.exec(plain);
  if (column && column[0].length > indent) indent = column[0].length;
  // Never indent so far that fewer than half the columns are left for text.
  return indent <= cols / 2 ? indent : lead <= cols / 2 ? lead : 0;
}

/** Wraps one line (no "\n" inside) to `cols` columns at spaces. */
export function wrapLine(line: string, cols: number): string {
  if (cols < MIN_WRAP_COLS || visibleWidth(line) <= cols) return line;
  const plain = line.replace(ANSI, "");
  if (SMTP_REPLY.test(plain)) return line;
  const indent = hangingIndent(plain, cols);
  // Tokens: escape codes, runs of spaces, and words. Escape codes cost no columns.
  const tokens = line.match(/\x1b\[[0-9;?]*[A-Za-z]|[ ]+|[^ \x1b]+|\x1b/g) ?? [];
  const rows: string[] = [];
  let row = "";
  let width = 0;
  let pendingSpace = "";
  for (const tok of tokens) {
    if (tok.startsWith("\x1b") && tok.length > 1) {
      row += tok;
      continue;
    }
    if (tok[0] === " ") {
      pendingSpace += tok;
      continue;
    }
    const w = visibleWidth(tok);
    const room = cols - width;
    if (width > 0 && width > indent && pendingSpace.length + w > room) {
      rows.push(row.replace(/ +$/, ""));
      row = " ".repeat(indent);
      width = indent;
      pendingSpace = "";
    }
    row += pendingSpace + tok;
    width += visibleWidth(pendingSpace) + w;
    pendingSpace = "";
  }
  row += pendingSpace;
  rows.push(row);
  return rows.join("\n");
}

/** Wraps every line of `text` ("\n" line ends, as commands return it). */
export function wrapText(text: string, cols: number): string {
  if (cols < MIN_WRAP_COLS) return text;
  return text
    .split("\n")
    .map((l) => wrapLine(l, cols))
    .join("\n");
}

/** Output as a terminal `cols` wide shows it: wrapped at words, "\r\n" line ends. */
export const formatOutput = (text: string, cols: number) =>
  wrapText(text.replace(/\r\n/g, "\n"), cols).replace(/\r?\n/g, "\r\n");
