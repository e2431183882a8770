"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { EngineEvent } from "@/lib/smtp";
import {
  EMPTY_DIAGRAM,
  describeEvent,
  eventDuration,
  reduceDiagram,
  type DiagramState,
} from "@/lib/shell/diagram";
import type { LabStore } from "./labStore";

export interface LogEntry {
  key: number;
  text: string;
}

export interface PlaybackView {
  diagram: DiagramState;
  /** The newest entries of what happened, oldest first. */
  log: readonly LogEntry[];
  /** How many entries happened in all (the log keeps the newest LOG_LIMIT). */
  total: number;
  backlog: number;
  /** Whether there is a shown event to step back over. */
  canStepBack: boolean;
  paused: boolean;
  speed: number;
  reducedMotion: boolean;
  /** Duration of the current travel animation (ms), 0 when instant. */
  travelMs: number;
}

export const SPEEDS = [0.5, 1, 2, 4] as const;
const LOG_LIMIT = 120;
/** With more events than this waiting, play catches up without pausing on each one. */
const CATCH_UP = 60;
/** Time budget per slice of work, so the main thread stays responsive. */
const SLICE_MS = 6;

/**
 * Plays the world's events onto the diagram at a watchable pace: each event holds the stage for
 * its duration (divided by the speed); pause, step and skip; instant under reduced motion. A big
 * burst (500 queued messages) is caught up in small time slices instead of one long task.
 */
export class Player {
  private queue: EngineEvent[] = [];
  private head = 0;
  private diagram: DiagramState = EMPTY_DIAGRAM;
  /** The diagram before queue[0] (the queue drops played events now and then). */
  private base: DiagramState = EMPTY_DIAGRAM;
  private log: LogEntry[] = [];
  private total = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private frame: number | null = null;
  private travelMs = 0;
  paused = false;
  speed = 1;
  reducedMotion = false;
  private view: PlaybackView;
  private listeners = new Set<() => void>();

  constructor() {
    this.view = this.snapshot();
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getView = () => this.view;

  push(e: EngineEvent): void {
    this.queue.push(e);
    this.kick();
  }

  reset(): void {
    this.stopTimer();
    this.queue = [];
    this.head = 0;
    this.diagram = EMPTY_DIAGRAM;
    this.base = EMPTY_DIAGRAM;
    this.log = [];
    this.total = 0;
    this.travelMs = 0;
    this.publish();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) this.stopTimer();
    else this.kick();
    this.publish();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.publish();
  }

  setReducedMotion(on: boolean): void {
    this.reducedMotion = on;
    this.publish();
  }

  /** Applies events up to and including the next one that shows something. */
  step(): void {
    while (this.head < this.queue.length) {
      const e = this.queue[this.head++]!;
      this.apply(e);
      if (eventDuration(e) > 0) break;
    }
    this.travelMs = 0;
    this.publish();
  }

  /**
   * Goes back to just after the shown event before the last one (as Step would have left it),
   * pausing playback so the learner can look; Step and Play go forward again from there.
   */
  stepBack(): void {
    const shown = (i: number) => eventDuration(this.queue[i]!) > 0;
    let last = this.head - 1;
    while (last >= 0 && !shown(last)) last--;
    if (last < 0) return;
    let prev = last - 1;
    while (prev >= 0 && !shown(prev)) prev--;
    const head = prev + 1;
    this.paused = true;
    this.stopTimer();
    let d = this.base;
    for (let i = 0; i < head; i++) d = reduceDiagram(d, this.queue[i]!);
    this.diagram = d;
    const firstUndone = this.queue[head]!.seq;
    const kept = this.log.filter((l) => l.key < firstUndone);
    this.total -= this.log.length - kept.length;
    this.log = kept;
    this.head = head;
    this.travelMs = 0;
    this.publish();
  }

  skip(): void {
    while (this.head < this.queue.length) this.apply(this.queue[this.head++]!);
    this.travelMs = 0;
    this.publish();
  }

  /** Stops pending work (the lab unmounts); subscribers stay, so a remount picks up. */
  pauseTimers(): void {
    this.stopTimer();
  }

  dispose(): void {
    this.stopTimer();
    this.listeners.clear();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.timer = null;
    this.frame = null;
  }

  /** Work with nothing to wait for runs once per frame: one slice, one render. */
  private schedule(wait: number): void {
    if (wait > 0) this.timer = setTimeout(this.tick, wait);
    else this.frame = requestAnimationFrame(this.tick);
  }

  private kick(): void {
    if (this.timer === null && this.frame === null && !this.paused) this.schedule(0);
  }

  private apply(e: EngineEvent): void {
    this.diagram = reduceDiagram(this.diagram, e);
    const text = describeEvent(e);
    if (text) {
      this.total++;
      this.log.push({ key: e.seq, text });
      if (this.log.length > LOG_LIMIT * 2) this.log.splice(0, this.log.length - LOG_LIMIT);
    }
  }

  private tick = (): void => {
    this.timer = null;
    this.frame = null;
    if (this.paused) return;
    const started = performance.now();
    let wait = 0;
    let travel = 0;
    while (this.head < this.queue.length) {
      const e = this.queue[this.head++]!;
      this.apply(e);
      const backlog = this.queue.length - this.head;
      const d = this.reducedMotion ? 0 : eventDuration(e) / this.speed;
      if (e.type === "hop") travel = d;
      if (backlog > CATCH_UP || d === 0) {
        // Catching up (or nothing to watch): no pause, but yield the thread every few ms.
        if (performance.now() - started > SLICE_MS) break;
        continue;
      }
      wait = d;
      break;
    }
    if (this.head > 5000) {
      this.base = this.diagram;
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.travelMs = travel;
    this.publish();
    if (this.head < this.queue.length) this.schedule(wait);
  };

  private hasShownBefore(head: number): boolean {
    for (let i = head - 1; i >= 0; i--) if (eventDuration(this.queue[i]!) > 0) return true;
    return false;
  }

  private snapshot(): PlaybackView {
    return {
      diagram: this.diagram,
      log: this.log.length > LOG_LIMIT ? this.log.slice(-LOG_LIMIT) : this.log.slice(),
      total: this.total,
      backlog: this.queue.length - this.head,
      canStepBack: this.hasShownBefore(this.head),
      paused: this.paused,
      speed: this.speed,
      reducedMotion: this.reducedMotion,
      travelMs: this.travelMs,
    };
  }

  private publish(): void {
    this.view = this.snapshot();
    for (const l of [...this.listeners]) l();
  }
}

/** A Player fed by the lab store's events, reset when the world changes (one per lab). */
export function usePlayer(store: LabStore): Player {
  const [player] = useState(() => new Player());
  useEffect(() => {
    const media = window.matchMedia("(prefers-reduced-motion: reduce)");
    const sync = () => player.setReducedMotion(media.matches);
    sync();
    media.addEventListener("change", sync);
    const offEvent = store.onEvent((e) => player.push(e));
    const offWorld = store.onWorld(() => player.reset());
    return () => {
      offEvent();
      offWorld();
      media.removeEventListener("change", sync);
      player.pauseTimers();
    };
  }, [store, player]);
  return player;
}

/** The player's view; re-renders only the component that calls it. */
export function usePlayerView(player: Player): PlaybackView {
  return useSyncExternalStore(player.subscribe, player.getView, player.getView);
}
