/**
 * Email authentication inside the engine: signing at the sending relay, checks at the receiving
 * MX, the headers it adds, Junk, 550 5.7.1, DNS updates, forwarding. Every DKIM signature the
 * engine makes here is also verified by mailauth against the world's DNS.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorld, type EngineEvent, type World } from "@/lib/smtp";
import { parseAuthenticationResults, type Resolver } from "@/lib/smtp/auth";
import { oracleDkim } from "../auth/oracle";
import { runDemo } from "./demo-runner";
import { dialogue, specOf, worldOf } from "./helpers";

/** The world's DNS as a resolver for mailauth (each query is also a dns event, as for dig). */
function worldResolver(world: World): Resolver {
  return (name, type) => {
    const a = world.resolve(name, type, "mx.partner.example");
    if (a.status === "NXDOMAIN") return { status: "NXDOMAIN", answers: [] };
    return {
      status: "NOERROR",
      answers:
        a.type === "MX" ? a.answers.map((m) => `${m.preference} ${m.exchange}`) : a.answers.slice(),
    };
  };
}

const lines = (raw: string) => raw.replace(/\r\n$/, "").split("\r\n");
const of = <T extends EngineEvent["type"]>(w: World, t: T) =>
  w.events().filter((e): e is Extract<EngineEvent, { type: T }> => e.type === t);

/** Alice submits on 587 with STARTTLS and AUTH (the telecommuter-auth path). */
function submit(world: World, subject: string, body: string[]): string {
  const s = world.connect({ from: "pc.home.example", to: "mx.corp.example", port: 587 });
  s.send("EHLO pc.home.example");
  s.send("STARTTLS");
  s.startTls();
  s.send("EHLO pc.home.example");
  s.send("AUTH PLAIN AGFsaWNlAHMzY3JldC1hbGljZQ==");
  s.send("MAIL FROM:<alice@corp.example>");
  s.send("RCPT TO:<carol@partner.example>");
  s.send("DATA");
  for (const l of [
    "From: Alice <alice@corp.example>",
    "To: carol@partner.example",
    `Subject: ${subject}`,
    "",
    ...body,
  ])
    s.send(l.startsWith(".") ? "." + l : l);
  const r = s.send(".");
  s.send("QUIT");
  world.runUntilIdle();
  return r;
}

describe("RFC 6376: the sending relay signs, and mailauth verifies every signature", () => {
  it("signs mail from authenticated and mynetworks clients, and mailauth passes each one", async () => {
    const world = createWorld("telecommuter-auth");
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, " ")),
        fc.array(
          fc.string({ maxLength: 60 }).map((s) => s.replace(/[\r\n\0]/g, "")),
          { maxLength: 8 },
        ),
        (subject, body) => {
          expect(submit(world, subject || "hi", body)).toMatch(/^250 /);
        },
      ),
      { numRuns: 25 },
    );
    const signed = of(world, "dkimsign");
    expect(signed.length).toBe(25);
    const inbox = world.mailbox("carol@partner.example");
    expect(inbox).toHaveLength(25);
    const dns = worldResolver(world);
    for (const raw of inbox) {
      expect(raw).toMatch(/dkim=pass/);
      const verdicts = await oracleDkim(lines(raw), dns);
      expect(verdicts.map((v) => v.result)).toEqual(["pass"]);
    }
  }, 120_000);

  it("every signature in the three scenarios' demos: mailauth agrees with the MX's verdict", async () => {
    for (const id of ["spoofing", "telecommuter-auth", "forwarding"] as const) {
      const world = createWorld(id);
      runDemo(world, world.scenario);
      world.runUntilIdle();
      const dns = worldResolver(world);
      const seen = new Set<string>();
      const msgs = world
        .mailboxes()
        .flatMap((a) => [...world.mailbox(a), ...world.folder(a, "Junk")])
        .filter((m) => m.includes("DKIM-Signature:"));
      expect(msgs.length, id).toBeGreaterThan(0);
      for (const raw of msgs) {
        const theirs = await oracleDkim(lines(raw), dns);
        const ours = parseAuthenticationResults(
          /Authentication-Results: ([^]*?)\r\nReceived-SPF/.exec(raw)?.[1] ?? "",
        ).methods.filter((m) => m.method === "dkim");
        if (ours.length > 0)
          expect(
            theirs.map((t) => t.result === "pass"),
            id,
          ).toEqual(ours.map((o) => o.result === "pass"));
        else expect(theirs.map((t) => t.result)).toEqual(["pass"]); // delivered before any check
        seen.add(/b=([^;]*)$/m.exec(raw.replace(/\r\n\t/g, ""))?.[1] ?? "");
      }
      expect(seen.size, `${id}: one delivered copy per signature made`).toBe(
        of(world, "dkimsign").length,
      );
    }
  }, 120_000);

  it("does not sign mail from untrusted clients, or for domains without a key", () => {
    const world = createWorld("telecommuter-auth");
    const s = world.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    dialogue(s, [
      "EHLO pc.home.example",
      "MAIL FROM:<x@isp.example>",
      "RCPT TO:<carol@partner.example>",
      "DATA",
      "From: x@isp.example",
      "",
      "hi",
      ".",
      "QUIT",
    ]);
    world.runUntilIdle();
    expect(of(world, "dkimsign")).toEqual([]);
  });
});

describe("RFC 7489 + RFC 8601 at the receiving MX", () => {
  it("adds Authentication-Results and Received-SPF above its own Received:", () => {
    const world = createWorld("telecommuter-auth");
    submit(world, "Figures", ["See attached."]);
    const raw = world.mailbox("carol@partner.example")[0]!;
    const head = raw
      .split("\r\n\r\n")[0]!
      .split("\r\n")
      .filter((l) => !l.startsWith("\t"));
    const names = head.map((l) => l.slice(0, l.indexOf(":")));
    const ar = names.indexOf("Authentication-Results");
    expect(names.slice(ar, ar + 3)).toEqual(["Authentication-Results", "Received-SPF", "Received"]);
    const view = parseAuthenticationResults(
      /Authentication-Results: ([^]*?)\r\nReceived-SPF/.exec(raw)![1]!,
    );
    expect(view.authservId).toBe("mx.partner.example");
    expect(view.methods.map((m) => `${m.method}=${m.result}`)).toEqual([
      "spf=pass",
      "dkim=pass",
      "dmarc=pass",
    ]);
    expect(view.methods[0]!.props["smtp.mailfrom"]).toBe("alice@corp.example");
    expect(view.methods[1]!.props["header.d"]).toBe("corp.example");
    expect(view.methods[2]!.props["header.from"]).toBe("corp.example");
    expect(raw).toMatch(
      /Received-SPF: pass \(mx\.partner\.example: domain of alice@corp\.example designates 192\.0\.2\.25 as permitted sender\)\r\n\tclient-ip=192\.0\.2\.25;/,
    );
  });

  it("p=reject: 550 5.7.1 after DATA in OpenDMARC's words, and the relay bounces it", () => {
    const world = createWorld("telecommuter-auth");
    runDemo(world, { ...world.scenario, demo: world.scenario.demo.slice(0, 3) });
    world.runUntilIdle();
    const reply = of(world, "reply").find((e) => e.code === 550)!;
    expect(reply.text).toBe("550 5.7.1 rejected by DMARC policy for corp.example");
    expect(reply.client).toBe("mail.isp.example");
    const bounce = of(world, "bounced")[0]!;
    expect(bounce.reason).toMatch(
      /said: 550 5\.7\.1 rejected by DMARC policy for corp\.example \(in reply to end of DATA command\)/,
    );
    const spf = of(world, "spf")[0]!;
    expect(spf.explanation).toBe("SPF fail: 198.51.100.25 is not permitted by corp.example");
    expect(of(world, "dkim")[0]).toMatchObject({ result: "none" });
    expect(of(world, "dmarc")[0]).toMatchObject({
      result: "fail",
      policy: "reject",
      disposition: "reject",
      spfAligned: false,
      dkimAligned: false,
    });
    expect(world.mailbox("carol@partner.example")).toEqual([]);
  });

  it("p=quarantine: delivered to the Junk folder; the inbox stays clean", () => {
    const world = createWorld("forwarding");
    runDemo(world, world.scenario);
    world.runUntilIdle();
    const junk = world.folder("carol@partner.example", "Junk");
    expect(junk).toHaveLength(1);
    expect(junk[0]).toMatch(/Subject: \[team\] Agenda/);
    expect(junk[0]).toMatch(/dmarc=fail \(p=QUARANTINE dis=QUARANTINE\)/);
    expect(world.mailbox("carol@partner.example")).toHaveLength(1);
    expect(world.folder("carol@partner.example", "Inbox")).toEqual(
      world.mailbox("carol@partner.example"),
    );
    expect(
      of(world, "delivered")
        .filter((e) => e.folder === "Junk")
        .map((e) => e.mailbox),
    ).toEqual(["carol@partner.example"]);
  });

  it("forwarding keeps the envelope sender (SPF fails) and the signature (DKIM passes): DMARC passes", () => {
    const world = createWorld("forwarding");
    runDemo(world, world.scenario);
    world.runUntilIdle();
    const checks = of(world, "spf").map((e) => `${e.domain}:${e.result}`);
    expect(checks).toEqual(["corp.example:fail", "lists.example:pass"]);
    expect(of(world, "dkim").map((e) => `${e.domain}:${e.result}:${e.reason}`)).toEqual([
      "corp.example:pass:",
      "corp.example:fail:signature did not verify",
    ]);
    expect(of(world, "dmarc").map((e) => e.result)).toEqual(["pass", "fail"]);
  });

  it("RFC 8601 5: an Authentication-Results claiming to be the MX's own is removed", () => {
    const world = createWorld("spoofing");
    const s = world.connect({ from: "bulk.spammer.example", to: "mx.partner.example", port: 25 });
    dialogue(s, [
      "EHLO bulk.spammer.example",
      "MAIL FROM:<ceo@corp.example>",
      "RCPT TO:<victim@partner.example>",
      "DATA",
      "Authentication-Results: mx.partner.example; dmarc=pass header.from=corp.example",
      "Authentication-Results: elsewhere.example; spf=pass",
      "From: ceo@corp.example",
      "",
      "trust me",
      ".",
    ]);
    world.runUntilIdle();
    const raw = world.mailbox("victim@partner.example")[0]!;
    expect(raw.match(/Authentication-Results: mx\.partner\.example/g)).toHaveLength(1);
    expect(raw).not.toMatch(/dmarc=pass/);
    expect(raw).toMatch(/Authentication-Results: elsewhere\.example; spf=pass/);
  });

  it("trusts its own clients: mail from mynetworks or after AUTH is not checked", () => {
    const world = createWorld("spoofing");
    const s = world.connect({ from: "mx.partner.example", to: "localhost", port: 25 });
    dialogue(s, [
      "EHLO localhost",
      "MAIL FROM:<ceo@corp.example>",
      "RCPT TO:<victim@partner.example>",
      "DATA",
      "From: ceo@corp.example",
      "",
      "x",
      ".",
      "QUIT",
    ]);
    world.runUntilIdle();
    expect(of(world, "spf")).toEqual([]);
  });
});

describe("DNS updates and keys", () => {
  it("updateDns adds and deletes TXT records, logs them, and dig sees them", () => {
    const world = createWorld("spoofing");
    expect(world.resolve("corp.example", "TXT").answers).toEqual([]);
    expect(
      world.updateDns({ op: "add", name: "corp.example", type: "TXT", value: "v=spf1 mx -all" }),
    ).toEqual({ ok: true });
    expect(world.resolve("corp.example", "TXT")).toMatchObject({
      status: "NOERROR",
      answers: ["v=spf1 mx -all"],
    });
    expect(world.txtRecords()).toContainEqual({ name: "corp.example", value: "v=spf1 mx -all" });
    expect(world.updateDns({ op: "delete", name: "corp.example", type: "TXT" })).toEqual({
      ok: true,
    });
    expect(world.resolve("corp.example", "TXT").answers).toEqual([]);
    expect(of(world, "dnsupdate").map((e) => e.op)).toEqual(["add", "delete"]);
  });

  it("refuses updates to another organization's zone, names outside the world, and junk", () => {
    const world = createWorld("spoofing");
    const add = (name: string, from: string) =>
      world.updateDns({ op: "add", name, type: "TXT", value: "v=spf1 +all" }, from);
    expect(add("corp.example", "bulk.spammer.example")).toEqual({
      ok: false,
      error: "update failed: REFUSED",
    });
    expect(add("nowhere.test", "ws.corp.example")).toEqual({
      ok: false,
      error: "update failed: NOTZONE",
    });
    expect(world.updateDns(null as never).ok).toBe(false);
    expect(world.updateDns({ op: "add", name: "corp.example", type: "A" } as never).ok).toBe(false);
  });

  it("generateDkimKey makes a real key from the seeded generator: same world seed, same key", () => {
    const a = createWorld("spoofing").generateDkimKey("mx.corp.example", "corp.example", "mail");
    const b = createWorld("spoofing").generateDkimKey("mx.corp.example", "corp.example", "mail");
    const c = createWorld("spoofing", { seed: 2 }).generateDkimKey(
      "mx.corp.example",
      "corp.example",
      "mail",
    );
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.key.record).toBe(b.key.record);
    expect(a.key.record).not.toBe(c.key.record);
    expect(a.key.record).toMatch(/^v=DKIM1; k=ed25519; p=[A-Za-z0-9+/]{43}=$/);
  });

  it("a scenario DKIM key with publish: true is in DNS at selector._domainkey.domain", () => {
    const world = createWorld("telecommuter-auth");
    const [key] = world.dkimKeys("mx.corp.example");
    expect(world.resolve("mail._domainkey.corp.example", "TXT").answers).toEqual([key!.record]);
  });

  it("TXT lookups: NXDOMAIN for unknown names, NODATA for names that exist", () => {
    const spec = specOf("spoofing");
    const world = worldOf(spec);
    expect(world.resolve("nothing.example", "TXT").status).toBe("NXDOMAIN");
    expect(world.resolve("mx.corp.example", "TXT")).toMatchObject({
      status: "NOERROR",
      answers: [],
    });
  });
});
