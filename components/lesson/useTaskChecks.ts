"use client";

import { useEffect, useMemo, useState } from "react";
import { evaluateTasks, relevantEventTypes, type CheckWorld } from "@/lib/lessons/checks";
import type { Task } from "@/lib/lessons/schema";
import { useCourseProgress, useHydrated } from "@/lib/progress";
import { nowIso } from "./clock";

type SubscribableWorld = CheckWorld & {
  subscribe(listener: (e: { type: string }) => void): () => void;
};

/**
 * Live task state for a lesson: re-checks the tasks whenever the world logs an event that could
 * change an answer, saves newly completed tasks through lib/progress, and returns which tasks are
 * done (saved earlier, or satisfied now).
 */
export function useTaskChecks(
  lesson: string,
  tasks: readonly Task[],
  world: SubscribableWorld | null,
): { done: Record<string, boolean>; justDone: string | null } {
  const hydrated = useHydrated();
  const saved = useCourseProgress((s) => s.lessons[lesson]?.tasksDone);
  const completeTask = useCourseProgress((s) => s.completeTask);
  const [live, setLive] = useState<Record<string, boolean>>({});
  const [justDone, setJustDone] = useState<string | null>(null);
  const watched = useMemo(
    () => new Set(tasks.flatMap((t) => relevantEventTypes(t.check))),
    [tasks],
  );

  useEffect(() => {
    if (!world) return;
    let prev: Record<string, boolean> | null = null;
    const check = () => {
      const next = evaluateTasks(tasks, world);
      const fresh = prev ? tasks.find((t) => next[t.id] && !prev?.[t.id]) : undefined;
      prev = next;
      setLive(next);
      if (fresh) setJustDone(fresh.title);
    };
    check();
    return world.subscribe((e) => {
      if (watched.has(e.type as never)) check();
    });
  }, [world, tasks, watched]);

  // Save what the world shows, once saved progress has loaded (so it is merged, not overwritten).
  useEffect(() => {
    if (!hydrated) return;
    const ids = tasks.map((t) => t.id);
    for (const t of tasks) {
      if (live[t.id] && !saved?.includes(t.id)) completeTask(lesson, t.id, ids, nowIso());
    }
  }, [hydrated, live, saved, tasks, lesson, completeTask]);

  const done: Record<string, boolean> = {};
  for (const t of tasks) done[t.id] = Boolean(live[t.id] || (hydrated && saved?.includes(t.id)));
  return { done, justDone };
}
