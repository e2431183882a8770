"use client";

import { useId, useState } from "react";
import { CHECKPOINT_TASK } from "@/lib/lessons/ids";
import type { Question } from "@/lib/lessons/schema";
import { nowIso } from "./clock";
import { completeTask, useSavedLessons } from "./courseProgress";

/**
 * Checkpoint questions: pick an answer, see at once whether it is right and why. When every answer
 * is right the lesson is recorded as complete. Without JavaScript the questions still read as a list.
 */
export function Checkpoint({
  lesson,
  questions,
}: {
  lesson: string;
  questions: readonly Question[];
}) {
  const [picked, setPicked] = useState<Record<string, number>>({});
  const done = useSavedLessons()[lesson]?.completedAt ?? null;
  const right = questions.filter((q) => picked[q.id] === q.answer).length;

  function choose(q: Question, i: number) {
    const next = { ...picked, [q.id]: i };
    setPicked(next);
    if (questions.every((x) => next[x.id] === x.answer))
      void completeTask(lesson, CHECKPOINT_TASK, [CHECKPOINT_TASK], nowIso());
  }

  return (
    <section aria-labelledby="checkpoint-heading" className="mt-8">
      <h2 id="checkpoint-heading" className="text-2xl font-bold tracking-tight">
        Questions
      </h2>
      <p className="mt-2 text-fg-muted" role="status">
        {right} of {questions.length} right{done ? " · checkpoint complete ✓" : ""}
      </p>
      <ol className="mt-4 space-y-6">
        {questions.map((q, n) => (
          <QuestionCard
            key={q.id}
            n={n + 1}
            q={q}
            picked={picked[q.id]}
            onPick={(i) => choose(q, i)}
          />
        ))}
      </ol>
    </section>
  );
}

function QuestionCard({
  n,
  q,
  picked,
  onPick,
}: {
  n: number;
  q: Question;
  picked: number | undefined;
  onPick: (i: number) => void;
}) {
  const name = useId();
  const answered = picked !== undefined;
  const correct = picked === q.answer;
  return (
    <li className="rounded-xl border border-border p-5">
      <fieldset>
        <legend className="text-lg font-semibold">
          {n}. {q.prompt}
        </legend>
        <div className="mt-3 space-y-2">
          {q.choices.map((c, i) => (
            <label
              key={c}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-border px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-bg-soft"
            >
              <input
                type="radio"
                name={name}
                value={i}
                checked={picked === i}
                onChange={() => onPick(i)}
                className="mt-1.5 size-4 accent-[var(--accent)]"
              />
              <span>{c}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p aria-live="polite" className="mt-3 min-h-6">
        {answered && (
          <>
            <strong className={correct ? "text-ok" : "text-bad"}>
              {correct ? "Right." : "Not quite."}
            </strong>{" "}
            {correct ? q.explain : "Have another look and try again."}
          </>
        )}
      </p>
    </li>
  );
}
