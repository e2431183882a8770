"use client";

import { useCallback } from "react";
import { dayKey, type Question } from "@/lib/quiz";
import { useQuizProgress } from "@/lib/progress/quiz-store";

/** The local calendar day for the learner's clock, as the stats key it. */
export function today(now = Date.now()): string {
  return dayKey(now, -new Date(now).getTimezoneOffset());
}

/** Records an answer in the saved progress, with the wall clock and the local day. */
export function useAnswerRecorder(mode: "drill" | "quiz" | "exam") {
  const record = useQuizProgress((s) => s.recordAnswer);
  return useCallback(
    (q: Question, correct: boolean, elapsedMs: number) => {
      const now = Date.now();
      record({
        cardId: q.cardId,
        correct,
        elapsedMs,
        format: q.format,
        mode,
        now,
        day: today(now),
      });
    },
    [record, mode],
  );
}
