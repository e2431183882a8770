/**
 * Terminal input decoding: turns the raw strings a terminal emits (xterm's `onData`: typed keys,
 * escape sequences, pasted text) into named keys. Pure; no DOM.
 */
export type Key =
  | { kind: "char"; text: string }
  | {
      kind:
        | "enter"
        | "backspace"
        | "delete"
        | "left"
        | "right"
        | "up"
        | "down"
        | "home"
        | "end"
        | "wordLeft"
        | "wordRight"
        | "tab"
        | "interrupt" // Ctrl+C
        | "eof" // Ctrl+D
        | "escape" // Ctrl+] (telnet's escape character)
        | "clearScreen" // Ctrl+L
        | "killToStart" // Ctrl+U
        | "killToEnd" // Ctrl+K
        | "killWord"; // Ctrl+W
    };

type NamedKind = Exclude<Key["kind"], "char">;

/** Escape sequences (after ESC) sent by xterm in normal and application cursor modes. */
const ESCAPES: Record<string, NamedKind> = {
  "[A": "up",
  "[B": "down",
  "[C": "right",
  "[D": "left",
  OA: "up",
  OB: "down",
  OC: "right",
  OD: "left",
  "[H": "home",
  "[F": "end",
  OH: "home",
  OF: "end",
  "[1~": "home",
  "[7~": "home",
  "[4~": "end",
  "[8~": "end",
  "[3~": "delete",
  "[1;5D": "wordLeft",
  "[1;5C": "wordRight",
  "[1;3D": "wordLeft",
  "[1;3C": "wordRight",
  b: "wordLeft",
  f: "wordRight",
};

const CONTROLS: Record<string, NamedKind> = {
  "\r": "enter",
  "\n": "enter",
  "\x7f": "backspace",
  "\b": "backspace",
  "\t": "tab",
  "\x01": "home", // Ctrl+A
  "\x05": "end", // Ctrl+E
  "\x02": "left", // Ctrl+B
  "\x06": "right", // Ctrl+F
  "\x10": "up", // Ctrl+P
  "\x0e": "down", // Ctrl+N
  "\x03": "interrupt",
  "\x04": "eof",
  "\x1d": "escape",
  "\x0c": "clearScreen",
  "\x15": "killToStart",
  "\x0b": "killToEnd",
  "\x17": "killWord",
};

/**
 * Splits terminal input into keys. Runs of printable characters become one `char` key each, so a
 * paste is handled exactly like typing. "\r\n" counts as one Enter. Unknown escape sequences and
 * other control characters (C0 and C1) are dropped rather than inserted.
 */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === "\x1b") {
      const seq = readEscape(data, i + 1);
      const kind = ESCAPES[seq];
      if (kind) keys.push({ kind });
      i += 1 + seq.length;
      continue;
    }
    if (ch === "\r" && data[i + 1] === "\n") {
      keys.push({ kind: "enter" });
      i += 2;
      continue;
    }
    const control = CONTROLS[ch];
    if (control) keys.push({ kind: control });
    else if (ch >= " " && (ch < "\x7f" || ch > "\x9f")) {
      // C1 controls (U+0080-U+009F: U+009B is an 8-bit CSI, U+009D an OSC) are dropped too.
      // Keep surrogate pairs together so an emoji is one character.
      const cp = data.codePointAt(i)!;
      const text = String.fromCodePoint(cp);
      keys.push({ kind: "char", text });
      i += text.length;
      continue;
    }
    i += 1;
  }
  return keys;
}

/** Reads one escape sequence body starting just after ESC (CSI, SS3 or a single Alt+key). */
function readEscape(data: string, start: number): string {
  const first = data[start];
  if (first === undefined) return "";
  if (first === "[") {
    let j = start + 1;
    // Parameters and intermediates, then one final byte in @..~
    while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
    return data.slice(start, Math.min(j + 1, data.length));
  }
  if (first === "O") return data.slice(start, start + 2);
  return first;
}
