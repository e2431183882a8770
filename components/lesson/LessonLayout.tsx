import type { GlossaryEntry } from "@/lib/lessons/glossary";
import type { Lesson, LessonSummary } from "@/lib/lessons/schema";
import { Checkpoint } from "./Checkpoint";
import { LessonBody } from "./LessonBody";
import { LessonPager } from "./LessonPager";
import { LessonWorkbench } from "./LessonWorkbench";

/**
 * A lesson page: prose on the left (server-rendered, the page's largest paint), and on wide screens
 * the tasks and the live lab in a sticky column on the right; on narrow screens they follow the prose.
 */
export function LessonLayout({
  lesson,
  glossary,
  prev,
  next,
}: {
  lesson: Lesson;
  glossary: readonly GlossaryEntry[];
  prev?: LessonSummary;
  next?: LessonSummary;
}) {
  const hasLab = lesson.scenario !== undefined;
  return (
    <div
      className={
        hasLab
          ? "mx-auto max-w-[120rem] px-4 sm:px-6 lg:grid lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] lg:gap-10"
          : "mx-auto max-w-3xl px-4 sm:px-6"
      }
    >
      <article className="min-w-0 py-8 lg:py-10">
        <header>
          <p className="text-sm font-medium text-fg-muted">
            Lesson {lesson.order} · {lesson.minutes} min · Security+ {lesson.objective}
          </p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">
            {lesson.title}
          </h1>
          <p className="mt-3 text-lg text-fg-muted">{lesson.summary}</p>
          <div className="mt-5 rounded-xl border border-border p-4">
            <h2 className="font-semibold">After this lesson you can</h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </div>
        </header>
        <LessonBody lesson={lesson} glossary={glossary} />
        {lesson.questions.length > 0 && (
          <Checkpoint lesson={lesson.slug} questions={lesson.questions} />
        )}
        {lesson.moreLabs.length > 0 && (
          <p className="mt-8">
            More to explore in the sandbox:{" "}
            {lesson.moreLabs.map((id, i) => (
              <span key={id}>
                {i > 0 && ", "}
                <a
                  href={`/lab?scenario=${id}`}
                  className="font-mono font-medium text-accent underline"
                >
                  {id}
                </a>
              </span>
            ))}
          </p>
        )}
        <LessonPager prev={prev} next={next} />
      </article>
      {lesson.scenario !== undefined && (
        <aside
          aria-label="Try it"
          className="min-w-0 pb-10 lg:sticky lg:top-0 lg:h-dvh lg:overflow-y-auto lg:py-6"
        >
          <LessonWorkbench
            lesson={lesson.slug}
            scenario={lesson.scenario}
            tasks={lesson.tasks}
            solution={lesson.solution}
            next={next}
          />
        </aside>
      )}
    </div>
  );
}
