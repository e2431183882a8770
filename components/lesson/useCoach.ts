"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Task } from "@/lib/lessons/schema";
import { taskKind } from "@/lib/lessons/taskKind";
import type { CoachMessage } from "./CoachNote";
import type { LabControls } from "./LabSlot";

/**
 * "Show me": asks the coach (lib/lessons/coach, loaded with the lab's chunk) for the line that fits
 * where the learner is, and types it. Tasks that became done since the coach last acted, and that
 * its own lines did not do, were done by hand: the coach says so instead of typing that time.
 */
export function useCoach({
  scenario,
  tasks,
  solution,
  done,
  controls,
  wantLab,
}: {
  /** The lesson's scenario: the coach plans only in that world. */
  scenario: string;
  tasks: readonly Task[];
  solution: readonly string[];
  done: Readonly<Record<string, boolean>>;
  controls: LabControls | null;
  /** Asks for the lab to load (show me pressed before it was on screen). */
  wantLab: () => void;
}): { message: CoachMessage | null; showNext: () => void; reset: () => void } {
  const [message, setMessage] = useState<CoachMessage | null>(null);
  const busy = useRef(false);
  /** Presses not answered yet: each is answered in turn, planned from the world as it is then. */
  const queued = useRef(0);
  /** Presses answered so far, stamped on each message (the note shows it as data-presses). */
  const presses = useRef(0);
  const [pending, setPending] = useState(false);
  /** Task ids the coach has accounted for (done by its lines, or already reported). */
  const acknowledged = useRef(new Set<string>());
  const latest = useRef({ scenario, tasks, solution, done, controls });
  useEffect(() => {
    latest.current = { scenario, tasks, solution, done, controls };
  });

  const run = useCallback(async () => {
    const advise = async (): Promise<void> => {
      const [{ adviseNext }, { evaluateTasks }] = await Promise.all([
        import("@/lib/lessons/coach"),
        import("@/lib/lessons/checks"),
      ]);
      const { scenario, tasks, solution, done: shown, controls } = latest.current;
      const session = controls?.session();
      if (!controls || !session) return;
      const say = (m: CoachMessage) => setMessage({ ...m, n: ++presses.current });
      if (session.world.scenario.id !== scenario) {
        const line = `scenario load ${scenario}`;
        controls.typeLine(line);
        return say({
          kind: "typed",
          line,
          task: "this lesson",
          why: "the lab was running another scenario",
        });
      }
      // Checked now rather than from the last render, so a quick second press sees the first.
      const live = evaluateTasks(tasks, session.world);
      const done: Record<string, boolean> = {};
      for (const t of tasks)
        done[t.id] = Boolean(live[t.id] || (taskKind(t.check) === "achievement" && shown[t.id]));
      const doneIds = tasks.filter((t) => done[t.id]).map((t) => t.id);
      const byHand = tasks.filter((t) => done[t.id] && !acknowledged.current.has(t.id));
      acknowledged.current = new Set(doneIds);
      const advice = adviseNext(tasks, solution, session, done);
      if (advice.kind === "done") {
        return say({ kind: "done", byHand: byHand.length === tasks.length });
      }
      if (byHand.length > 0) {
        return say({ kind: "byHand", tasks: byHand.map((t) => t.title), next: advice.line });
      }
      controls.typeLine(advice.line);
      // What the coach's own line completed is not "by hand".
      const after = evaluateTasks(tasks, session.world);
      for (const t of tasks) if (after[t.id]) acknowledged.current.add(t.id);
      say({ kind: "typed", line: advice.line, task: advice.task.title, why: advice.why });
    };

    // One press at a time, each planned after the line before it has run, so two quick presses
    // type two steps (never one line twice), however slow the machine or the lab's loading is.
    if (busy.current) return;
    busy.current = true;
    try {
      while (queued.current > 0) {
        queued.current--;
        await advise();
      }
    } catch (e) {
      queued.current = 0; // the coach's code failed to load: later presses start afresh
      throw e;
    } finally {
      busy.current = false;
    }
  }, []);

  const showNext = useCallback(() => {
    queued.current++;
    if (!latest.current.controls?.session()) {
      wantLab();
      setPending(true);
      setMessage({ kind: "loading" });
      return;
    }
    void run();
  }, [run, wantLab]);

  // Pressed before the lab had loaded: act as soon as its terminal is ready.
  useEffect(() => {
    if (!pending || !controls) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      if (!controls.session()) {
        timer = setTimeout(tick, 100);
        return;
      }
      setPending(false);
      void run();
    };
    tick();
    return () => clearTimeout(timer);
  }, [pending, controls, run]);

  const reset = useCallback(() => {
    queued.current = 0;
    acknowledged.current = new Set();
    setMessage(null);
  }, []);

  return { message, showNext, reset };
}
