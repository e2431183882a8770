"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { CourseProgress } from "@/lib/progress/course-store";
import { useHydrated } from "@/lib/progress/hydration";

/**
 * The course progress store, loaded on demand: pages that show progress (home, /lessons, a lesson)
 * do not carry the stores and their zod schemas in first-load JS. Until it has loaded, and until
 * saved progress has been read, components see no progress (as on the server).
 */
type Store = (typeof import("@/lib/progress/course-store"))["useCourseProgress"];

let store: Store | null = null;
let loading: Promise<Store> | null = null;

export function loadCourseStore(): Promise<Store> {
  loading ??= import("@/lib/progress/course-store").then((m) => (store = m.useCourseProgress));
  return loading;
}

const NONE: CourseProgress["lessons"] = {};
const noop = () => () => undefined;

/** Saved lesson progress once loaded; `{}` before that (server render, first client render). */
export function useSavedLessons(): CourseProgress["lessons"] {
  const hydrated = useHydrated();
  // The store is itself a function (a zustand hook), so wrap it for useState.
  const [s, setS] = useState<Store | null>(() => store);
  useEffect(() => {
    if (!s) void loadCourseStore().then((loaded) => setS(() => loaded));
  }, [s]);
  const lessons = useSyncExternalStore(
    s ? s.subscribe : noop,
    () => (s ? s.getState().lessons : NONE),
    () => NONE,
  );
  return hydrated ? lessons : NONE;
}

/** Marks a task done (see course-store `completeTask`). */
export async function completeTask(
  lesson: string,
  task: string,
  allTaskIds: readonly string[],
  atIso: string,
): Promise<void> {
  (await loadCourseStore()).getState().completeTask(lesson, task, allTaskIds, atIso);
}

export async function resetLesson(lesson: string): Promise<void> {
  (await loadCourseStore()).getState().resetLesson(lesson);
}

export { useHydrated };
