"use client";

import { useEffect, useState } from "react";
import type { Task } from "@/lib/lessons/schema";
import { taskKind } from "@/lib/lessons/taskKind";
import { CoachNote, type CoachMessage } from "./CoachNote";
import { useSavedLessons } from "./courseProgress";

const COLLAPSED_KEY = "relay-lab:tasks-collapsed";
/** Where the list starts folded (the lab needs the height): the same query as the classes below. */
const SHORT_SCREEN = "(max-height: 859px)";

/**
 * Whether the learner folded the task list away, remembered in this browser. Null until it is
 * read after hydration: until then CSS folds the list on short screens, which is also what an
 * unset choice gives, so reading it moves nothing on screen.
 */
function useCollapsed(): [boolean | null, (v: boolean) => void] {
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(COLLAPSED_KEY);
    } catch {
      // storage unavailable: decide by the screen
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read once after hydration
    setCollapsed(saved === null ? window.matchMedia(SHORT_SCREEN).matches : saved === "1");
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

/** The "Try it" list: each task with its live tick, a hint on request, and the "show me" coach. */
export function TasksPanel({
  lesson,
  tasks,
  done,
  justDone,
  coach,
  onShowNext,
  onReset,
}: {
  lesson: string;
  tasks: readonly Task[];
  done: Record<string, boolean>;
  justDone: string | null;
  /** What "show me" last did or said. */
  coach: CoachMessage | null;
  onShowNext: () => void;
  onReset: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [collapsed, setCollapsed] = useCollapsed();
  const saved = useSavedLessons()[lesson]?.tasksDone;
  const count = tasks.filter((t) => done[t.id]).length;
  const allDone = count === tasks.length;
  // A state task that stops holding (the relay reopened) is announced, as a newly done one is.
  const shape = tasks.map((t) => (done[t.id] ? "1" : "0")).join("");
  const [prevShape, setPrevShape] = useState(shape);
  const [lost, setLost] = useState<string | null>(null);
  if (shape !== prevShape) {
    setPrevShape(shape);
    const undone = tasks.find(
      (t, i) => prevShape[i] === "1" && !done[t.id] && taskKind(t.check) === "state",
    );
    setLost(undone ? undone.title : null);
  }
  return (
    <section
      aria-labelledby="tasks-heading"
      data-collapsed={collapsed === null ? undefined : String(collapsed)}
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
          onClick={onShowNext}
          aria-describedby="coach-note"
          className="ml-auto rounded-lg bg-accent px-3 py-2 text-sm font-semibold text-accent-fg"
        >
          {allDone ? "Show me: all done" : "Show me the next step"}
        </button>
        <button
          type="button"
          aria-expanded={collapsed !== true}
          aria-controls="tasks-body"
          onClick={() => setCollapsed(!collapsed)}
          className="rounded-md border border-border bg-bg px-2.5 py-1 text-sm font-medium hover:border-accent"
        >
          {collapsed === null ? (
            <>
              <span className="[@media(max-height:859px)]:hidden">Hide tasks</span>
              <span className="hidden [@media(max-height:859px)]:inline">Show tasks</span>
            </>
          ) : collapsed ? (
            "Show tasks"
          ) : (
            "Hide tasks"
          )}
        </button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {lost ? `No longer done: ${lost}` : justDone ? `Task done: ${justDone}` : ""}
      </p>
      <CoachNote id="coach-note" message={coach} />
      <div
        id="tasks-body"
        hidden={collapsed === true}
        // Until the choice is read: folded on short screens (SHORT_SCREEN), as it will be then.
        className={`min-h-0 overflow-y-auto pb-1 ${collapsed === null ? "[@media(max-height:859px)]:hidden" : ""}`}
      >
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
                  {taskKind(t.check) === "state" && (
                    <p className="mt-1 text-sm text-fg-muted" data-state-task>
                      {done[t.id] ? (
                        "Checked live: true of the server as it is now."
                      ) : saved?.includes(t.id) ? (
                        <span className="font-medium text-warn">
                          You did this earlier, but it no longer holds now: checked live against the
                          server&apos;s current settings.
                        </span>
                      ) : (
                        "Checked live against the server's current settings: a later change can undo it."
                      )}
                    </p>
                  )}
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer font-medium text-accent">Hint</summary>
                    <p className="mt-1 text-fg-muted">{t.hint}</p>
                  </details>
                </div>
              </div>
            </li>
          ))}
        </ol>
        <div className="mt-2 flex flex-wrap items-center gap-2">
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
      </div>
    </section>
  );
}
