"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Task } from "@/lib/lessons/schema";
import type { CoachMessage } from "./CoachNote";
import type { LabControls } from "./LabSlot";

/**
 * "Show me": asks the coach (lib/lessons/coach, loaded with the lab's chunk) for the line that fits
 * where the learner is, and types it. Tasks that became done since the coach last acted, and that
 * its own lines did not do, were done by hand: the coach says so instead of typing that time.
 */
export function useCoach({
  tasks,
  solution,
  done,
  controls,
  wantLab,
}: {
  tasks: readonly Task[];
  solution: readonly string[];
  done: Readonly<Record<string, boolean>>;
  controls: LabControls | null;
  /** Asks for the lab to load (show me pressed before it was on screen). */
  wantLab: () => void;
}): { message: CoachMessage | null; showNext: () => void; reset: () => void } {
  const [message, setMessage] = useState<CoachMessage | null>(null);
  const [pending, setPending] = useState(false);
  /** Task ids the coach has accounted for (done by its lines, or already reported). */
  const acknowledged = useRef(new Set<string>());
  const latest = useRef({ tasks, solution, done, controls });
  useEffect(() => {
    latest.current = { tasks, solution, done, controls };
  });

  const run = useCallback(async () => {
    const { tasks, solution, done, controls } = latest.current;
    const session = controls?.session();
    if (!controls || !session) return;
    const [{ adviseNext }, { evaluateTasks }] = await Promise.all([
      import("@/lib/lessons/coach"),
      import("@/lib/lessons/checks"),
    ]);
    const doneIds = tasks.filter((t) => done[t.id]).map((t) => t.id);
    const byHand = tasks.filter((t) => done[t.id] && !acknowledged.current.has(t.id));
    acknowledged.current = new Set(doneIds);
    const advice = adviseNext(tasks, solution, session, done);
    if (advice.kind === "done") {
      setMessage({ kind: "done", byHand: byHand.length === tasks.length });
      return;
    }
    if (byHand.length > 0) {
      setMessage({ kind: "byHand", tasks: byHand.map((t) => t.title), next: advice.line });
      return;
    }
    controls.typeLine(advice.line);
    // What the coach's own line completed is not "by hand".
    const after = evaluateTasks(tasks, session.world);
    for (const t of tasks) if (after[t.id]) acknowledged.current.add(t.id);
    setMessage({ kind: "typed", line: advice.line, task: advice.task.title, why: advice.why });
  }, []);

  const showNext = useCallback(() => {
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
    acknowledged.current = new Set();
    setMessage(null);
  }, []);

  return { message, showNext, reset };
}
