/**
 * The shell's driver: reads keys from a TerminalPort, edits the line, and hands finished lines to
 * the interpreter (ShellSession), writing back its output. All synchronous, so a paste of several
 * lines runs them strictly in order, as a real terminal does.
 */
import { decodeKeys } from "./keys";
import { LineEditor } from "./lineEditor";
import { sanitizeTerminalOutput, type TerminalPort } from "./terminal";
import { formatOutput } from "./wrap";

/** What the driver needs from the interpreter behind it. */
export interface Interpreter {
  /** The prompt for the next line ("" inside telnet, for instance). */
  prompt(): string;
  /** Runs one submitted line; returns its output ("\n" line ends). */
  submit(line: string): string;
  /** Ctrl+C with the current line. */
  interrupt(line: string): string;
  /** Ctrl+D on an empty line. */
  eof(): string;
  /** Ctrl+] (telnet's escape character). */
  escape(): string;
  /** Completion of the text before the cursor. */
  complete(before: string): Completion;
  historyPrev(current: string): string | undefined;
  historyNext(): string | undefined;
}

export interface Completion {
  /** Text to insert at the cursor. */
  insert: string;
  /** When ambiguous, all candidates (shown as a list). */
  candidates: readonly string[];
}

export class Shell {
  private readonly editor: LineEditor;
  private dispose: (() => void) | null = null;
  private lastTabLine: string | null = null;
  private cols: number;

  constructor(
    private readonly port: TerminalPort,
    private readonly interpreter: Interpreter,
    cols = 80,
  ) {
    this.editor = new LineEditor(cols);
    this.cols = cols;
  }

  private format(text: string): string {
    return formatOutput(text, this.cols);
  }

  /** Prints the banner and first prompt and starts reading input. */
  start(banner = ""): void {
    this.dispose?.();
    this.dispose = this.port.onData((data) => this.input(data));
    this.write(this.format(banner) + this.editor.begin(this.interpreter.prompt()));
  }

  stop(): void {
    this.dispose?.();
    this.dispose = null;
  }

  resize(cols: number): void {
    this.editor.setCols(cols);
    if (Number.isFinite(cols) && cols >= 1) this.cols = Math.floor(cols);
  }

  /** Prints text above the prompt (e.g. after the scenario changed) and redraws the prompt. */
  notify(text: string): void {
    this.write("\r\x1b[J" + this.format(text) + this.editor.begin(this.interpreter.prompt()));
  }

  /**
   * Prints a note above the line being typed (a hint after a pause), then redraws the prompt and
   * whatever was typed so far, so nothing the learner typed is lost.
   */
  aside(text: string): void {
    const typed = this.editor.line;
    const note = this.format(text.endsWith("\n") ? text : text + "\n");
    const prompt = this.editor.begin(this.interpreter.prompt());
    this.write("\r\x1b[J" + note + prompt + this.editor.insert(typed));
  }

  /** Replaces the line being typed and runs it, as the touch-screen input does. */
  runLine(line: string): void {
    this.input("\x15" + line.replace(/[\r\n]+$/, "") + "\r");
  }

  /**
   * Feeds raw terminal input (also used by the touch-screen buttons, e.g. "\t" or "\x03").
   * Never throws: whatever goes wrong is reported on the terminal and the prompt comes back.
   */
  input(data: string): void {
    let out = "";
    try {
      out = this.process(data);
    } catch (e) {
      out +=
        `\r\nshell: internal error: ${e instanceof Error ? e.message : String(e)}\r\n` +
        this.editor.begin(this.interpreter.prompt());
    }
    if (out) this.write(out);
  }

  /** Everything written to the terminal passes here: see sanitizeTerminalOutput. */
  private write(data: string): void {
    this.port.write(sanitizeTerminalOutput(data));
  }

  private process(data: string): string {
    let out = "";
    const keys = decodeKeys(data);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (key.kind !== "tab") this.lastTabLine = null;
      if (key.kind === "char") {
        // A run of characters (a paste) is inserted at once: one redraw, however long the run
        // and wherever the cursor is, so a paste costs time linear in its length.
        let run = key.text;
        while (k + 1 < keys.length && keys[k + 1]!.kind === "char") {
          run += (keys[++k] as { text: string }).text;
        }
        out += this.editor.insert(run);
        continue;
      }
      const r = this.editor.handle(key);
      out += r.output;
      const action = r.action;
      if (!action) continue;
      switch (action.kind) {
        case "submit":
          out += this.format(this.safe(() => this.interpreter.submit(action.line)));
          out += this.editor.begin(this.interpreter.prompt());
          break;
        case "interrupt":
          out += this.format(this.safe(() => this.interpreter.interrupt(action.line)));
          out += this.editor.begin(this.interpreter.prompt());
          break;
        case "eof":
          out += this.format(this.safe(() => this.interpreter.eof()));
          out += this.editor.begin(this.interpreter.prompt());
          break;
        case "escape": {
          const text = this.safe(() => this.interpreter.escape());
          if (text)
            out += "\r\n" + this.format(text) + this.editor.begin(this.interpreter.prompt());
          break;
        }
        case "clearScreen":
          out += "\x1b[H\x1b[2J" + this.editor.redraw();
          break;
        case "historyPrev": {
          const entry = this.interpreter.historyPrev(this.editor.line);
          if (entry !== undefined) out += this.editor.setLine(entry);
          break;
        }
        case "historyNext": {
          const entry = this.interpreter.historyNext();
          if (entry !== undefined) out += this.editor.setLine(entry);
          break;
        }
        case "complete":
          out += this.complete();
          break;
      }
    }
    return out;
  }

  private complete(): string {
    const line = this.editor.line;
    const c = this.interpreter.complete(this.editor.beforeCursor);
    if (c.insert) {
      this.lastTabLine = null;
      return this.editor.insert(c.insert);
    }
    if (c.candidates.length < 2) return "\x07";
    // Like bash: the first Tab rings, the second lists the candidates.
    if (this.lastTabLine !== line) {
      this.lastTabLine = line;
      return "\x07";
    }
    this.lastTabLine = null;
    const end = this.editor.handle({ kind: "end" }).output;
    const list = "\r\n" + c.candidates.join("  ") + "\r\n";
    return end + list + this.editor.begin(this.interpreter.prompt()) + this.editor.insert(line);
  }

  /** The interpreter promises never to throw; this keeps the terminal alive if it ever does. */
  private safe(run: () => string): string {
    try {
      return run();
    } catch (e) {
      return `shell: internal error: ${e instanceof Error ? e.message : String(e)}\n`;
    }
  }
}
