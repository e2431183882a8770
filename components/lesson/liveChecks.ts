"use client";

import { useEffect, useMemo } from "react";
import { evaluateTasks, relevantEventTypes } from "@/lib/lessons/checks";
import type { Task } from "@/lib/lessons/schema";
import type { World } from "@/lib/smtp";

/**
 * Re-checks the tasks whenever the world logs an event that could change an answer, and reports
 * the results plus the title of a task that has just become satisfied. Lives in the lazily loaded
 * lab chunk, with the engine it reads.
 */
export function useLiveChecks(
  tasks: readonly Task[],
  world: World | null,
  report: (done: Record<string, boolean>, justDone: string | null) => void,
): void {
  const watched = useMemo(
    () => new Set<string>(tasks.flatMap((t) => relevantEventTypes(t.check))),
    [tasks],
  );
  useEffect(() => {
    if (!world) {
      report({}, null);
      return;
    }
    let prev: Record<string, boolean> | null = null;
    const check = () => {
      const next = evaluateTasks(tasks, world);
      const fresh = prev ? tasks.find((t) => next[t.id] && !prev?.[t.id]) : undefined;
      prev = next;
      report(next, fresh?.title ?? null);
    };
    check();
    return world.subscribe((e) => {
      if (watched.has(e.type)) check();
    });
  }, [world, tasks, watched, report]);
}
