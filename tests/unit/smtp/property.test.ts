import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VERBS as SMTP_VERBS } from "@/lib/smtp/parse";
import {
  createWorld,
  encodeBase64,
  SCENARIO_IDS,
  type Session,
  type SessionState,
} from "@/lib/smtp";

const STATES: ReadonlySet<SessionState> = new Set([
  "tls-wait",
  "init",
  "ready",
  "mail",
  "rcpt",
  "data",
  "auth",
  "tls-handshake",
  "closed",
]);

const VERBS = [...SMTP_VERBS, "EXPN"];

const address = fc.oneof(
  fc.constantFrom(
    "bob@corp.example",
    "you@isp.example",
    "alice@corp.example",
    "carol@partner.example",
    "victim%partner.example@corp.example",
    "Postmaster",
    "",
    "nobody@corp.example",
    "x@nowhere.example",
  ),
  fc.string({ maxLength: 30 }),
);

const smtpLine = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "EHLO pc.home.example",
      "HELO pc.home.example",
      "DATA",
      ".",
      "..",
      "",
      "RSET",
      "NOOP",
      "QUIT",
      "STARTTLS",
      "AUTH PLAIN",
      "AUTH LOGIN",
      `AUTH PLAIN ${encodeBase64("\0alice\0s3cret-alice")}`,
      `AUTH PLAIN ${encodeBase64("\0you\0correct-horse")}`,
      encodeBase64("alice"),
      encodeBase64("s3cret-alice"),
      "*",
      "HELP",
      "VRFY bob",
      "ETRN corp.example",
      "Subject: hi",
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        address,
        fc.constantFrom("", " SIZE=100", " BODY=8BITMIME", " FOO=1", " SIZE=x", " NOTIFY=NEVER"),
      )
      .map(([a, p]) => `MAIL FROM:<${a}>${p}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(address, fc.constantFrom("", " NOTIFY=SUCCESS", " X"))
      .map(([a, p]) => `RCPT TO:<${a}>${p}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...VERBS), fc.string({ maxLength: 40 }), fc.boolean())
      .map(([v, a, lower]) => `${lower ? v.toLowerCase() : v} ${a}`),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom("EHLO a.example", "MAIL FROM:<a@b.example>", "x", "."), {
        maxLength: 4,
      })
      .map((ls) => ls.join("\r\n")),
  },
);

type Action =
  | { kind: "line"; line: string }
  | { kind: "starttls" }
  | { kind: "close" }
  | { kind: "run"; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 12, arbitrary: smtpLine.map((line) => ({ kind: "line" as const, line })) },
  { weight: 1, arbitrary: fc.constant({ kind: "starttls" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "close" as const }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 7 * 86_400_000 })
      .map((ms) => ({ kind: "run" as const, ms })),
  },
);

/** Connections that reach a server (every MTA port of every scenario), from the learner's host. */
const REACHABLE = SCENARIO_IDS.flatMap((scenario) => {
  const w = createWorld(scenario);
  return w
    .hosts()
    .flatMap((h) =>
      h.ports.map((port) => ({ scenario, from: w.scenario.learner.host, to: h.name, port })),
    );
});

const target = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...REACHABLE), fc.boolean())
      .map(([r, tls]) => ({ ...r, tls: tls && r.port === 465 })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      scenario: fc.constantFrom(...SCENARIO_IDS),
      from: fc.constantFrom(
        "pc.home.example",
        "ws.corp.example",
        "bulk.spammer.example",
        "nope.example",
      ),
      to: fc.constantFrom(
        "mail.isp.example",
        "mx.corp.example",
        "192.0.2.25",
        "pc.home.example",
        "bad name",
      ),
      port: fc.constantFrom(25, 587, 465, 110, 0),
      tls: fc.boolean(),
    }),
  },
);

/** A reply exactly as on the wire: NNN-text lines, then one NNN text line, CRLF between. */
function expectWellFormed(reply: string): void {
  const lines = reply.split("\r\n");
  const code = lines[0]!.slice(0, 3);
  lines.forEach((l, i) => {
    expect(l, reply).toMatch(/^[2-5][0-9][0-9][ -]/);
    expect(l.slice(0, 3), reply).toBe(code);
    expect(l.charAt(3), reply).toBe(i === lines.length - 1 ? " " : "-");
    expect(l, reply).not.toMatch(/[\r\n]/);
  });
}

function checkInvariants(s: Session, seen: { auth: boolean; tls: boolean }): void {
  expect(STATES.has(s.state)).toBe(true);
  expect(s.closed).toBe(s.state === "closed");
  expect(s.inData).toBe(s.state === "data");
  if (s.authenticatedAs !== null) expect(seen.auth).toBe(true);
  if (s.tls) expect(seen.tls).toBe(true);
  if (s.closed) expect(s.send("NOOP")).toBe("");
}

describe("fuzzing the server with arbitrary lines and sequences", () => {
  it("never throws, always answers well-formed replies, and keeps its invariants", () => {
    fc.assert(
      fc.property(target, fc.array(action, { maxLength: 40 }), (t, actions) => {
        const world = createWorld(t.scenario, { seed: 3 });
        const s = world.connect({ from: t.from, to: t.to, port: t.port, tls: t.tls });
        const seen = { auth: false, tls: s.tls };
        if (s.greeting !== "") expectWellFormed(s.greeting);
        checkInvariants(s, seen);
        for (const a of actions) {
          if (a.kind === "line") {
            const before = s.state;
            const reply = s.send(a.line);
            if (reply !== "") {
              expectWellFormed(reply.split(/\r\n(?=[2-5]\d\d )/).slice(-1)[0]!);
              for (const part of reply.split(/(?<=^[2-5]\d\d [^\r\n]*)\r\n/m))
                expectWellFormed(part);
              if (/^235 /m.test(reply)) seen.auth = true;
            }
            const single = !/[\r\n]/.test(a.line);
            if (
              single &&
              (before === "init" || before === "ready" || before === "mail" || before === "rcpt")
            ) {
              // A command in a command state always gets exactly one reply.
              expect(reply).not.toBe("");
            }
            if (single && before === "data" && a.line !== ".") expect(reply).toBe("");
          } else if (a.kind === "starttls") {
            if (s.startTls().ok) seen.tls = true;
          } else if (a.kind === "close") {
            s.close();
          } else {
            world.runUntil(world.now() + a.ms);
          }
          checkInvariants(s, seen);
        }
        world.runUntilIdle();
        const events = world.events();
        for (let i = 1; i < events.length; i++) {
          expect(events[i]!.seq).toBe(events[i - 1]!.seq + 1);
          expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
        }
        for (const e of events) if (e.type === "reply") expectWellFormed(e.text);
      }),
      { numRuns: 400 },
    );
  });

  it("survives any input to every public entry point", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.string(), (a, b, c) => {
        const w = createWorld(a as string);
        const world = w.ok ? w : createWorld("isp-relay");
        expect(() => {
          world.connect(b as never);
          world.mailbox(c);
          world.queue(c);
          world.postconf(c);
          world.setPostconf(c, c, c);
          world.resolve(c, "MX");
          world.resolve(c, "A");
          world.host(c);
        }).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
