/**
 * Every explanation the question bank generates is checked against the port data (and, for
 * numbers a tip quotes from the registry, against /etc/services): no transport, port, name or
 * "wrong" choice that the data contradicts.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PORTS, type PortEntry } from "@/content/ports";
import { allQuestions, type Question } from "@/lib/quiz/questions";
import { getCard } from "@/lib/quiz/cards";
import { createRng } from "@/lib/quiz/rng";

const inData = new Set(
  PORTS.flatMap((e) => e.ports.flatMap((p) => p.transports.map((t) => `${p.number}/${t}`))),
);
const inRegistry = new Set(
  existsSync("/etc/services")
    ? readFileSync("/etc/services", "utf8")
        .split("\n")
        .map((l) => l.replace(/#.*/, "").trim().split(/\s+/)[1])
        .filter((x): x is string => Boolean(x))
    : [],
);

const questions: Question[] = [1, 2, 3, 4, 5].flatMap((seed) => allQuestions(createRng(seed)));
const entry = (id: string) => PORTS.find((e) => e.id === id) as PortEntry;
const sharesPort = (a: PortEntry, b: PortEntry) =>
  a.ports.some((p) => b.ports.some((q) => q.number === p.number));

describe("generated explanations agree with the port data", () => {
  it("there are questions of every port kind to check", () => {
    const kinds = new Set(questions.map((q) => q.kind));
    for (const k of ["port-to-protocol", "protocol-to-port", "transport", "secure", "scenario"])
      expect(kinds.has(k as Question["kind"]), k).toBe(true);
  });

  it('every "TCP/UDP N" an explanation names is in the data or the registry', () => {
    for (const q of questions) {
      for (const m of q.explanation.matchAll(
        /\b(TCP|UDP)(?: (?:and|or) (TCP|UDP))? (\d{1,5})\b/g,
      )) {
        for (const t of [m[1], m[2]].filter(Boolean)) {
          const key = `${m[3]}/${t!.toLowerCase()}`;
          expect(inData.has(key) || inRegistry.has(key), `${q.id}: "${m[0]}"`).toBe(true);
        }
      }
    }
  });

  it("a transport question's explanation never names a transport its answer leaves out", () => {
    for (const q of questions.filter((x) => x.kind === "transport")) {
      const card = getCard(q.cardId);
      if (card?.type !== "port") continue;
      const n = card.port.number;
      for (const m of q.explanation.matchAll(new RegExp(`\\b(TCP|UDP) ${n}\\b`, "g")))
        expect(card.port.transports, `${q.id}: "${m[0]}"`).toContain(m[1]!.toLowerCase());
    }
  });

  it("the name in \"IANA's registry calls it\" is the port's name in the data", () => {
    for (const q of questions) {
      const m = /registry calls it "([^"]+)"/.exec(q.explanation);
      if (!m) continue;
      const card = getCard(q.cardId);
      expect(card?.type === "port" ? card.port.iana : null, q.id).toBe(m[1]);
    }
  });

  it("a secure-replacement question's wrong choices share no port with a right answer", () => {
    for (const q of questions.filter((x) => x.kind === "secure")) {
      if (q.format !== "choice") continue;
      const card = getCard(q.cardId);
      if (card?.type !== "port") continue;
      const right = (card.entry.secure ?? []).map(entry);
      expect(right.map((e) => e.id)).toContain(q.answer);
      for (const c of q.choices.filter((x) => x.id !== q.answer)) {
        for (const r of right)
          expect(sharesPort(entry(c.id), r), `${q.id}: ${c.label} vs ${r.protocol}`).toBe(false);
      }
      // The numbers the explanation gives are the answer's own ports.
      const answer = entry(q.answer);
      const m = /^[^:]+ on ([\d/]+):/.exec(q.explanation);
      expect(m?.[1], q.id).toBe(answer.ports.map((p) => p.number).join("/"));
    }
  });

  it("no question offers 465 as the secure replacement for SMTP relay on 25", () => {
    expect(questions.some((q) => /secure replacement for SMTP \(25\)/.test(q.prompt))).toBe(false);
  });

  it("a port question's explanation states the answer's own port", () => {
    for (const q of questions) {
      if (!["port-to-protocol", "protocol-to-port", "transport"].includes(q.kind)) continue;
      const card = getCard(q.cardId);
      if (card?.type !== "port") continue;
      expect(q.explanation, q.id).toContain(String(card.port.number));
    }
  });
});
