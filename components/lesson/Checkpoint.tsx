"use client";

import { useEffect, useState } from "react";
import { CHECKPOINT_TASK } from "@/lib/lessons/ids";
import type { Question } from "@/lib/lessons/schema";
import { CheckpointView } from "./CheckpointView";
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

/**
 * Checkpoint questions: pick an answer, see at once whether it is right and why, and why a wrong
 * one is wrong. The choices are shuffled for each attempt: once after mounting (the server renders
 * them in authored order) and again on "Try again". When every answer is right the lesson is
 * recorded as complete. Without JavaScript the questions still read as a list.
 */
export function Checkpoint({
  lesson,
  questions,
  initialPicked = {},
}: {
  lesson: string;
  questions: readonly Question[];
  /** Answers picked before this code loaded (in the server-rendered questions). */
  initialPicked?: Readonly<Record<string, number>>;
}) {
  const [picked, setPicked] = useState<Record<string, number>>(() => ({ ...initialPicked }));
  const [orders, setOrders] = useState<Record<string, number[]>>({});
  const done = useSavedLessons()[lesson]?.completedAt ?? null;

  useEffect(() => {
    // A question already answered keeps its order, so the pick stays where it was clicked.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the shuffle must wait for the client
    setOrders(
      Object.fromEntries(
        questions
          .filter((q) => initialPicked[q.id] === undefined)
          .map((q) => [q.id, shuffled(q.choices.length)]),
      ),
    );
    if (questions.length > 0 && questions.every((q) => initialPicked[q.id] === q.answer))
      void completeTask(lesson, CHECKPOINT_TASK, [CHECKPOINT_TASK], nowIso());
    // Only on mount and when the questions change; later picks must not reshuffle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
    <CheckpointView
      lesson={lesson}
      questions={questions}
      picked={picked}
      orders={orders}
      done={done !== null}
      onPick={choose}
      onRetry={retry}
    />
  );
}
