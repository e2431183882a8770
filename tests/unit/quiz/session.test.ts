import { describe, expect, it } from "vitest";
import { answerEvent } from "./helpers";
import {
  applyAnswer,
  buildQuestions,
  emptyProgress,
  formatClock,
  gradeFirewall,
  history,
  mastery,
  ruleKey,
  scoreExam,
  secondsLeft,
  streak,
  weakest,
  addDays,
  dayKey,
} from "@/lib/quiz";
import { MAIL_FIREWALL_PBQ } from "@/content/ports";

describe("exam scoring", () => {
  const qs = buildQuestions(11, 6);

  it("counts unanswered as wrong and groups by topic, weakest first", () => {
    const r = scoreExam(qs, [true, false, undefined, true, true, true]);
    expect(r.correct).toBe(4);
    expect(r.answered).toBe(5);
    expect(r.score).toBeCloseTo(4 / 6);
    expect(r.missed).toEqual([1, 2]);
    expect(r.byTopic.reduce((n, t) => n + t.total, 0)).toBe(6);
    const ratios = r.byTopic.map((t) => t.correct / t.total);
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
  });

  it("the clock counts down and stops at zero", () => {
    expect(secondsLeft(0, 60_000, 0)).toBe(60);
    expect(secondsLeft(0, 60_000, 59_001)).toBe(1);
    expect(secondsLeft(0, 60_000, 90_000)).toBe(0);
    expect(formatClock(125)).toBe("2:05");
  });
});

describe("firewall PBQ grading", () => {
  const perfect = new Set([
    ruleKey("inbound", 25, "tcp"),
    ruleKey("outbound", 25, "tcp"),
    ruleKey("inbound", 587, "tcp"),
    ruleKey("outbound", 53, "udp"),
    ruleKey("outbound", 53, "tcp"), // required: DNS must work over TCP too (RFC 7766)
  ]);

  it("full marks for exactly what is needed, optional rules do not cost", () => {
    expect(gradeFirewall(MAIL_FIREWALL_PBQ, perfect).score).toBe(1);
    const withOptional = new Set([...perfect, ruleKey("inbound", 465, "tcp")]);
    expect(gradeFirewall(MAIL_FIREWALL_PBQ, withOptional).score).toBe(1);
  });

  it("partial credit for missing rules, and a penalty for each extra hole", () => {
    const missing = new Set([ruleKey("inbound", 25, "tcp"), ruleKey("outbound", 25, "tcp")]);
    expect(gradeFirewall(MAIL_FIREWALL_PBQ, missing).score).toBe(0.4); // 2 of 5 required
    const extra = new Set([...perfect, ruleKey("inbound", 3389, "tcp")]);
    const g = gradeFirewall(MAIL_FIREWALL_PBQ, extra);
    expect(g.score).toBe(0.8); // (5 - 1 penalty) of 5
    expect(g.feedback.find((f) => f.key === ruleKey("inbound", 3389, "tcp"))?.outcome).toBe(
      "extra",
    );
  });

  it("never goes below zero and explains every row", () => {
    const all = new Set(
      MAIL_FIREWALL_PBQ.candidates.flatMap((c) => [
        ruleKey("inbound", c.port, c.transport),
        ruleKey("outbound", c.port, c.transport),
      ]),
    );
    const g = gradeFirewall(MAIL_FIREWALL_PBQ, all);
    expect(g.score).toBe(0);
    expect(g.feedback).toHaveLength(MAIL_FIREWALL_PBQ.candidates.length * 2);
    expect(g.feedback.every((f) => f.why.length > 10)).toBe(true);
    expect(gradeFirewall(MAIL_FIREWALL_PBQ, new Set()).score).toBe(0);
  });
});

describe("progress and stats", () => {
  const ev = (cardId: string, correct: boolean, day: string, mode: "drill" | "quiz" = "quiz") =>
    answerEvent({ cardId, correct, day, mode });

  it("records answers, mastery and the daily counts", () => {
    let p = emptyProgress();
    p = applyAnswer(p, ev("port:smtp:25", true, "2026-01-05"));
    p = applyAnswer(p, ev("port:smtp:25", true, "2026-01-05"));
    p = applyAnswer(p, ev("port:smtp:25", true, "2026-01-05"));
    p = applyAnswer(p, ev("port:ldaps:636", false, "2026-01-05"));
    expect(mastery(p.cards["port:smtp:25"])).toBe(1);
    expect(mastery(p.cards["port:ldaps:636"])).toBe(0);
    expect(p.days["2026-01-05"]).toEqual({ answered: 4, correct: 3, fresh: 0 });
    expect(weakest(p, 5)).toEqual(["port:ldaps:636"]);
    expect(p.cards["port:smtp:25"]?.memory).toBeUndefined();
  });

  it("only the drill schedules, and counts a new card once", () => {
    let p = applyAnswer(emptyProgress(), ev("port:dns:53", false, "2026-01-05", "drill"));
    p = applyAnswer(p, ev("port:dns:53", true, "2026-01-05", "drill"));
    expect(p.cards["port:dns:53"]?.memory?.reps).toBe(2);
    expect(p.days["2026-01-05"]?.fresh).toBe(1);
  });

  it("ignores answers for unknown cards", () => {
    const p = emptyProgress();
    expect(applyAnswer(p, ev("port:nope:1", true, "2026-01-05"))).toBe(p);
  });

  it("one right answer is not mastery", () => {
    const p = applyAnswer(emptyProgress(), ev("port:smtp:25", true, "2026-01-05"));
    expect(mastery(p.cards["port:smtp:25"])).toBeLessThan(0.8);
  });

  it("streak counts consecutive days, forgiving a today not yet practised", () => {
    const d = { answered: 1, correct: 1, fresh: 0 };
    const days = { "2026-01-03": d, "2026-01-04": d, "2026-01-05": d, "2026-01-01": d };
    expect(streak(days, "2026-01-05")).toBe(3);
    expect(streak(days, "2026-01-06")).toBe(3);
    expect(streak(days, "2026-01-07")).toBe(0);
  });

  it("history fills gaps with zeros, oldest first", () => {
    const h = history({ "2026-01-05": { answered: 4, correct: 3, fresh: 0 } }, "2026-01-05", 3);
    expect(h).toEqual([
      { day: "2026-01-03", answered: 0, correct: 0 },
      { day: "2026-01-04", answered: 0, correct: 0 },
      { day: "2026-01-05", answered: 4, correct: 3 },
    ]);
  });

  it("day keys follow the learner's time zone and cross month ends", () => {
    expect(dayKey(Date.UTC(2026, 0, 5, 23, 30), 60)).toBe("2026-01-06");
    expect(dayKey(Date.UTC(2026, 0, 5, 0, 30), -60)).toBe("2026-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
