"use client";

import { createWorld, type EngineEvent, type World } from "@/lib/smtp";
import { banner, createLabSession, type LabSession } from "@/lib/shell/lab";
import { loadScenario } from "@/lib/shell/commands/scenario";
import type { HistoryStore } from "@/lib/shell/history";
import { LAB_EVENT_LIMIT } from "@/lib/shell/world";
import { Shell, type Interpreter } from "@/lib/shell/shell";
import type { TerminalHandle } from "./Terminal";

const HISTORY_KEY = "relay-lab:history";

/**
 * Shell history kept per browser; storage failures leave an in-memory history. The session
 * saves shell command lines only and cleans what older versions stored (see lib/shell/history).
 */
export const browserHistory: HistoryStore = {
  load() {
    try {
      const raw = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]") as unknown;
      return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];
    } catch {
      return [];
    }
  },
  save(entries) {
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(entries));
    } catch {
      // full or unavailable: keep going
    }
  },
};

function makeWorld(id: string): { world: World; error: string | null } {
  const options = { eventLimit: LAB_EVENT_LIMIT };
  const w = createWorld(id, options);
  if (w.ok) return { world: w, error: null };
  return { world: createWorld("isp-relay", options), error: w.error };
}

/**
 * One lab's state outside React: the shell session (and through it the world), the terminal
 * driver once xterm has loaded, and change notifications batched to one per animation frame.
 */
export class LabStore {
  readonly session: LabSession;
  readonly error: string | null;
  shell: Shell | null = null;
  private version = 0;
  private listeners = new Set<() => void>();
  private eventListeners = new Set<(e: EngineEvent, world: World) => void>();
  private worldListeners = new Set<(world: World) => void>();
  private lineListeners = new Set<(line: string) => void>();
  private shellListeners = new Set<(shell: Shell) => void>();
  private unsubscribeWorld: (() => void) | null = null;
  private scheduled = false;

  constructor(scenario: string) {
    const { world, error } = makeWorld(scenario);
    this.error = error;
    const history = typeof window === "undefined" ? undefined : browserHistory;
    this.session = createLabSession(world, history);
    this.attach(world);
    this.session.onWorldChange((w) => {
      this.attach(w);
      for (const l of [...this.worldListeners]) l(w);
      this.bump();
    });
  }

  get world(): World {
    return this.session.world;
  }

  /** Switches scenario from outside the terminal (the picker); prints a note in the terminal. */
  load(id: string): void {
    if (id === this.world.scenario.id) return;
    const r = loadScenario(this.session, id);
    this.shell?.notify(r.output + "\n");
  }

  /** The "Explain replies" switch (the same setting as `explain on|off`). */
  setExplain(on: boolean): void {
    this.session.explain = on;
    this.bump();
  }

  /** Connects the shell to the terminal (which opens xterm itself when it is needed). */
  attachTerminal(t: TerminalHandle): void {
    this.shell?.stop();
    const session = this.session;
    // The shell talks to the session through this wrapper so that the page re-renders after each
    // command (ssh moves "you", telnet changes the touch buttons) but not after each keystroke.
    const after = <T>(value: T): T => {
      this.bump();
      return value;
    };
    const interpreter: Interpreter = {
      prompt: () => session.prompt(),
      submit: (line) => {
        const out = after(session.submit(line));
        for (const l of [...this.lineListeners]) l(line);
        return out;
      },
      interrupt: (line) => after(session.interrupt(line)),
      eof: () => after(session.eof()),
      escape: () => after(session.escape()),
      complete: (before) => session.complete(before),
      historyPrev: (current) => session.historyPrev(current),
      historyNext: () => session.historyNext(),
    };
    const shell = new Shell(t.port, interpreter, t.cols);
    this.shell = shell;
    const note = this.error ? `${this.error}\nLoaded isp-relay instead.\n\n` : "";
    shell.start(note + banner(this.world));
    t.booted();
    t.onResize((cols) => shell.resize(cols));
    for (const l of [...this.shellListeners]) l(shell);
  }

  /** Lines submitted at the terminal (typed, pasted or from the touch input), after they ran. */
  onLine(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  /** Calls back once the terminal's shell runs (at once if it already does). */
  onShell(listener: (shell: Shell) => void): () => void {
    if (this.shell) listener(this.shell);
    this.shellListeners.add(listener);
    return () => this.shellListeners.delete(listener);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): number => this.version;

  /** Re-render after a change the world does not log as an event (a host the bridge added). */
  changed(): void {
    this.bump();
  }

  onEvent(listener: (e: EngineEvent, world: World) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onWorld(listener: (world: World) => void): () => void {
    this.worldListeners.add(listener);
    return () => this.worldListeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribeWorld?.();
    this.shell?.stop();
    this.listeners.clear();
    this.eventListeners.clear();
    this.worldListeners.clear();
    this.lineListeners.clear();
    this.shellListeners.clear();
  }

  private attach(world: World): void {
    this.unsubscribeWorld?.();
    this.unsubscribeWorld = world.subscribe((e) => {
      for (const l of [...this.eventListeners]) l(e, world);
      this.bump();
    });
  }

  private bump(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.version++;
      for (const l of [...this.listeners]) l();
    };
    if (typeof requestAnimationFrame === "function" && !document.hidden) requestAnimationFrame(run);
    else setTimeout(run, 0);
  }
}
