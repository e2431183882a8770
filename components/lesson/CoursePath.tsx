"use client";

import Link from "next/link";
import { useHydrated, useSavedLessons } from "./courseProgress";
import type { LessonSummary } from "@/lib/lessons/schema";

type Done = (lesson: LessonSummary) => number;

/** Counts a lesson's completed tasks from saved progress (0 until progress has loaded). */
function useDoneCounter(): Done {
  const lessons = useSavedLessons();
  return (l) => lessons[l.slug]?.tasksDone.filter((t) => l.taskIds.includes(t)).length ?? 0;
}

/** "n of m lessons complete" with a bar; before progress loads it says nothing it cannot know. */
export function CourseProgressBar({ lessons }: { lessons: readonly LessonSummary[] }) {
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

/** The ordered course: each lesson with its summary, length and how much of it is done. */
export function CoursePath({ lessons }: { lessons: readonly LessonSummary[] }) {
  const done = useDoneCounter();
  return (
    <ol className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {lessons.map((l) => {
        const n = done(l);
        const total = l.taskIds.length;
        const status =
          n === total ? "Complete" : n > 0 ? `${n} of ${total} tasks done` : "Not started";
        return (
          <li key={l.slug}>
            <Link
              href={`/lessons/${l.slug}`}
              className="group flex h-full flex-col rounded-xl border border-border bg-bg-soft p-5 hover:border-accent"
            >
              <span className="flex items-center justify-between gap-3 text-sm font-medium text-fg-muted">
                <span>
                  Lesson {l.order} · {l.minutes} min
                </span>
                <span className={n === total ? "font-semibold text-ok" : undefined}>
                  {n === total ? "✓ " : ""}
                  {status}
                </span>
              </span>
              <span className="mt-2 text-lg font-semibold text-fg group-hover:underline">
                {l.title}
              </span>
              <span className="mt-1 text-fg-muted">{l.summary}</span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
