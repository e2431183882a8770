import type { AnswerEvent } from "@/lib/quiz";

/** The tests' clock: 5 January 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 0, 5, 9);

/** A right answer to the SMTP card at T0 (5 s, multiple choice, in a quiz), with `over` changed. */
export function answerEvent(over: Partial<AnswerEvent> = {}): AnswerEvent {
  return {
    cardId: "port:smtp:25",
    correct: true,
    elapsedMs: 5_000,
    format: "choice",
    mode: "quiz",
    now: T0,
    day: "2026-01-05",
    ...over,
  };
}
