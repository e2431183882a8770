import { describe, expect, it } from "vitest";
import {
  allQuestions,
  buildQuestions,
  CARDS,
  checkAnswer,
  createRng,
  kindsFor,
  questionFor,
  type QuestionKind,
} from "@/lib/quiz";

describe("question generation", () => {
  it("is deterministic for a seed", () => {
    expect(buildQuestions(42, 10)).toEqual(buildQuestions(42, 10));
    expect(allQuestions(createRng(7))).toEqual(allQuestions(createRng(7)));
  });

  it("differs between seeds", () => {
    const a = buildQuestions(1, 10).map((q) => q.id);
    const b = buildQuestions(2, 10).map((q) => q.id);
    expect(a).not.toEqual(b);
  });

  it("builds 10 distinct questions for a quiz", () => {
    const qs = buildQuestions(123, 10);
    expect(qs).toHaveLength(10);
    expect(new Set(qs.map((q) => q.id)).size).toBe(10);
  });

  it("fills a focused quiz from a small set without repeating a question", () => {
    const qs = buildQuestions(5, 10, { focus: ["port:smtp:25", "port:submission:587"] });
    expect(qs.length).toBeGreaterThan(3);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
    expect(qs.every((q) => ["port:smtp:25", "port:submission:587"].includes(q.cardId))).toBe(true);
  });

  it("every question in the bank is well-formed and answerable", () => {
    const kinds = new Set<QuestionKind>();
    for (const q of allQuestions(createRng(99))) {
      kinds.add(q.kind);
      expect(q.prompt.length, q.id).toBeGreaterThan(10);
      expect(q.explanation.length, q.id).toBeGreaterThan(15);
      if (q.format === "choice") {
        expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
        expect(new Set(q.choices.map((c) => c.id)).size, q.id).toBe(q.choices.length);
        expect(new Set(q.choices.map((c) => c.label)).size, q.id).toBe(q.choices.length);
        expect(
          q.choices.map((c) => c.id),
          q.id,
        ).toContain(q.answer);
        const v = checkAnswer(q, { choice: q.answer });
        expect(v).toMatchObject({ status: "answered", correct: true });
        const wrong = q.choices.find((c) => c.id !== q.answer)!;
        expect(checkAnswer(q, { choice: wrong.id })).toMatchObject({ correct: false });
      } else {
        expect(checkAnswer(q, { typed: String(q.answer.port) })).toMatchObject({ correct: true });
        expect(checkAnswer(q, { typed: String(q.answer.port + 1) })).toMatchObject({
          correct: false,
        });
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        "port-to-protocol",
        "protocol-to-port",
        "transport",
        "secure",
        "scenario",
        "reply-meaning",
        "reply-code",
        "mailauth",
      ].sort(),
    );
  });

  it("never offers a protocol that shares the port as a wrong choice", () => {
    const q = questionFor("port:ssh:22", createRng(3), "port-to-protocol");
    expect(q.format === "choice" && q.choices.map((c) => c.label)).not.toContain("SFTP");
    expect(q.format === "choice" && q.answer).toBe("ssh");
  });

  it("asks SFTP as a typed port, never as 'which protocol is on 22'", () => {
    const sftp = CARDS.find((c) => c.id === "port:sftp:22")!;
    expect(kindsFor(sftp)).not.toContain("port-to-protocol");
  });

  it("rejects a choice that is not offered", () => {
    const q = questionFor("port:smtp:25", createRng(1), "port-to-protocol");
    expect(checkAnswer(q, { choice: "nope" })).toMatchObject({ status: "invalid" });
    expect(checkAnswer(q, { typed: "25" })).toMatchObject({ status: "invalid" });
  });

  it("the scenario about authenticated laptop submission answers 587", () => {
    const q = allQuestions(createRng(1)).find((x) => x.id === "scenario:laptop-submits-with-auth")!;
    expect(q.cardId).toBe("port:submission:587");
    expect(q.format === "choice" && checkAnswer(q, { choice: "submission:587" })).toMatchObject({
      correct: true,
    });
    expect(q.format === "choice" && checkAnswer(q, { choice: "smtp:25" })).toMatchObject({
      correct: false,
    });
  });
});
