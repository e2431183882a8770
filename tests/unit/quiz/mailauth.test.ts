/**
 * Email-authentication questions: in the bank, the Mail deck and the exam pool, graded like the
 * rest; and every "which SPF result" fact agrees with the engine's own SPF check.
 */
import { describe, expect, it } from "vitest";
import { MAILAUTH_FACTS } from "@/content/mailauth";
import { mailauthCardId } from "@/lib/quiz/cards";
import { deckCards } from "@/lib/quiz/decks";
import { objectiveOf } from "@/lib/quiz/exam";
import { allQuestions, checkAnswer, questionFor } from "@/lib/quiz/questions";
import { createRng } from "@/lib/quiz/rng";
import { buildQuestions } from "@/lib/quiz/session";
import { checkSpf, zoneResolver } from "@/lib/smtp/auth";

describe("email authentication questions", () => {
  it("every fact is a card with one right answer among four distinct choices, graded by checkAnswer", () => {
    const rng = createRng(3);
    for (const f of MAILAUTH_FACTS) {
      const q = questionFor(mailauthCardId(f.id), rng);
      expect(q.kind).toBe("mailauth");
      expect(q.topic).toBe("mailauth");
      if (q.format !== "choice") throw new Error("expected a choice question");
      const labels = q.choices.map((c) => c.label);
      expect(new Set(labels).size).toBe(4);
      expect(checkAnswer(q, { choice: q.answer })).toMatchObject({ correct: true });
      const wrong = q.choices.find((c) => c.id !== q.answer)!;
      expect(checkAnswer(q, { choice: wrong.id })).toMatchObject({
        correct: false,
        correctLabel: f.answer,
      });
      expect(checkAnswer(q, { typed: "25" })).toMatchObject({ status: "invalid" });
    }
  });

  it("asks about the DNS names and records, and counts under objective 4.5", () => {
    const all = allQuestions(createRng(1)).filter((q) => q.kind === "mailauth");
    expect(all).toHaveLength(MAILAUTH_FACTS.length);
    const text = all
      .map(
        (q) =>
          `${q.prompt} ${q.format === "choice" ? q.choices.map((c) => c.label).join(" ") : ""}`,
      )
      .join("\n");
    for (const name of ["_dmarc.example.com", "mail2026._domainkey.example.com", "v=spf1"])
      expect(text).toContain(name);
    expect(objectiveOf("mailauth")).toBe("4.5");
  });

  it("joins the Mail deck and the exam's pool", () => {
    const mail = deckCards("mail")!;
    expect(mail).toContain(mailauthCardId("dmarc-where"));
    const exam = buildQuestions(7, 400, { coreOnly: true });
    expect(exam.some((q) => q.kind === "mailauth")).toBe(true);
  });

  it("each 'which SPF result' answer is what the engine's SPF check returns", () => {
    const withCheck = MAILAUTH_FACTS.filter((f) => f.check);
    expect(withCheck.length).toBeGreaterThanOrEqual(3);
    for (const f of withCheck) {
      const c = f.check!;
      const zone = Object.fromEntries(
        Object.entries(c.txt).map(([name, txt]) => [name, { TXT: txt }]),
      );
      const r = checkSpf(
        { ip: c.ip, sender: c.sender, helo: "client.example", receiver: "mx.partner.example" },
        zoneResolver(zone),
      );
      expect(r.result, f.id).toBe(f.answer);
    }
  });
});
