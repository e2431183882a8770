/** Quiz progress: per-card stats and FSRS memory, daily counts, exam and PBQ results. */
import * as z from "zod/mini";
import {
  addRecord,
  applyAnswer,
  applyUndo,
  emptyProgress,
  undoFor,
  type AnswerEvent,
  type AnswerUndo,
  type QuizProgressData,
} from "@/lib/quiz";
import { createPersistedStore } from "./persisted";

// zod/mini, not classic zod: this loads with every quiz mode (see issue 13's note).
// z.number() already refuses Infinity and NaN.
const count = z.int().check(z.gte(0));
const time = z.number();

const memorySchema = z.object({
  due: time,
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.enum(["new", "learning", "review", "relearning"]),
  lastReview: z.nullable(time),
});

export const quizSchema: z.ZodMiniType<QuizProgressData> = z.object({
  cards: z.record(
    z.string(),
    z.object({
      seen: count,
      correct: count,
      recent: z.array(z.boolean()),
      lastAt: time,
      memory: z.optional(memorySchema),
    }),
  ),
  days: z.record(
    z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    z.object({ answered: count, correct: count, fresh: count }),
  ),
  exams: z.array(z.object({ at: time, correct: count, total: count })),
  pbq: z.array(z.object({ at: time, score: z.number().check(z.gte(0), z.lte(1)) })),
  newPerDay: z.int().check(z.gte(0), z.lte(100)),
  // Added later in version 1: older saves have no hand-picked deck yet.
  customDeck: z._default(z.array(z.string()).check(z.maxLength(200)), []),
});

export const QUIZ_KEY = "relay-lab:quiz";

export const useQuizProgress = createPersistedStore(
  { key: QUIZ_KEY, version: 1, schema: quizSchema, initial: emptyProgress },
  (set, get) => ({
    /** Records an answer; the returned value takes it back exactly (see `undoAnswer`). */
    recordAnswer(event: AnswerEvent): AnswerUndo {
      const undo = undoFor(get(), event);
      set((s) => applyAnswer(s, event));
      return undo;
    },
    undoAnswer(undo: AnswerUndo) {
      set((s) => applyUndo(s, undo));
    },
    setCustomDeck(entryIds: readonly string[]) {
      set(() => ({ customDeck: [...new Set(entryIds)].slice(0, 200) }));
    },
    recordExam(at: number, correct: number, total: number) {
      set((s) => ({ exams: addRecord(s.exams, { at, correct, total }) }));
    },
    recordPbq(at: number, score: number) {
      set((s) => ({ pbq: addRecord(s.pbq, { at, score }) }));
    },
    setNewPerDay(n: number) {
      set(() => ({ newPerDay: Math.max(0, Math.min(100, Math.round(n))) }));
    },
  }),
);
