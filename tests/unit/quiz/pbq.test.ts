import { describe, expect, it } from "vitest";
import { PORTS } from "@/content/ports";
import {
  buildMatch,
  createRng,
  gradeMatch,
  gradeNetwork,
  NETWORK_LINKS,
  NETWORK_OPTIONS,
} from "@/lib/quiz";
import { runTranscript, TRANSCRIPT_CASES, transcriptQuestion } from "@/lib/quiz/pbq-transcript";

describe("match protocols to ports", () => {
  it("offers distinct ports, each the protocol's own, and grades each row", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const m = buildMatch(createRng(seed));
      expect(m.items).toHaveLength(6);
      expect(new Set(m.ports).size).toBe(6);
      expect([...m.ports].sort()).toEqual(m.items.map((i) => i.port).sort());
      for (const it of m.items) {
        const owners = PORTS.filter(
          (e) => !e.runsOver && e.ports.some((p) => p.number === it.port),
        );
        expect(owners.map((e) => e.id)).toEqual([it.id]);
      }
    }
    const m = buildMatch(createRng(5));
    const right = Object.fromEntries(m.items.map((i) => [i.id, i.port]));
    expect(gradeMatch(m, right).correct).toBe(6);
    const [a, b] = m.items;
    const swapped = { ...right, [a!.id]: b!.port, [b!.id]: a!.port };
    expect(gradeMatch(m, swapped).correct).toBe(4);
    expect(gradeMatch(m, {}).correct).toBe(0);
  });
});

describe("replace the insecure protocols", () => {
  it("every accepted answer is an option, and only the right choices score", () => {
    const ids = NETWORK_OPTIONS.map((o) => o.id);
    for (const l of NETWORK_LINKS) for (const a of l.accept) expect(ids).toContain(a);
    const right = Object.fromEntries(NETWORK_LINKS.map((l) => [l.id, l.accept[0]!]));
    expect(gradeNetwork(right).correct).toBe(NETWORK_LINKS.length);
    const allKept = Object.fromEntries(NETWORK_LINKS.map((l) => [l.id, "keep"]));
    // Keeping everything is right only for SMTP relay between MX hosts.
    expect(
      gradeNetwork(allKept)
        .rows.filter((r) => r.ok)
        .map((r) => r.link.id),
    ).toEqual(["mail-internet"]);
  });
});

describe("transcripts made by the engine", () => {
  const reply: Record<string, RegExp> = {
    "relay-denied": /^554 5\.7\.1 <bob@partner\.example>: Relay access denied$/,
    "starttls-first": /^530 5\.7\.0 /,
    "auth-failed": /^535 5\.7\.8 /,
    "bad-sequence": /^503 5\.5\.1 /,
  };

  it.each(TRANSCRIPT_CASES.map((c) => [c.id, c] as const))(
    "%s goes wrong as described",
    (id, c) => {
      const lines = runTranscript(c);
      expect(lines[0]).toEqual({ who: "note", text: `$ telnet ${c.to} ${c.port}` });
      if (id === "port-blocked") {
        expect(lines.at(-1)).toEqual({ who: "note", text: "telnet: Connection timed out" });
        return;
      }
      expect(lines[1]?.text).toMatch(/^220 mx\.corp\.example ESMTP/);
      expect(lines.some((l) => l.who === "S" && reply[id]!.test(l.text))).toBe(true);
      // Nothing past the failure succeeds by accident: no 250 after the error reply.
      const err = lines.findIndex((l) => l.who === "S" && reply[id]!.test(l.text));
      expect(
        lines.slice(err + 1).some((l) => l.who === "S" && l.text.startsWith("250 2.1.5")),
      ).toBe(false);
    },
  );

  it("asks with the case's diagnosis among four distinct choices", () => {
    const q = transcriptQuestion(createRng(9), "auth-failed");
    expect(q.case.id).toBe("auth-failed");
    expect(q.choices).toHaveLength(4);
    expect(q.choices.map((c) => c.id)).toContain("auth-failed");
    expect(new Set(q.choices.map((c) => c.label)).size).toBe(4);
  });
});
