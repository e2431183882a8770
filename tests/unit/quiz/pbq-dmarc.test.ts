/**
 * The "does DMARC pass?" PBQ: each case's header comes from the engine, and says what the case's
 * answer claims; grading accepts only the case's own verdict.
 */
import { describe, expect, it } from "vitest";
import { DMARC_CASES, dmarcQuestion, gradeDmarc, runDmarcCase } from "@/lib/quiz/pbq-dmarc";
import { createRng } from "@/lib/quiz/rng";
import { parseAuthenticationResults } from "@/lib/smtp/auth";

const results = (header: string[]) =>
  Object.fromEntries(
    parseAuthenticationResults(
      header.join(" ").replace(/^Authentication-Results:\s*/i, ""),
    ).methods.map((m) => [m.method, m]),
  );

describe("DMARC PBQ", () => {
  it("each case's engine-made header shows the verdict the case teaches", () => {
    for (const c of DMARC_CASES) {
      const run = runDmarcCase(c);
      expect(run.header[0], c.id).toBe("Authentication-Results: mx.partner.example;");
      const r = results(run.header);
      expect(r.dmarc?.result, c.id).toBe(c.pass ? "pass" : c.id === "no-policy" ? "none" : "fail");
      expect(r.dmarc?.props["header.from"]).toBe("corp.example");
      for (const [name, value] of c.records)
        expect(run.records).toContain(`${name}.  TXT  "${value}"`);
    }
    const byId = (id: string) =>
      results(runDmarcCase(DMARC_CASES.find((c) => c.id === id)!).header);
    expect(byId("misaligned-envelope").spf).toMatchObject({
      result: "pass",
      props: { "smtp.mailfrom": "bounces@spammer.example" },
    });
    expect(byId("spoof-monitor").dmarc?.comment).toBe("p=NONE dis=NONE");
    expect(byId("spoof-quarantine").dmarc?.comment).toBe("p=QUARANTINE dis=QUARANTINE");
  });

  it("asks one case with four distinct verdicts and grades only its own as right", () => {
    const q = dmarcQuestion(createRng(5), "spf-aligned");
    expect(q.case.id).toBe("spf-aligned");
    expect(q.choices).toHaveLength(4);
    expect(new Set(q.choices.map((c) => c.label)).size).toBe(4);
    expect(q.choices.map((c) => c.id)).toContain("spf-aligned");
    expect(gradeDmarc(q, "spf-aligned")).toBe(true);
    for (const c of q.choices.filter((x) => x.id !== "spf-aligned"))
      expect(gradeDmarc(q, c.id)).toBe(false);
    expect(gradeDmarc(q, "nonsense")).toBe(false);
  });

  it("the same seed gives the same question; an unknown id falls back to a real case", () => {
    expect(dmarcQuestion(createRng(9)).choices).toEqual(dmarcQuestion(createRng(9)).choices);
    expect(DMARC_CASES.map((c) => c.id)).toContain(dmarcQuestion(createRng(1), "zzz").case.id);
  });
});
