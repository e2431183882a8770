"use client";

import { useState } from "react";
import type { Task } from "@/lib/lessons/schema";

/** The "Try it" list: each task with its live tick, a hint on request, and the "show me" stepper. */
export function TasksPanel({
  tasks,
  done,
  justDone,
  solution,
  step,
  onShowNext,
  onReset,
}: {
  tasks: readonly Task[];
  done: Record<string, boolean>;
  justDone: string | null;
  solution: readonly string[];
  /** How many solution lines "show me" has typed so far. */
  step: number;
  onShowNext: () => void;
  onReset: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const count = tasks.filter((t) => done[t.id]).length;
  const nextLine = solution[step];
  return (
    <section
      aria-labelledby="tasks-heading"
      className="rounded-xl border border-border bg-bg-soft p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="tasks-heading" className="text-lg font-bold">
          Try it
        </h2>
        <p className="text-sm text-fg-muted">
          {count} of {tasks.length} done
        </p>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {justDone ? `Task done: ${justDone}` : ""}
      </p>
      <ol className="mt-3 space-y-2">
        {tasks.map((t, i) => (
          <li
            key={t.id}
            data-task={t.id}
            data-done={done[t.id] ? "true" : "false"}
            className="rounded-lg bg-bg p-3"
          >
            <div className="flex items-start gap-3">
              <span
                aria-hidden="true"
                className={
                  done[t.id]
                    ? "mt-0.5 grid size-6 shrink-0 place-items-center rounded-full bg-ok font-bold text-bg"
                    : "mt-0.5 grid size-6 shrink-0 place-items-center rounded-full border-2 border-border text-sm text-fg-muted"
                }
              >
                {done[t.id] ? "✓" : i + 1}
              </span>
              <div className="min-w-0">
                <p className="font-medium">
                  {t.title}
                  <span className="sr-only">{done[t.id] ? " (done)" : " (not done yet)"}</span>
                </p>
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer font-medium text-accent">Hint</summary>
                  <p className="mt-1 text-fg-muted">{t.hint}</p>
                </details>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={onShowNext}
          disabled={nextLine === undefined}
          className="rounded-lg bg-accent px-3 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
        >
          {nextLine === undefined
            ? "Solution shown"
            : `Show me: type line ${step + 1} of ${solution.length}`}
        </button>
        {confirming ? (
          <span
            role="group"
            aria-label="Start the lesson over?"
            className="flex flex-wrap items-center gap-2"
          >
            <span className="text-sm font-medium">
              Clear this lesson&apos;s ticks and reset the lab?
            </span>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                onReset();
              }}
              className="rounded-lg bg-bad px-3 py-2 text-sm font-semibold text-bg"
            >
              Yes, start over
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded-lg border border-border bg-bg px-3 py-2 text-sm font-semibold hover:border-accent"
            >
              Keep my progress
            </button>
          </span>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-lg border border-border bg-bg px-3 py-2 text-sm font-semibold hover:border-accent"
          >
            Start the lesson over
          </button>
        )}
      </div>
      {nextLine !== undefined && (
        <p className="mt-2 text-sm text-fg-muted">
          Next:{" "}
          <code className="font-mono text-fg">
            {nextLine === "" ? "(an empty line)" : nextLine}
          </code>
        </p>
      )}
    </section>
  );
}
