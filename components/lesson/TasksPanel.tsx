"use client";

import { useEffect, useState } from "react";

const COLLAPSED_KEY = "relay-lab:tasks-collapsed";

/** Whether the learner folded the task list away; remembered in this browser. */
function useCollapsed(): [boolean, (v: boolean) => void] {
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(COLLAPSED_KEY);
    } catch {
      // storage unavailable: decide by the screen
    }
    // Unset: folded on short screens, where the lab needs the height.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read once after hydration
    setCollapsed(saved === null ? window.innerHeight < 860 : saved === "1");
  }, []);
  const set = (v: boolean) => {
    setCollapsed(v);
    try {
      localStorage.setItem(COLLAPSED_KEY, v ? "1" : "0");
    } catch {
      // not remembered; still folds now
    }
  };
  return [collapsed, set];
}
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
  const [collapsed, setCollapsed] = useCollapsed();
  const count = tasks.filter((t) => done[t.id]).length;
  const nextLine = solution[step];
  return (
    <section
      aria-labelledby="tasks-heading"
      data-collapsed={collapsed ? "true" : "false"}
      className="flex max-h-[35%] min-h-0 shrink-0 flex-col rounded-xl border border-border bg-bg-soft px-4 py-2"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="tasks-heading" className="text-lg font-bold">
          Try it
        </h2>
        <p className="text-sm text-fg-muted">
          {count} of {tasks.length} done
        </p>
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls="tasks-body"
          onClick={() => setCollapsed(!collapsed)}
          className="ml-auto rounded-md border border-border bg-bg px-2.5 py-1 text-sm font-medium hover:border-accent"
        >
          {collapsed ? "Show tasks" : "Hide tasks"}
        </button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {justDone ? `Task done: ${justDone}` : ""}
      </p>
      <div id="tasks-body" hidden={collapsed} className="min-h-0 overflow-y-auto pb-1">
        <ol className="mt-2 space-y-2">
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
      </div>
    </section>
  );
}
