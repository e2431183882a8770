import { describe, expect, it } from "vitest";
import {
  CARDS,
  gradeFor,
  nextDrillCard,
  planDrill,
  recallProbability,
  review,
  type CardMemory,
} from "@/lib/quiz";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

describe("FSRS scheduling with a fixed clock", () => {
  it("brings a missed card back before a known one", () => {
    const missed = review(undefined, "again", T0);
    const known = review(undefined, "good", T0);
    expect(missed.due).toBeLessThan(known.due);
    const memories: Record<string, CardMemory> = {
      "port:smtp:25": known,
      "port:ldaps:636": missed,
    };
    // Five minutes on: the missed card is due and comes first; the known one is not due yet.
    const plan = planDrill(memories, T0 + 5 * MIN, { newPerDay: 0, newToday: 0 });
    expect(plan.due[0]).toBe("port:ldaps:636");
    expect(plan.due).not.toContain("port:smtp:25");
    expect(nextDrillCard(plan)).toEqual({ id: "port:ldaps:636", isNew: false });
  });

  it("spaces a card further out each time it is recalled", () => {
    let m = review(undefined, "good", T0);
    let now = m.due;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      m = review(m, "good", now);
      gaps.push(m.due - now);
      now = m.due;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(DAY);
  });

  it("is deterministic: the same reviews give the same schedule", () => {
    const run = () => review(review(undefined, "good", T0), "hard", T0 + DAY);
    expect(run()).toEqual(run());
  });

  it("a lapse counts and the card relearns", () => {
    let m = review(undefined, "good", T0);
    m = review(m, "good", m.due);
    m = review(m, "again", m.due);
    expect(m.lapses).toBe(1);
    expect(m.state).toBe("relearning");
  });

  it("recall probability falls with time", () => {
    const m = review(review(undefined, "good", T0), "good", T0 + DAY);
    expect(recallProbability(m, T0 + 2 * DAY)).toBeGreaterThan(recallProbability(m, T0 + 60 * DAY));
    expect(recallProbability(undefined, T0)).toBe(0);
  });
});

describe("rating from correctness and time", () => {
  it("wrong is again; quick is easy; slow is hard", () => {
    expect(gradeFor(false, 1000, "choice")).toBe("again");
    expect(gradeFor(true, 2000, "choice")).toBe("easy");
    expect(gradeFor(true, 8000, "choice")).toBe("good");
    expect(gradeFor(true, 30000, "choice")).toBe("hard");
    expect(gradeFor(true, 5000, "typed")).toBe("easy");
    expect(gradeFor(true, 10000, "typed")).toBe("good");
  });
});

describe("drill plan", () => {
  it("shows due cards before new ones and caps new cards per day", () => {
    const m = review(undefined, "again", T0);
    const plan = planDrill({ "port:dns:53": m }, T0 + DAY, { newPerDay: 10, newToday: 7 });
    expect(plan.due).toEqual(["port:dns:53"]);
    expect(plan.fresh).toHaveLength(3);
    expect(nextDrillCard(plan)?.id).toBe("port:dns:53");
  });

  it("introduces core ports first", () => {
    const plan = planDrill({}, T0, { newPerDay: 5, newToday: 0 });
    expect(plan.fresh[0]).toBe(CARDS[0]!.id);
    expect(plan.fresh.every((id) => id.startsWith("port:"))).toBe(true);
  });

  it("reports when the next card comes due once the day is done", () => {
    const m = review(undefined, "good", T0);
    const plan = planDrill({ a: m }, T0, { newPerDay: 0, newToday: 0, pool: ["a"] });
    expect(nextDrillCard(plan)).toBeNull();
    expect(plan.nextDueAt).toBe(m.due);
  });

  it("a focused drill ignores the daily limit", () => {
    const plan = planDrill({}, T0, {
      newPerDay: 10,
      newToday: 10,
      pool: ["port:ftp:20", "port:ftp:21"],
    });
    expect(plan.fresh).toEqual(["port:ftp:20", "port:ftp:21"]);
  });
});
