"use client";

import { useHydrated, useSavedLessons } from "./courseProgress";

/** What a progress island needs of a lesson: the rest of its summary stays server-rendered. */
export interface LessonTasks {
  slug: string;
  taskIds: readonly string[];
}

/** Counts a lesson's completed tasks from saved progress (0 until progress has loaded). */
function useDoneCounter(): (lesson: LessonTasks) => number {
  const lessons = useSavedLessons();
  return (l) => lessons[l.slug]?.tasksDone.filter((t) => l.taskIds.includes(t)).length ?? 0;
}

/** "n of m lessons complete" with a bar; before progress loads it says nothing it cannot know. */
export function CourseProgressBar({ lessons }: { lessons: readonly LessonTasks[] }) {
  const hydrated = useHydrated();
  const done = useDoneCounter();
  const complete = lessons.filter((l) => done(l) === l.taskIds.length).length;
  const pct = Math.round((complete / Math.max(1, lessons.length)) * 100);
  return (
    <div className="w-full max-w-xl">
      <div className="flex items-baseline justify-between text-sm font-medium">
        <span id="course-progress-label">Course progress</span>
        <span className="text-fg-muted" aria-hidden="true">
          {hydrated ? `${complete} of ${lessons.length} lessons` : "\u00a0"}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="course-progress-label"
        aria-valuemin={0}
        aria-valuemax={lessons.length}
        aria-valuenow={complete}
        aria-valuetext={`${complete} of ${lessons.length} lessons complete`}
        className="mt-2 h-3 overflow-hidden rounded-full border border-border bg-bg-soft"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width]"
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}

/** One lesson card's status ("Not started", "n of m tasks done", "✓ Complete"). */
export function LessonStatus({ lesson }: { lesson: LessonTasks }) {
  const n = useDoneCounter()(lesson);
  const total = lesson.taskIds.length;
  const status = n === total ? "Complete" : n > 0 ? `${n} of ${total} tasks done` : "Not started";
  return (
    <span className={n === total ? "font-semibold text-ok" : undefined}>
      {n === total ? "✓ " : ""}
      {status}
    </span>
  );
}
