import { describe, expect, it } from "vitest";
import {
  byObjective,
  examClock,
  examQuestions,
  examResults,
  isAnswered,
  missedPortCards,
  newExam,
  objectiveOf,
  passed,
  PASS_MARK,
  reviewLists,
  scaledScore,
  scoreExam,
  type ExamState,
} from "@/lib/quiz";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe("scaled score", () => {
  it("runs from 100 for none right to 900 for all right", () => {
    expect(scaledScore(0, 20)).toBe(100);
    expect(scaledScore(20, 20)).toBe(900);
    expect(scaledScore(10, 20)).toBe(500);
  });

  it("passes at 750, which is about 81% on our straight line", () => {
    expect(PASS_MARK).toBe(750);
    expect(passed(scaledScore(16, 20))).toBe(false); // 80% -> 740
    expect(passed(scaledScore(17, 20))).toBe(true); // 85% -> 780
    expect(scaledScore(13, 16)).toBe(750); // 81.25% exactly at the mark
  });

  it("never leaves the scale, whatever it is given", () => {
    expect(scaledScore(0, 0)).toBe(100);
    expect(scaledScore(30, 20)).toBe(900);
    expect(scaledScore(-3, 20)).toBe(100);
  });
});

describe("objectives", () => {
  it("groups topics under SY0-701 objectives, weakest first, keeping every question", () => {
    const qs = examQuestions({ seed: 7, size: 40 });
    const results = qs.map((q) => q.topic !== "mail");
    const report = scoreExam(qs, results);
    const rows = byObjective(report);
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(40);
    expect(rows.reduce((n, r) => n + r.correct, 0)).toBe(report.correct);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i - 1]!.correct / rows[i - 1]!.total).toBeLessThanOrEqual(
        rows[i]!.correct / rows[i]!.total,
      );
    }
    expect(objectiveOf("mail")).toBe("4.5");
    expect(objectiveOf("management")).toBe("4.4");
    expect(objectiveOf("directory")).toBe("4.6");
  });
});

describe("an exam in progress (resume)", () => {
  it("rebuilds the same questions from its saved seed and size", () => {
    const a = examQuestions({ seed: 42, size: 20 });
    const b = examQuestions(JSON.parse(JSON.stringify(newExam(42, 20, T0))) as ExamState);
    expect(b.map((q) => q.id)).toEqual(a.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(20);
  });

  it("keeps the clock running while away: time left comes from the start, not the reload", () => {
    const exam = newExam(1, 10, T0);
    expect(examClock(exam, T0)).toMatchObject({ left: 600, expired: false });
    expect(examClock(exam, T0 + 4 * 60_000 + 500)).toMatchObject({ left: 360, expired: false });
    expect(examClock(exam, T0 + 10 * 60_000)).toMatchObject({ left: 0, expired: true });
    expect(examClock(exam, T0 + 60 * 60_000)).toMatchObject({ left: 0, expired: true });
  });

  it("lists blanks and flags for the review screen", () => {
    const exam: ExamState = {
      ...newExam(1, 5, T0),
      answers: { 0: { choice: "smtp" }, 2: { typed: "  " }, 4: { typed: "25" } },
      flags: [4, 1],
    };
    expect(reviewLists(exam)).toEqual({ unanswered: [1, 2, 3], flagged: [1, 4] });
    expect(isAnswered({ typed: " 25 " })).toBe(true);
    expect(isAnswered({ choice: "" })).toBe(false);
  });

  it("scores answers, treating blanks and unreadable typing as not right", () => {
    const qs = examQuestions({ seed: 3, size: 10 });
    const answers: ExamState["answers"] = {};
    qs.forEach((q, i) => {
      if (i >= 5) return;
      answers[i] =
        q.format === "choice"
          ? { choice: i % 2 ? q.answer : "nonsense" }
          : { typed: i % 2 ? String(q.answer.port) : "not a port" };
    });
    const results = examResults(qs, answers);
    expect(results.slice(5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(results[1]).toBe(true);
    expect(results[3]).toBe(true);
    const report = scoreExam(qs, results);
    expect(report.correct).toBe(2);
    expect(report.missed).toHaveLength(8);
    const weak = missedPortCards(qs, report.missed);
    expect(weak.every((id) => id.startsWith("port:"))).toBe(true);
    expect(new Set(weak).size).toBe(weak.length);
  });
});
