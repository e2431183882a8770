import { stripControls } from "./controls";

/**
 * Command history with up/down navigation, like bash's: blank lines and immediate repeats are not
 * stored, and the line being typed is kept as a draft while browsing. Storage is a port so the
 * browser can keep it in localStorage and tests can keep it in memory.
 *
 * Only shell command lines are stored: lines typed inside a program (an SMTP session in telnet,
 * with its AUTH tokens and passwords) stay in memory for the arrow keys and are never saved,
 * as bash never sees what you type inside telnet.
 */
export interface HistoryStore {
  load(): readonly string[];
  save(entries: readonly string[]): void;
}

export const memoryHistoryStore = (initial: readonly string[] = []): HistoryStore => {
  let saved = [...initial];
  return {
    load: () => saved,
    save: (entries) => {
      saved = [...entries];
    },
  };
};

export class History {
  private entries: string[];
  /** Parallel to entries: whether each one may be saved (a shell command line). */
  private saved: boolean[];
  /** entries.length means "not browsing": the draft line. */
  private index: number;
  private draft = "";

  /**
   * `isCommandLine` cleans what was stored before (older versions saved every line, SMTP
   * credentials included): entries it rejects are dropped and the store is rewritten.
   */
  constructor(
    private readonly store: HistoryStore = memoryHistoryStore(),
    private readonly limit = 500,
    private readonly isCommandLine: (line: string) => boolean = () => true,
  ) {
    let raw: unknown = [];
    try {
      raw = store.load();
    } catch {
      raw = [];
    }
    const strings = Array.isArray(raw)
      ? (raw as unknown[]).filter((e): e is string => typeof e === "string")
      : [];
    const clean = strings.filter((e) => e === stripControls(e) && isCommandLine(e));
    this.entries = clean.slice(-limit);
    this.saved = this.entries.map(() => true);
    this.index = this.entries.length;
    if (clean.length !== strings.length) this.persist();
  }

  list(): readonly string[] {
    return this.entries;
  }

  /**
   * `save` false: keep the line for the arrow keys only (a line typed inside a program). A line
   * that is not a command (a mistyped "AUTH PLAIN ..." at the prompt) is not saved either.
   */
  add(line: string, save = true): void {
    save = save && line === stripControls(line) && this.isCommandLine(line);
    this.index = this.entries.length;
    this.draft = "";
    if (line.trim() === "" || this.entries[this.entries.length - 1] === line) return;
    this.entries.push(line);
    this.saved.push(save);
    if (this.entries.length > this.limit) {
      const extra = this.entries.length - this.limit;
      this.entries.splice(0, extra);
      this.saved.splice(0, extra);
    }
    this.index = this.entries.length;
    if (save) this.persist();
  }

  private persist(): void {
    try {
      this.store.save(this.entries.filter((_e, i) => this.saved[i]));
    } catch {
      // A full or unavailable store must not break the terminal.
    }
  }

  /** The previous entry, or undefined at the oldest. `current` is kept as the draft. */
  prev(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    this.index--;
    return this.entries[this.index];
  }

  /** The next entry, the draft after the newest, or undefined when not browsing. */
  next(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }

  clear(): void {
    this.entries = [];
    this.saved = [];
    this.index = 0;
    this.draft = "";
    try {
      this.store.save([]);
    } catch {
      // ignore
    }
  }
}
