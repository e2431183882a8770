import { describe, expect, it } from "vitest";
import { classQuizQuery, setupFromParams } from "@/components/presenter/classQuiz";

const SETUP = { count: 10, seconds: 0, coreOnly: true };

describe("class quiz links", () => {
  it("carry the seed, the settings and presenter mode", () => {
    const q = classQuizQuery(42, { count: 5, seconds: 15, coreOnly: false }, true);
    expect(Object.fromEntries(new URLSearchParams(q))).toEqual({
      seed: "42",
      count: "5",
      seconds: "15",
      core: "0",
      present: "1",
    });
    expect(classQuizQuery(42, SETUP, false)).not.toContain("present");
  });

  it("round-trip: a link's settings come back as the setup", () => {
    const setup = { count: 20, seconds: 60, coreOnly: false };
    expect(setupFromParams(new URLSearchParams(classQuizQuery(7, setup, true)), SETUP)).toEqual(
      setup,
    );
  });

  it("settings not on offer, or missing, keep the current ones", () => {
    expect(setupFromParams(new URLSearchParams("count=7&seconds=abc&core=maybe"), SETUP)).toEqual(
      SETUP,
    );
    expect(setupFromParams(new URLSearchParams(""), SETUP)).toEqual(SETUP);
  });
});
