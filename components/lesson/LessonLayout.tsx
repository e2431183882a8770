import type { GlossaryEntry } from "@/lib/lessons/glossary";
import type { Lesson, LessonSummary } from "@/lib/lessons/schema";
import { CheckpointIsland } from "./CheckpointIsland";
import { CheckpointView } from "./CheckpointView";
import { LessonBody } from "./LessonBody";
import { LessonPager } from "./LessonPager";
import { LessonColumns } from "./LessonColumns";
import { LessonWorkbench } from "./LessonWorkbench";

/**
 * A lesson page: prose on the left (server-rendered, the page's largest paint), and on wide screens
 * the tasks and the live lab on the right. There both columns are as tall as the window below the
 * site header and scroll on their own, so reading never moves the lab out of view. On narrow
 * screens the lab follows the prose.
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
  const article = (
    <article
      aria-label={hasLab ? "Lesson" : undefined}
      tabIndex={hasLab ? 0 : undefined}
      data-testid="lesson-prose"
      className={
        hasLab
          ? "min-w-0 py-8 focus-visible:outline-offset-[-3px] lg:h-full lg:overflow-y-auto lg:py-6 lg:pr-4"
          : "min-w-0 py-8 lg:py-10"
      }
    >
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
        <CheckpointIsland lesson={lesson.slug} questions={lesson.questions}>
          <CheckpointView lesson={lesson.slug} questions={lesson.questions} />
        </CheckpointIsland>
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
  );
  if (lesson.scenario === undefined)
    return <div className="mx-auto max-w-3xl px-4 sm:px-6">{article}</div>;
  return (
    <LessonColumns>
      {article}
      <aside
        aria-label="Try it"
        data-lab-frame=""
        className="flex min-w-0 flex-col pb-10 lg:h-full lg:overflow-y-auto lg:py-3"
      >
        <LessonWorkbench
          lesson={lesson.slug}
          scenario={lesson.scenario}
          tasks={lesson.tasks}
          solution={lesson.solution}
          next={next}
        />
      </aside>
    </LessonColumns>
  );
}
