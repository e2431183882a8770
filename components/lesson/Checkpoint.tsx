"use client";

import { useEffect, useId, useRef, useState } from "react";
import { CHECKPOINT_TASK } from "@/lib/lessons/ids";
import type { Question } from "@/lib/lessons/schema";
import { nowIso } from "./clock";
import { completeTask, useSavedLessons } from "./courseProgress";

/** A random order of 0..n-1 (Fisher–Yates), drawn in the browser only. */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const authored = (q: Question) => q.choices.map((_, i) => i);

/**
 * Checkpoint questions: pick an answer, see at once whether it is right and why, and why a wrong
 * one is wrong. The choices are shuffled for each attempt: once after the page has hydrated (the
 * server renders them in authored order, so hydration matches) and again on "Try again". When
 * every answer is right the lesson is recorded as complete. Without JavaScript the questions
 * still read as a list.
 */
export function Checkpoint({
  lesson,
  questions,
}: {
  lesson: string;
  questions: readonly Question[];
}) {
  const [picked, setPicked] = useState<Record<string, number>>({});
  const [orders, setOrders] = useState<Record<string, number[]>>({});
  const done = useSavedLessons()[lesson]?.completedAt ?? null;
  const right = questions.filter((q) => picked[q.id] === q.answer).length;

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the shuffle must wait for the client
    setOrders(Object.fromEntries(questions.map((q) => [q.id, shuffled(q.choices.length)])));
  }, [questions]);

  function choose(q: Question, i: number) {
    const next = { ...picked, [q.id]: i };
    setPicked(next);
    if (questions.every((x) => next[x.id] === x.answer))
      void completeTask(lesson, CHECKPOINT_TASK, [CHECKPOINT_TASK], nowIso());
  }

  function retry(q: Question) {
    const rest = { ...picked };
    delete rest[q.id];
    setPicked(rest);
    setOrders({ ...orders, [q.id]: shuffled(q.choices.length) });
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
            order={orders[q.id] ?? authored(q)}
            picked={picked[q.id]}
            onPick={(i) => choose(q, i)}
            onRetry={() => retry(q)}
          />
        ))}
      </ol>
    </section>
  );
}

function QuestionCard({
  n,
  q,
  order,
  picked,
  onPick,
  onRetry,
}: {
  n: number;
  q: Question;
  /** The choices' indices in the order shown. */
  order: readonly number[];
  picked: number | undefined;
  onPick: (i: number) => void;
  onRetry: () => void;
}) {
  const name = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const answered = picked !== undefined;
  const correct = picked === q.answer;
  const why = picked !== undefined && !correct ? q.choices[picked]?.why : undefined;
  return (
    <li className="rounded-xl border border-border p-5" data-question={q.id}>
      <fieldset ref={fieldset}>
        <legend className="text-lg font-semibold">
          {n}. {q.prompt}
        </legend>
        <div className="mt-3 space-y-2">
          {order.map((i) => (
            <label
              key={i}
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
              <span>{q.choices[i]!.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite" className="mt-3 min-h-6">
        {answered && (
          <p>
            <strong className={correct ? "text-ok" : "text-bad"}>
              {correct ? "Right." : "Not quite."}
            </strong>{" "}
            {correct ? q.explain : why}
          </p>
        )}
      </div>
      {answered && !correct && (
        <button
          type="button"
          onClick={() => {
            onRetry();
            fieldset.current?.querySelector("input")?.focus();
          }}
          className="mt-2 rounded-lg border border-border bg-bg px-3 py-2 text-sm font-semibold hover:border-accent"
        >
          Try again (choices reshuffled)
        </button>
      )}
    </li>
  );
}
