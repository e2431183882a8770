/**
 * The exam in progress, saved on every answer so a reload or a closed tab resumes it. The
 * clock keeps running while away (see `examClock`).
 */
import * as z from "zod/mini";
import type { ExamAnswer, ExamState } from "@/lib/quiz";
import { createPersistedStore } from "./persisted";

const count = z.int().check(z.gte(0));
const answerSchema = z.union([
  z.object({ choice: z.string().check(z.maxLength(100)) }),
  z.object({ typed: z.string().check(z.maxLength(200)) }),
]);

// z.number() refuses Infinity and NaN.
const examSchema: z.ZodMiniType<ExamState> = z.object({
  seed: z.int(),
  size: z.int().check(z.gte(1), z.lte(200)),
  startedAt: z.number(),
  durationMs: z.number().check(z.gte(0)),
  answers: z.record(z.string().check(z.regex(/^\d+$/)), answerSchema),
  flags: z.array(count),
  index: count,
  finishedAt: z.nullable(z.number()),
  timedOut: z.boolean(),
});

export const examStoreSchema = z.object({ current: z.nullable(examSchema) });
type ExamStoreData = z.infer<typeof examStoreSchema>;

export const EXAM_KEY = "relay-lab:exam";

export const useExamStore = createPersistedStore(
  {
    key: EXAM_KEY,
    version: 1,
    schema: examStoreSchema,
    initial: (): ExamStoreData => ({ current: null }),
  },
  (set) => {
    const edit = (fn: (e: ExamState) => Partial<ExamState>) =>
      set((s) =>
        s.current && s.current.finishedAt === null
          ? { current: { ...s.current, ...fn(s.current) } }
          : {},
      );
    return {
      start(exam: ExamState) {
        set(() => ({ current: exam }));
      },
      answer(index: number, a: ExamAnswer) {
        edit((e) => ({ answers: { ...e.answers, [index]: a } }));
      },
      toggleFlag(index: number) {
        edit((e) => ({
          flags: e.flags.includes(index) ? e.flags.filter((f) => f !== index) : [...e.flags, index],
        }));
      },
      go(index: number) {
        edit((e) => ({ index: Math.max(0, Math.min(e.size - 1, index)) }));
      },
      finish(at: number, timedOut: boolean) {
        edit(() => ({ finishedAt: at, timedOut }));
      },
      clear() {
        set(() => ({ current: null }));
      },
    };
  },
);
