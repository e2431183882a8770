"use client";

import { useEffect, useRef } from "react";
import { useLabStore } from "@/components/lab/LabContext";
import { runDemoStep } from "@/lib/shell/lab";
import type { Shell } from "@/lib/shell/shell";
import type { DemoStep } from "@/content/scenarios/schema";

export interface DemoDriverProps {
  steps: readonly DemoStep[];
  /** Steps that should have run. Only grows while this driver lives (going back remounts the lab). */
  step: number;
  /** Lines typed after the step, replayed once when this lab opens (from a link or a rebuild). */
  replayTyped: readonly string[];
  /** A line the presenter typed at the terminal (not one the driver typed). */
  onTyped: (line: string) => void;
  /** Reports how many steps have run once the terminal is up to date. */
  onSettled: (applied: number) => void;
}

/**
 * Drives one <Lab> (rendered inside it): once the terminal's shell runs, types the demo steps
 * through it, so the terminal, world, diagram, transcript and mailboxes read exactly as if the
 * presenter had typed them. Then it follows `step` forward and reports the presenter's own lines.
 */
export function DemoDriver({ steps, step, replayTyped, onTyped, onSettled }: DemoDriverProps) {
  const store = useLabStore();
  const latest = useRef({ steps, step, replayTyped, onTyped, onSettled });
  const shell = useRef<Shell | null>(null);
  /** Steps run so far; null until the first replay. */
  const applied = useRef<number | null>(null);
  const replaying = useRef(false);

  useEffect(() => {
    latest.current = { steps, step, replayTyped, onTyped, onSettled };
  });

  /** Runs the steps still missing; set once the lab's store is known. */
  const catchUp = useRef<(() => void) | null>(null);

  useEffect(() => {
    // Lines the driver types go through the terminal like the presenter's, but are not theirs.
    const quietly = (run: () => void) => {
      replaying.current = true;
      try {
        run();
      } finally {
        replaying.current = false;
      }
    };
    const runMissing = (sh: Shell, done: number) => {
      const { steps: all, step: want } = latest.current;
      let n = done;
      for (; n < Math.min(want, all.length); n++)
        runDemoStep(store.session, all[n]!, (line) => {
          sh.runLine(line);
          return "";
        });
      applied.current = n;
    };
    catchUp.current = () => {
      const sh = shell.current;
      const done = applied.current;
      if (!sh || done === null) return;
      quietly(() => runMissing(sh, done));
      latest.current.onSettled(applied.current ?? 0);
    };
    const offLine = store.onLine((line) => {
      if (!replaying.current) latest.current.onTyped(line);
    });
    const offShell = store.onShell((sh) => {
      shell.current = sh;
      if (applied.current !== null) return; // Strict Mode subscribed again: already replayed
      quietly(() => {
        runMissing(sh, 0);
        for (const line of latest.current.replayTyped) sh.runLine(line);
      });
      latest.current.onSettled(applied.current ?? 0);
    });
    return () => {
      offLine();
      offShell();
    };
  }, [store]);

  useEffect(() => {
    catchUp.current?.();
  }, [step]);

  return null;
}
