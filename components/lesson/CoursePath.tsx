import Link from "@/components/ui/Link";
import type { LessonSummary } from "@/lib/lessons/schema";
import { CourseProgressBar as ProgressBar, LessonStatus, type LessonTasks } from "./CourseStatus";

// Server components: the course's text is plain HTML, and only the progress (from this browser's
// saved progress) is a client island, given just the slugs and task ids it counts.

const tasksOf = (l: LessonSummary): LessonTasks => ({ slug: l.slug, taskIds: l.taskIds });

/** "n of m lessons complete" with a bar. */
export function CourseProgressBar({ lessons }: { lessons: readonly LessonSummary[] }) {
  return <ProgressBar lessons={lessons.map(tasksOf)} />;
}

/** The ordered course: each lesson with its summary, length and how much of it is done. */
export function CoursePath({ lessons }: { lessons: readonly LessonSummary[] }) {
  return (
    <ol className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {lessons.map((l) => (
        <li key={l.slug}>
          <Link
            href={`/lessons/${l.slug}`}
            className="group flex h-full flex-col rounded-xl border border-border bg-bg-soft p-5 hover:border-accent"
          >
            <span className="flex items-center justify-between gap-3 text-sm font-medium text-fg-muted">
              <span>
                Lesson {l.order} · {l.minutes} min
              </span>
              <LessonStatus lesson={tasksOf(l)} />
            </span>
            <span className="mt-2 text-lg font-semibold text-fg group-hover:underline">
              {l.title}
            </span>
            <span className="mt-1 text-fg-muted">{l.summary}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
