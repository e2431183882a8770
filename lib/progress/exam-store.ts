/**
 * The exam in progress, saved on every answer so a reload or a closed tab resumes it. The
 * clock keeps running while away (see `examClock`).
 */
import { z } from "zod";
import type { ExamAnswer, ExamState } from "@/lib/quiz";
import { createPersistedStore } from "./persisted";

const count = z.number().int().min(0);
const answerSchema = z.union([
  z.object({ choice: z.string().max(100) }),
  z.object({ typed: z.string().max(200) }),
]);

const examSchema: z.ZodType<ExamState> = z.object({
  seed: z.number().int(),
  size: z.number().int().min(1).max(200),
  startedAt: z.number().finite(),
  durationMs: z.number().finite().min(0),
  answers: z.record(z.string().regex(/^\d+$/), answerSchema),
  flags: z.array(count),
  index: count,
  finishedAt: z.number().finite().nullable(),
  timedOut: z.boolean(),
});

export const examStoreSchema = z.object({ current: examSchema.nullable() });
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
