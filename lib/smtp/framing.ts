/**
 * Framing, apart from the session (as nodemailer's smtp-stream is apart from its connection):
 * splitting input into lines, DATA-mode dot handling, and formatting/parsing replies.
 */

/** Split pasted or streamed text into lines. CRLF, bare LF and bare CR all end a line. */
export function splitLines(input: string): string[] {
  if (input.indexOf("\n") === -1 && input.indexOf("\r") === -1) return [input];
  const lines = input.split(/\r\n|\n|\r/);
  // "a\r\n" is one line, not "a" and "".
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** One line received in DATA mode: the lone "." ends the message; a leading dot is unstuffed. */
export type DataLine = { end: true } | { end: false; line: string };

export function readDataLine(line: string): DataLine {
  if (line === ".") return { end: true };
  return { end: false, line: unstuffDataLine(line) };
}

/** The receiving half of RFC 5321 4.5.2: drop one leading dot (not for the lone "."). */
export function unstuffDataLine(line: string): string {
  return line.charCodeAt(0) === 46 ? line.slice(1) : line;
}

/** RFC 5321 4.5.2 transparency: a sender doubles a leading dot. */
export function stuffDataLine(line: string): string {
  return line.charCodeAt(0) === 46 ? "." + line : line;
}

/**
 * Format a reply exactly as on the wire: "250-first", ..., "250 last", joined by CRLF.
 * Every reply in the engine goes through here, so the continuation rule holds everywhere.
 */
export function formatReply(code: number, lines: readonly string[]): string {
  if (lines.length <= 1) return `${code} ${lines[0] ?? ""}`;
  let out = "";
  const last = lines.length - 1;
  for (let i = 0; i < last; i++) out += `${code}-${lines[i]}\r\n`;
  return out + `${code} ${lines[last]}`;
}

const replyTexts = new WeakMap<object, string>();

/**
 * The wire text of a reply object, formatted once per object: the engine's fixed replies (and
 * the per-server greeting and EHLO lists) are shared, so their text is too.
 */
export function replyText(reply: { code: number; lines: readonly string[] }): string {
  let text = replyTexts.get(reply);
  if (text === undefined) {
    text = formatReply(reply.code, reply.lines);
    replyTexts.set(reply, text);
  }
  return text;
}

export interface ParsedReply {
  code: number;
  /** The text after "NNN-" / "NNN " on each line. */
  lines: string[];
}

/** Parse a full reply (lines joined by CRLF); null when it is not a well-formed reply. */
export function parseReply(text: string): ParsedReply | null {
  if (text === "") return null;
  const raw = text.split("\r\n");
  const lines: string[] = [];
  let code = -1;
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i] ?? "";
    if (!/^[2-5][0-9][0-9]([ -]|$)/.test(l)) return null;
    const c = Number(l.slice(0, 3));
    if (code === -1) code = c;
    else if (c !== code) return null;
    const sep = l.charAt(3);
    const isLast = i === raw.length - 1;
    if (isLast ? sep === "-" : sep !== "-") return null;
    lines.push(l.slice(4));
  }
  return { code, lines };
}
