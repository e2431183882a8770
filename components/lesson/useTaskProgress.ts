"use client";

import { useEffect } from "react";
import type { Task } from "@/lib/lessons/schema";
import { taskKind } from "@/lib/lessons/taskKind";
import { nowIso } from "./clock";
import { completeTask, useHydrated, useSavedLessons } from "./courseProgress";

/**
 * Merges what the lab reports as satisfied right now (`live`) with saved progress, and saves newly
 * completed tasks through lib/progress once saved progress has loaded (so it is merged, not
 * overwritten). Returns which tasks are done: an achievement once it happened (saved), a state
 * task (the relay is closed) only while the lab's world says so now.
 */
export function useTaskProgress(
  lesson: string,
  tasks: readonly Task[],
  live: Readonly<Record<string, boolean>>,
): Record<string, boolean> {
  const hydrated = useHydrated();
  const saved = useSavedLessons()[lesson]?.tasksDone;

  useEffect(() => {
    if (!hydrated) return;
    const ids = tasks.map((t) => t.id);
    for (const t of tasks) {
      if (live[t.id] && !saved?.includes(t.id)) void completeTask(lesson, t.id, ids, nowIso());
    }
  }, [hydrated, live, saved, tasks, lesson]);

  const done: Record<string, boolean> = {};
  for (const t of tasks)
    done[t.id] =
      taskKind(t.check) === "state"
        ? Boolean(live[t.id])
        : Boolean(live[t.id] || (hydrated && saved?.includes(t.id)));
  return done;
}
