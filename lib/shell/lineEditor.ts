/**
 * A pure line editor in the style of readline: it keeps the line being typed and the cursor, and
 * returns the ANSI output that redraws it (wrap-aware for a given column count). Keys it does not
 * handle itself (Enter, history, Tab, Ctrl+C...) come back as actions for the shell.
 */
import type { Key } from "./keys";
import { stripAnsi } from "./terminal";

export type EditorAction =
  | { kind: "submit"; line: string }
  | { kind: "historyPrev" }
  | { kind: "historyNext" }
  | { kind: "complete" }
  | { kind: "interrupt"; line: string }
  | { kind: "eof" }
  | { kind: "escape" }
  | { kind: "clearScreen" };

export interface EditorResult {
  /** What to write to the terminal (may be ""). */
  output: string;
  action?: EditorAction;
}

/** The number of cells a string takes on screen (ANSI colour codes take none). */
export function visibleWidth(text: string): number {
  return Array.from(stripAnsi(text)).length;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private prompt = "";
  private promptWidth = 0;
  /** Where the terminal cursor is, in cells from the start of the prompt. */
  private drawn = 0;
  private cols: number;

  constructor(cols = 80) {
    this.cols = Math.max(1, Math.floor(cols) || 80);
  }

  get line(): string {
    return this.chars.join("");
  }

  get cursorIndex(): number {
    return this.cursor;
  }

  /** The text before the cursor (what completion looks at). */
  get beforeCursor(): string {
    return this.chars.slice(0, this.cursor).join("");
  }

  setCols(cols: number): void {
    if (Number.isFinite(cols) && cols >= 1) this.cols = Math.floor(cols);
  }

  /** Starts a new line after `prompt`; returns the prompt to write. */
  begin(prompt: string): string {
    this.prompt = prompt;
    this.promptWidth = visibleWidth(prompt);
    this.chars = [];
    this.cursor = 0;
    this.drawn = this.promptWidth;
    return prompt + this.wrapFix(this.promptWidth);
  }

  /** Replaces the whole line (history recall) and puts the cursor at its end. */
  setLine(text: string): string {
    this.chars = Array.from(text);
    this.cursor = this.chars.length;
    return this.refresh();
  }

  /** Inserts text at the cursor (typing, pasting, completion). */
  insert(text: string): string {
    const add = Array.from(text);
    if (add.length === 0) return "";
    const atEnd = this.cursor === this.chars.length;
    // concat, not splice(...add): spreading a long paste as arguments overflows the stack.
    this.chars = this.chars.slice(0, this.cursor).concat(add, this.chars.slice(this.cursor));
    this.cursor += add.length;
    if (!atEnd) return this.refresh();
    // Fast path: typing at the end of the line only needs the new characters echoed.
    this.drawn = this.promptWidth + this.cursor;
    return text + this.wrapFix(this.drawn);
  }

  /** Redraws the prompt and line in place (after a resize or external output). */
  redraw(): string {
    return this.refresh();
  }

  handle(key: Key): EditorResult {
    switch (key.kind) {
      case "char":
        return { output: this.insert(key.text) };
      case "backspace":
        if (this.cursor === 0) return { output: "" };
        this.chars.splice(this.cursor - 1, 1);
        this.cursor--;
        return { output: this.refresh() };
      case "delete":
        if (this.cursor >= this.chars.length) return { output: "" };
        this.chars.splice(this.cursor, 1);
        return { output: this.refresh() };
      case "left":
        return { output: this.moveTo(this.cursor - 1) };
      case "right":
        return { output: this.moveTo(this.cursor + 1) };
      case "home":
        return { output: this.moveTo(0) };
      case "end":
        return { output: this.moveTo(this.chars.length) };
      case "wordLeft":
        return { output: this.moveTo(this.wordStart()) };
      case "wordRight":
        return { output: this.moveTo(this.wordEnd()) };
      case "killToStart":
        this.chars.splice(0, this.cursor);
        this.cursor = 0;
        return { output: this.refresh() };
      case "killToEnd":
        this.chars.splice(this.cursor);
        return { output: this.refresh() };
      case "killWord": {
        const start = this.wordStart();
        this.chars.splice(start, this.cursor - start);
        this.cursor = start;
        return { output: this.refresh() };
      }
      case "enter": {
        const line = this.line;
        return {
          output: this.moveTo(this.chars.length) + "\r\n",
          action: { kind: "submit", line },
        };
      }
      case "eof":
        // Ctrl+D deletes the character under the cursor; on an empty line it means end of input.
        if (this.chars.length > 0) return this.handle({ kind: "delete" });
        return { output: "", action: { kind: "eof" } };
      case "interrupt": {
        const line = this.line;
        return {
          output: this.moveTo(this.chars.length) + "^C\r\n",
          action: { kind: "interrupt", line },
        };
      }
      case "up":
        return { output: "", action: { kind: "historyPrev" } };
      case "down":
        return { output: "", action: { kind: "historyNext" } };
      case "tab":
        return { output: "", action: { kind: "complete" } };
      case "escape":
        return { output: "", action: { kind: "escape" } };
      case "clearScreen":
        return { output: "", action: { kind: "clearScreen" } };
    }
  }

  private wordStart(): number {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.chars[i - 1])) i--;
    while (i > 0 && isWordChar(this.chars[i - 1])) i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.cursor;
    while (i < this.chars.length && !isWordChar(this.chars[i])) i++;
    while (i < this.chars.length && isWordChar(this.chars[i])) i++;
    return i;
  }

  private moveTo(index: number): string {
    const target = Math.max(0, Math.min(this.chars.length, index));
    if (target === this.cursor) return "";
    this.cursor = target;
    return this.placeCursor(this.drawn, this.promptWidth + target);
  }

  /** Moves the terminal cursor between two cell offsets (from the prompt's start). */
  private placeCursor(from: number, to: number): string {
    const fromRow = Math.floor(from / this.cols);
    const toRow = Math.floor(to / this.cols);
    const toCol = to % this.cols;
    let out = "";
    if (fromRow > toRow) out += `\x1b[${fromRow - toRow}A`;
    else if (toRow > fromRow) out += `\x1b[${toRow - fromRow}B`;
    out += "\r";
    if (toCol > 0) out += `\x1b[${toCol}C`;
    this.drawn = to;
    return out;
  }

  /**
   * A terminal that has just filled the last column waits before wrapping; force the wrap so the
   * cursor really is where we count it.
   */
  private wrapFix(cells: number): string {
    return cells > 0 && cells % this.cols === 0 ? "\r\n" : "";
  }

  private refresh(): string {
    const up = Math.floor(this.drawn / this.cols);
    let out = up > 0 ? `\x1b[${up}A\r` : "\r";
    const end = this.promptWidth + this.chars.length;
    out += this.prompt + this.line + this.wrapFix(end) + "\x1b[J";
    this.drawn = end;
    return out + this.placeCursorIfNeeded(end, this.promptWidth + this.cursor);
  }

  private placeCursorIfNeeded(from: number, to: number): string {
    return from === to ? "" : this.placeCursor(from, to);
  }
}
