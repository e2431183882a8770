/**
 * ShellSession: the interpreter behind the terminal. It owns the terminal-side state (the world
 * being played with, which host you are on, the open interactive program, history, settings) and
 * dispatches lines to the command table. Pure: no DOM, no timers.
 */
import { splitWords } from "./args";
import { completeFrom, currentWord } from "./complete";
import { History, type HistoryStore } from "./history";
import type { Completion, Interpreter } from "./shell";
import { style } from "./terminal";
import type { Command, CommandResult, Interaction } from "./types";

export interface SessionOptions<W> {
  world: W;
  commands: readonly Command<ShellSession<W>>[];
  history?: HistoryStore;
  /** The learner's starting host and user name. */
  home: { host: string; user: string };
  /** Who you are on another host after `ssh` (defaults to the same user). */
  userOn?: (host: string, world: W) => string;
  /** A hint for a shell line that failed (e.g. an SMTP command typed before connecting), or null. */
  failedLineHint?: (line: string, session: ShellSession<W>) => string | null;
}

interface Login {
  host: string;
  user: string;
}

export class ShellSession<W> implements Interpreter {
  world: W;
  readonly history: History;
  readonly commands: ReadonlyMap<string, Command<ShellSession<W>>>;
  /** Explanations beneath SMTP replies (`explain on|off`). */
  explain = true;
  interaction: Interaction | null = null;
  lastExit = 0;
  private logins: Login[];
  private home: Login;
  private readonly worldListeners = new Set<(world: W) => void>();
  private readonly userOn: (host: string, world: W) => string;
  private readonly failedLineHint: SessionOptions<W>["failedLineHint"];

  constructor(opts: SessionOptions<W>) {
    this.world = opts.world;
    this.history = new History(opts.history);
    this.commands = new Map(opts.commands.map((c) => [c.name, c]));
    this.home = { ...opts.home };
    this.logins = [this.home];
    this.userOn = opts.userOn ?? (() => this.home.user);
    this.failedLineHint = opts.failedLineHint;
  }

  get host(): string {
    return this.logins[this.logins.length - 1]!.host;
  }

  get user(): string {
    return this.logins[this.logins.length - 1]!.user;
  }

  /** How many `ssh` hops deep we are (0 on the learner's own machine). */
  get depth(): number {
    return this.logins.length - 1;
  }

  login(host: string): void {
    this.logins.push({ host, user: this.userOn(host, this.world) });
  }

  logout(): boolean {
    if (this.logins.length <= 1) return false;
    this.logins.pop();
    return true;
  }

  /** Replaces the world (scenario load/reset); back on the learner's own host. */
  setWorld(world: W, home: { host: string; user: string }): void {
    this.world = world;
    this.home = { ...home };
    this.logins = [this.home];
    this.interaction = null;
    for (const l of [...this.worldListeners]) l(world);
  }

  onWorldChange(listener: (world: W) => void): () => void {
    this.worldListeners.add(listener);
    return () => this.worldListeners.delete(listener);
  }

  // ---- Interpreter ---------------------------------------------------------------------------

  prompt(): string {
    if (this.interaction) return this.interaction.prompt();
    const at = style.green(`${this.user}@${this.host}`);
    return `\x1b[1m${at}\x1b[22m:${style.blue("~")}${this.user === "root" ? "#" : "$"} `;
  }

  submit(line: string): string {
    this.history.add(line);
    if (this.interaction) {
      const out = this.interaction.line(line);
      this.endInteractionIfDone();
      return out;
    }
    const r = this.run(line);
    this.lastExit = r.exitCode;
    const hint = r.exitCode !== 0 ? this.failedLineHint?.(line, this) : null;
    const out = hint ? `${r.output.replace(/\n$/, "")}\n${hint}` : r.output;
    return out === "" || out.endsWith("\n") ? out : out + "\n";
  }

  /** Runs one shell command line (not inside an interactive program). Never throws. */
  run(line: string): CommandResult {
    const parsed = splitWords(line);
    if (!parsed.ok) return { output: `bash: ${parsed.error}`, exitCode: 2 };
    const [name, ...args] = parsed.words;
    if (name === undefined) return { output: "", exitCode: this.lastExit };
    const cmd = this.commands.get(name);
    if (!cmd) {
      // An upper-case word is an SMTP verb typed at the shell (the hint below says so), not a typo.
      const near = /[a-z]/.test(name) ? this.suggest(name) : null;
      return {
        output:
          `${name}: command not found` +
          (near ? `\nDid you mean ${style.bold(near)}?` : "") +
          `\nType ${style.bold("help")} to see the commands this lab knows.`,
        exitCode: 127,
      };
    }
    try {
      return cmd.run(args, this);
    } catch (e) {
      return {
        output: `${name}: internal error: ${e instanceof Error ? e.message : String(e)}`,
        exitCode: 70,
      };
    }
  }

  interrupt(_line: string): string {
    if (!this.interaction) {
      this.lastExit = 130;
      return "";
    }
    const out = this.interaction.interrupt();
    this.interaction = null;
    return out;
  }

  eof(): string {
    if (this.interaction) {
      const out = this.interaction.eof();
      this.endInteractionIfDone();
      return out;
    }
    // In a login shell Ctrl+D logs out; on your own machine we keep the terminal open.
    if (this.logout()) return "logout\nConnection to host closed.\n";
    return "";
  }

  escape(): string {
    if (!this.interaction?.escape) return "";
    const out = this.interaction.escape();
    this.endInteractionIfDone();
    return out;
  }

  complete(before: string): Completion {
    const word = currentWord(before);
    if (this.interaction)
      return completeFrom(word, this.interaction.complete?.(before) ?? [], true);
    const parsed = splitWords(before.slice(0, before.length - word.length));
    const words = parsed.ok ? parsed.words : [];
    if (words.length === 0) return completeFrom(word, [...this.commands.keys()]);
    const cmd = this.commands.get(words[0]!);
    return completeFrom(word, cmd?.complete?.(words.slice(1), this) ?? []);
  }

  historyPrev(current: string): string | undefined {
    return this.history.prev(current);
  }

  historyNext(): string | undefined {
    return this.history.next();
  }

  private endInteractionIfDone(): void {
    if (this.interaction?.done) this.interaction = null;
  }

  /** The closest command name by edit distance (for typos like "telent"). */
  private suggest(name: string): string | null {
    let best: string | null = null;
    let bestD = Infinity;
    for (const c of this.commands.keys()) {
      const d = editDistance(name.toLowerCase(), c);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return bestD <= Math.max(1, Math.floor(name.length / 3)) ? best : null;
  }
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
