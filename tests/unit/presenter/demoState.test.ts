import { describe, expect, it } from "vitest";
import { backward, forward, formatSeconds, seedFromParam } from "@/components/presenter/classQuiz";
import { captionFor, demoReducer, initialDemoState } from "@/components/presenter/demoState";
import { MAX_TYPED_LINES } from "@/lib/site/moment";

const at = (step: number, typed: string[] = []) =>
  initialDemoState({ scenario: "isp-relay", step, typed });

describe("demoReducer", () => {
  it("steps forward in place when nothing was typed", () => {
    const s = demoReducer(at(4), { type: "next" }, 6);
    expect(s).toMatchObject({ step: 5, generation: 0 });
  });

  it("rebuilds the lab to go back a step", () => {
    const s = demoReducer(at(5), { type: "prev" }, 6);
    expect(s).toMatchObject({ step: 4, generation: 1, typed: [] });
  });

  it("→ → ← from step 4 ends at step 5 in a fresh lab", () => {
    let s = at(4);
    for (const type of ["next", "next", "prev"] as const) s = demoReducer(s, { type }, 6);
    expect(s).toMatchObject({ step: 5, generation: 1 });
  });

  it("stops at both ends with a note, without rebuilding", () => {
    expect(demoReducer(at(6), { type: "next" }, 6)).toMatchObject({ step: 6, generation: 0 });
    expect(demoReducer(at(0), { type: "prev" }, 6)).toMatchObject({ step: 0, generation: 0 });
    expect(demoReducer(at(0), { type: "prev" }, 6).note).toMatch(/start/);
  });

  it("sets typed lines aside on either key, rebuilding from the script", () => {
    const typed = demoReducer(at(2), { type: "typed", line: "EHLO x" }, 6);
    expect(typed.typed).toEqual(["EHLO x"]);
    expect(demoReducer(typed, { type: "prev" }, 6)).toMatchObject({
      step: 2,
      typed: [],
      generation: 1,
    });
    expect(demoReducer(typed, { type: "next" }, 6)).toMatchObject({
      step: 3,
      typed: [],
      generation: 1,
    });
  });

  it("keeps at most the lines a link can carry", () => {
    let s = at(1, Array<string>(MAX_TYPED_LINES).fill("x"));
    s = demoReducer(s, { type: "typed", line: "one more" }, 6);
    expect(s.typed).toHaveLength(MAX_TYPED_LINES);
    expect(s.note).toMatch(/first 200/);
  });

  it("loading another scenario starts it fresh", () => {
    expect(demoReducer(at(3, ["x"]), { type: "load", scenario: "open-relay" }, 8)).toMatchObject({
      scenario: "open-relay",
      step: 0,
      typed: [],
      generation: 1,
    });
  });
});

describe("captionFor", () => {
  const steps = [{ caption: "Ask DNS." }, { caption: "Connect." }, { caption: "EHLO." }];
  it("numbers the step that has run", () => {
    expect(captionFor(3, steps)).toEqual({ position: "3/3", text: "EHLO." });
  });
  it("invites the presenter to begin at step 0", () => {
    expect(captionFor(0, steps).position).toBe("0/3");
    expect(captionFor(0, steps).text).toMatch(/Next step/);
  });
});

describe("class quiz phases", () => {
  const q = (index: number, revealed: boolean) => ({ kind: "question" as const, index, revealed });
  it("reveals, then moves on, then finishes", () => {
    expect(forward(q(0, false), 2)).toEqual(q(0, true));
    expect(forward(q(0, true), 2)).toEqual(q(1, false));
    expect(forward(q(1, true), 2)).toEqual({ kind: "done" });
  });
  it("goes back: hides the answer, then the previous question as it was left", () => {
    expect(backward(q(1, true), 2)).toEqual(q(1, false));
    expect(backward(q(1, false), 2)).toEqual(q(0, true));
    expect(backward(q(0, false), 2)).toEqual(q(0, false));
    expect(backward({ kind: "done" }, 2)).toEqual(q(1, true));
  });
  it("reads a seed only when it is a plain number", () => {
    expect(seedFromParam("42")).toBe(42);
    expect(seedFromParam("4e2")).toBeNull();
    expect(seedFromParam(null)).toBeNull();
  });
  it("formats the countdown", () => {
    expect(formatSeconds(75)).toBe("1:15");
    expect(formatSeconds(-3)).toBe("0:00");
  });
});

describe("typed lines in a moment", () => {
  it("never keep control characters (C0 or C1) for the link", () => {
    const s = demoReducer(at(1), { type: "typed", line: "echo \u009b2J\x1b]8;;x\x07" }, 6);
    expect(s.typed).toEqual(["echo 2J]8;;x"]);
  });
});
