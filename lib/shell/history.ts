/**
 * Command history with up/down navigation, like bash's: blank lines and immediate repeats are not
 * stored, and the line being typed is kept as a draft while browsing. Storage is a port so the
 * browser can keep it in localStorage and tests can keep it in memory.
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
  /** entries.length means "not browsing": the draft line. */
  private index: number;
  private draft = "";

  constructor(
    private readonly store: HistoryStore = memoryHistoryStore(),
    private readonly limit = 500,
  ) {
    let loaded: readonly string[] = [];
    try {
      const raw = store.load();
      loaded = Array.isArray(raw) ? raw.filter((e): e is string => typeof e === "string") : [];
    } catch {
      loaded = [];
    }
    this.entries = loaded.slice(-limit);
    this.index = this.entries.length;
  }

  list(): readonly string[] {
    return this.entries;
  }

  add(line: string): void {
    this.index = this.entries.length;
    this.draft = "";
    if (line.trim() === "" || this.entries[this.entries.length - 1] === line) return;
    this.entries.push(line);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.index = this.entries.length;
    try {
      this.store.save(this.entries);
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
    this.index = 0;
    this.draft = "";
    try {
      this.store.save([]);
    } catch {
      // ignore
    }
  }
}
