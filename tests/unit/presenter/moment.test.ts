import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeMoment,
  decodeTyped,
  encodeMoment,
  encodeTyped,
  MAX_TYPED_LINES,
  type DemoCatalog,
} from "@/lib/site/moment";

const catalog: DemoCatalog = {
  scenarios: [
    { id: "isp-relay", steps: 6 },
    { id: "open-relay", steps: 8 },
  ],
};

describe("encodeMoment / decodeMoment", () => {
  it("round-trips a scenario, a step and typed lines (with blank DATA lines and Unicode)", () => {
    const m = {
      scenario: "open-relay",
      step: 3,
      typed: ["telnet mx.corp.example 25", "", "Grüße, Bob ✉", "."],
    };
    const q = encodeMoment(m);
    expect(q).toMatch(/^scenario=open-relay&step=3&typed=[A-Za-z0-9_-]+$/);
    expect(decodeMoment(q, catalog)).toEqual({ ok: true, moment: m });
  });

  it("leaves step 0 and an empty typed list out of the link", () => {
    expect(encodeMoment({ scenario: "isp-relay", step: 0, typed: [] })).toBe("scenario=isp-relay");
  });

  it("opens the first scenario at step 0 when the link names nothing", () => {
    expect(decodeMoment("", catalog)).toEqual({
      ok: true,
      moment: { scenario: "isp-relay", step: 0, typed: [] },
    });
  });

  it("accepts the last step and refuses one past it", () => {
    expect(decodeMoment("scenario=isp-relay&step=6", catalog).ok).toBe(true);
    const r = decodeMoment("scenario=isp-relay&step=7", catalog);
    expect(r).toMatchObject({ ok: false, moment: { scenario: "isp-relay", step: 0, typed: [] } });
    if (!r.ok) expect(r.error).toContain("steps 1 to 6");
  });

  it.each([["-1"], ["2.5"], ["four"], [""], ["99999"]])(
    "falls back to the plain scenario for step=%j",
    (step) => {
      const r = decodeMoment(`scenario=open-relay&step=${encodeURIComponent(step)}`, catalog);
      expect(r).toMatchObject({ ok: false, moment: { scenario: "open-relay", step: 0 } });
    },
  );

  it("names an unknown scenario and shows the first one instead", () => {
    const r = decodeMoment("scenario=nope&step=2", catalog);
    expect(r.ok).toBe(false);
    expect(r.moment).toEqual({ scenario: "isp-relay", step: 0, typed: [] });
    if (!r.ok) expect(r.error).toMatch(/no scenario called “nope”/);
  });

  it("reports a damaged typed parameter and keeps the scenario", () => {
    const r = decodeMoment("scenario=open-relay&step=2&typed=***", catalog);
    expect(r).toMatchObject({ ok: false, moment: { scenario: "open-relay", step: 0, typed: [] } });
    if (!r.ok) expect(r.error).toMatch(/damaged/);
  });

  it("never throws and always returns a known scenario, whatever the query", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (s, st, t) => {
        const p = new URLSearchParams({ scenario: s, step: st, typed: t });
        const r = decodeMoment(p, catalog);
        expect(catalog.scenarios.map((c) => c.id)).toContain(r.moment.scenario);
        expect(r.moment.step).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("round-trips any typed lines without newlines or control characters", () => {
    const line = fc
      .string({ unit: "grapheme", maxLength: 60 })
      .filter((l) => !/[\0-\x08\x0a-\x1f\x7f-\x9f]/.test(l));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        expect(decodeTyped(encodeTyped(lines))).toEqual({ ok: true, lines });
      }),
    );
  });
});

describe("decodeTyped", () => {
  it("refuses invalid UTF-8", () => {
    // 0xff 0xfe is not UTF-8
    expect(decodeTyped("__4").ok).toBe(false);
    // "A" as an overlong two-byte sequence (0xc1 0x81)
    expect(decodeTyped("wYEK").ok).toBe(false);
  });

  it("keeps a typed U+FFFD, which is valid text, apart from invalid bytes", () => {
    expect(decodeTyped(encodeTyped(["\ufffd", "a\ufffdb"]))).toEqual({
      ok: true,
      lines: ["\ufffd", "a\ufffdb"],
    });
  });

  it("refuses control characters and oversized lists", () => {
    expect(decodeTyped(encodeTyped(["a\x1b[2Jb"])).ok).toBe(false);
    // C1: an 8-bit CSI and an 8-bit OSC 8 hyperlink
    expect(decodeTyped(encodeTyped(["echo \u009b2J"])).ok).toBe(false);
    expect(decodeTyped(encodeTyped(["echo \u009d8;;https://x.example/\u009cx"])).ok).toBe(false);
    expect(decodeTyped(encodeTyped(Array(MAX_TYPED_LINES + 1).fill("x"))).ok).toBe(false);
  });

  it("uses only URL-safe characters", () => {
    expect(encodeTyped(["???>>>", "ÿÿÿ"])).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
