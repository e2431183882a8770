/**
 * The three-method terminal the shell talks to (after TutorialKit's runtime): the browser plugs
 * xterm.js in, tests plug in a string buffer. Subscriptions return a disposer.
 */
export interface TerminalPort {
  /** Writes output; may contain ANSI escape sequences and must use "\r\n" line ends. */
  write(data: string): void;
  /** Input as the terminal produces it: typed keys, escape sequences, pasted text. */
  onData(listener: (data: string) => void): () => void;
  /** Clears the screen and scrollback. */
  reset(): void;
}

/** An in-memory terminal for tests and headless use. */
export class StringTerminal implements TerminalPort {
  output = "";
  private listeners = new Set<(data: string) => void>();

  write(data: string): void {
    this.output += data;
  }

  onData(listener: (data: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reset(): void {
    this.output = "";
  }

  /** Simulates the user typing or pasting `data`. */
  type(data: string): void {
    for (const l of [...this.listeners]) l(data);
  }
}

/** ANSI styling helpers for output. */
export const style = {
  /** Muted (bright black, themed to the site's muted text colour; not SGR 2, which fails contrast). */
  dim: (s: string) => `\x1b[90m${s}\x1b[39m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
  green: (s: string) => `\x1b[32m${s}\x1b[39m`,
  blue: (s: string) => `\x1b[34m${s}\x1b[39m`,
  cyan: (s: string) => `\x1b[36m${s}\x1b[39m`,
  red: (s: string) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
};

/** Removes ANSI escape sequences (for tests and screen readers). */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

/**
 * The escape sequences the shell itself writes: SGR colours (m), cursor moves (A B C D G H) and
 * erasing the line, screen or scrollback (K, J: the `clear` command wipes the scrollback too).
 */
const SAFE_CSI = /^\x1b\[(?:[0-9]{1,4}(?:;[0-9]{1,4})*)?[ABCDGHKm]|^\x1b\[[0-3]?J/;

/** A control character as `cat -v` would show it: ^[ for ESC, ^? for DEL, <U+009B> for C1. */
function shown(code: number): string {
  if (code === 0x7f) return "^?";
  if (code < 0x20) return "^" + String.fromCharCode(code + 0x40);
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * Makes text safe to write to xterm: only the shell's own CSI sequences (above) and the C0
 * controls a terminal needs (CR, LF, TAB, BEL) pass. Any other ESC (OSC 8 hyperlinks, DCS,
 * title changes...), the C1 controls U+0080-U+009F (U+009B is an 8-bit CSI, U+009D an OSC) and
 * other C0 controls are shown escaped as text, so a learner sees what was there and nothing
 * reaches the terminal's parser. Idempotent.
 */
export function sanitizeTerminalOutput(data: string): string {
  // Fast path: nothing to look at.

  if (!/[\x00-\x06\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(data)) return data;
  let out = "";
  let i = 0;
  while (i < data.length) {
    const code = data.charCodeAt(i);
    if (code === 0x1b) {
      const m = SAFE_CSI.exec(data.slice(i, i + 16));
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
      out += "^[";
    } else if (
      (code < 0x20 && code !== 0x0d && code !== 0x0a && code !== 0x09 && code !== 0x07) ||
      (code >= 0x7f && code <= 0x9f)
    ) {
      out += shown(code);
    } else out += data[i];
    i++;
  }
  return out;
}
