import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkTypedPort, parsePortAnswer } from "@/lib/quiz";

const SMTP = { port: 25, transports: ["tcp"] as const };
const DNS = { port: 53, transports: ["tcp", "udp"] as const };

describe("parsePortAnswer", () => {
  it.each([
    "25",
    " 25 ",
    "tcp/25",
    "25/tcp",
    "TCP/25",
    "25/TCP",
    "tcp 25",
    "25 tcp",
    "port 25",
    "Port 25 (TCP)",
    "tcp:25",
    "25tcp",
    "TCP port 25",
    "25 / tcp",
  ])("accepts %j as 25", (text) => {
    const r = parsePortAnswer(text);
    expect(r.ok && r.port).toBe(25);
  });

  it.each(["", "   ", "smtp", "twenty-five", "25 26", "0", "70000", "20-21", "25/sctp"])(
    "rejects %j with a message",
    (text) => {
      const r = parsePortAnswer(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    },
  );

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parsePortAnswer(s);
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });
});

describe("checkTypedPort", () => {
  it("accepts the number with or without the right transport", () => {
    for (const t of ["25", "tcp/25", "25/TCP"])
      expect(checkTypedPort(t, SMTP)).toMatchObject({ correct: true });
    for (const t of ["53", "udp/53", "53/tcp", "53 tcp/udp"])
      expect(checkTypedPort(t, DNS)).toMatchObject({ correct: true });
  });

  it("rejects a wrong number and a wrong transport, saying which", () => {
    expect(checkTypedPort("587", SMTP)).toMatchObject({ correct: false });
    const v = checkTypedPort("udp/25", SMTP);
    expect(v).toMatchObject({ correct: false });
    expect("note" in v && v.note).toMatch(/transport/);
  });

  it("treats gibberish as invalid (ask again), not wrong", () => {
    expect(checkTypedPort("smtp", SMTP)).toHaveProperty("invalid");
  });
});
