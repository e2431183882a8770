"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ComponentType } from "react";
import type { Question } from "@/lib/lessons/schema";
import { choiceName } from "./checkpointName";
import { onNearOrUsed } from "./onNearOrUsed";

type Interactive = ComponentType<{
  lesson: string;
  questions: readonly Question[];
  initialPicked?: Readonly<Record<string, number>>;
}>;

/** The answers picked in the server-rendered questions (radios work before any script does). */
export function pickedIn(root: ParentNode, lesson: string, questions: readonly Question[]) {
  const checked = [...root.querySelectorAll<HTMLInputElement>("input[type=radio]:checked")];
  const picked: Record<string, number> = {};
  for (const q of questions) {
    const input = checked.find((c) => c.name === choiceName(lesson, q));
    const i = input ? Number(input.value) : NaN;
    if (Number.isInteger(i) && i >= 0 && i < q.choices.length) picked[q.id] = i;
  }
  return picked;
}

/**
 * The checkpoint at the end of a lesson's prose: the server renders its questions (children), and
 * their code loads only when they near the screen or the learner reaches them by keyboard or
 * pointer, so a lesson's first load carries none of it. Picks made before then are kept, and so
 * is focus.
 */
export function CheckpointIsland({
  lesson,
  questions,
  children,
}: {
  lesson: string;
  questions: readonly Question[];
  children: React.ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{
    Checkpoint: Interactive;
    picked: Record<string, number>;
    /** The radio that had focus, by name and value. */
    focus: { name: string; value: string } | null;
  } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || loaded) return;
    let live = true;
    const stop = onNearOrUsed(el, () => {
      void import("./Checkpoint").then(({ Checkpoint }) => {
        if (!live) return;
        const active = document.activeElement;
        const focus =
          active instanceof HTMLInputElement && el.contains(active)
            ? { name: active.name, value: active.value }
            : null;
        setLoaded({ Checkpoint, picked: pickedIn(el, lesson, questions), focus });
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, [loaded, lesson, questions]);

  // The interactive questions replace the static ones: keep the keyboard where it was.
  useLayoutEffect(() => {
    const want = loaded?.focus;
    if (!want) return;
    const inputs = box.current?.querySelectorAll("input") ?? [];
    [...inputs].find((i) => i.name === want.name && i.value === want.value)?.focus();
  }, [loaded]);

  return (
    <div ref={box}>
      {loaded ? (
        <loaded.Checkpoint lesson={lesson} questions={questions} initialPicked={loaded.picked} />
      ) : (
        children
      )}
    </div>
  );
}
