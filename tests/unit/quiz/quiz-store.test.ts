// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rehydrateAll, resetHydrationForTests } from "@/lib/progress/hydration";
import { exportProgress, importProgress } from "@/lib/progress/transfer";
import { badKey } from "@/lib/progress/persisted";
import { QUIZ_KEY, useQuizProgress } from "@/lib/progress/quiz-store";
import { answerEvent, T0 } from "./helpers";

const answer = (cardId: string, correct: boolean, mode: "drill" | "quiz" = "quiz") =>
  answerEvent({ cardId, correct, mode });

beforeEach(async () => {
  localStorage.clear();
  resetHydrationForTests();
  useQuizProgress.reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  await rehydrateAll();
});

describe("quiz progress store", () => {
  it("saves answers to localStorage under relay-lab:quiz, FSRS memory included", () => {
    useQuizProgress.getState().recordAnswer(answer("port:smtp:25", true, "drill"));
    const saved = JSON.parse(localStorage.getItem(QUIZ_KEY)!);
    expect(saved.state.cards["port:smtp:25"].seen).toBe(1);
    expect(saved.state.cards["port:smtp:25"].memory.reps).toBe(1);
    expect(saved.state.days["2026-01-05"].answered).toBe(1);
  });

  it("reloads what was saved", async () => {
    useQuizProgress.getState().recordAnswer(answer("port:dns:53", false));
    const text = localStorage.getItem(QUIZ_KEY)!;
    useQuizProgress.setState({ cards: {} });
    localStorage.setItem(QUIZ_KEY, text);
    await rehydrateAll();
    expect(useQuizProgress.getState().cards["port:dns:53"]?.seen).toBe(1);
  });

  it("sets corrupt saved data aside and starts clean", async () => {
    localStorage.setItem(QUIZ_KEY, JSON.stringify({ version: 1, state: { cards: 7 } }));
    await rehydrateAll();
    expect(useQuizProgress.getState().cards).toEqual({});
    expect(localStorage.getItem(badKey(QUIZ_KEY))).not.toBeNull();
  });

  it("exports and imports back into a fresh store", () => {
    const s = useQuizProgress.getState();
    s.recordAnswer(answer("port:ldaps:636", true));
    s.recordExam(T0, 17, 20);
    s.recordPbq(T0, 0.75);
    s.setNewPerDay(15);
    const file = exportProgress(new Date(T0));
    useQuizProgress.reset();
    expect(useQuizProgress.getState().exams).toEqual([]);
    const result = importProgress(file);
    expect(result).toMatchObject({ ok: true });
    const after = useQuizProgress.getState();
    expect(after.cards["port:ldaps:636"]?.correct).toBe(1);
    expect(after.exams).toEqual([{ at: T0, correct: 17, total: 20 }]);
    expect(after.pbq).toEqual([{ at: T0, score: 0.75 }]);
    expect(after.newPerDay).toBe(15);
  });

  it("refuses an import whose quiz section is malformed, changing nothing", () => {
    useQuizProgress.getState().recordAnswer(answer("port:smtp:25", true));
    const bad = JSON.stringify({
      format: "relay-lab-progress",
      stores: { [QUIZ_KEY]: { version: 1, state: { cards: [], days: {} } } },
    });
    expect(importProgress(bad)).toMatchObject({ ok: false });
    expect(useQuizProgress.getState().cards["port:smtp:25"]?.seen).toBe(1);
  });

  it("clamps the daily new-card limit", () => {
    useQuizProgress.getState().setNewPerDay(-3);
    expect(useQuizProgress.getState().newPerDay).toBe(0);
    useQuizProgress.getState().setNewPerDay(1000);
    expect(useQuizProgress.getState().newPerDay).toBe(100);
  });
});
