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
