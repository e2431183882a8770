"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { CourseProgress } from "@/lib/progress/course-store";
import { COURSE_KEY } from "@/lib/progress/keys";
import { yieldToMain } from "@/components/ui/yieldToMain";

/**
 * The course progress store, loaded on demand: pages that show progress (home, /lessons, a lesson)
 * do not carry the stores, their zod schemas or the persistence code in first-load JS. Until they
 * have loaded, and until saved progress has been read, components see no progress (as on the
 * server). On a first visit nothing is saved, so nothing loads until the learner completes a task
 * (here or in another tab).
 */
type Store = (typeof import("@/lib/progress/course-store"))["useCourseProgress"];
type Hydration = typeof import("@/lib/progress/hydration");

let store: Store | null = null;
let loading: Promise<Store> | null = null;
let hydration: Hydration | null = null;
let loadingHydration: Promise<Hydration> | null = null;
/** Mounted components waiting for the store, told when it has loaded (see useSavedLessons). */
const waiting = new Set<(s: Store) => void>();

export function loadCourseStore(): Promise<Store> {
  // In a task of its own, out of hydration's effects (see ProgressHydrator).
  loading ??= yieldToMain()
    .then(() => import("@/lib/progress/course-store"))
    .then((m) => {
      store = m.useCourseProgress;
      waiting.forEach((w) => w(m.useCourseProgress));
      waiting.clear();
      return m.useCourseProgress;
    });
  return loading;
}

/**
 * Whether this browser holds saved lesson progress (valid or not: the store sets a bad value aside
 * and reports a newer one). Unreadable storage holds nothing this tab could show.
 */
function progressSaved(): boolean {
  try {
    return window.localStorage.getItem(COURSE_KEY) !== null;
  } catch {
    return false;
  }
}

function loadHydration(): Promise<Hydration> {
  loadingHydration ??= yieldToMain()
    .then(() => import("@/lib/progress/hydration"))
    .then((m) => (hydration = m));
  return loadingHydration;
}

const NONE: CourseProgress["lessons"] = {};
const noop = () => () => undefined;
const no = () => false;

/** False on the server and until saved progress has loaded (see lib/progress/hydration). */
export function useHydrated(): boolean {
  const [h, setH] = useState<Hydration | null>(() => hydration);
  useEffect(() => {
    if (!h) void loadHydration().then(setH);
  }, [h]);
  return useSyncExternalStore(h ? h.subscribeHydrated : noop, h ? h.isHydrated : no, no);
}

/** Saved lesson progress once loaded; `{}` before that (server render, first client render). */
export function useSavedLessons(): CourseProgress["lessons"] {
  const hydrated = useHydrated();
  // The store is itself a function (a zustand hook), so wrap it for useState.
  const [s, setS] = useState<Store | null>(() => store);
  useEffect(() => {
    if (s) return;
    const take = (loaded: Store) => setS(() => loaded);
    // Loaded between this component's first render and now.
    if (store) return take(store);
    waiting.add(take);
    // With nothing saved, the store's 80 kB of schema and persistence code would only confirm it.
    // It loads once there is something: a task completed on this page (completeTask loads it), or
    // progress saved in another tab.
    if (progressSaved()) void loadCourseStore();
    const onStorage = (e: StorageEvent) => {
      if (e.key === COURSE_KEY && e.newValue !== null) void loadCourseStore();
    };
    window.addEventListener("storage", onStorage);
    return () => {
      waiting.delete(take);
      window.removeEventListener("storage", onStorage);
    };
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
