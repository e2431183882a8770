import { describe, expect, it } from "vitest";
import { createWorld, formatMailq, type EngineEvent, type World } from "@/lib/smtp";
import { receivedChain } from "./demo-runner";
import { sendMessage, specOf, worldOf } from "./helpers";

const DAY = 86_400_000;

function ofType<T extends EngineEvent["type"]>(
  w: World,
  type: T,
): Extract<EngineEvent, { type: T }>[] {
  return w.events().filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}

describe("relaying through the queue", () => {
  it("the relay resolves MX, speaks SMTP as a client, and every line is an event", () => {
    const w = createWorld("isp-relay");
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    expect(w.queue("mail.isp.example")).toHaveLength(1);
    w.runUntilIdle();
    expect(w.queue("mail.isp.example")).toEqual([]);
    const dns = ofType(w, "dns").filter((e) => e.host === "mail.isp.example");
    expect(dns.map((d) => `${d.rrtype} ${d.name} ${d.answers.join(",")}`)).toEqual([
      "MX corp.example 10 mx.corp.example.",
      "A mx.corp.example 192.0.2.25",
    ]);
    const relaySession = ofType(w, "connect").find((c) => c.client === "mail.isp.example")!;
    const lines = ofType(w, "command")
      .filter((c) => c.session === relaySession.session)
      .map((c) => c.line);
    expect(lines.slice(0, 3)).toEqual([
      "EHLO mail.isp.example",
      "STARTTLS",
      "EHLO mail.isp.example",
    ]);
    // The relay declares the size of the message as queued (with its own Received: header).
    expect(lines[3]).toMatch(/^MAIL FROM:<you@isp\.example> SIZE=\d+$/);
    expect(lines.slice(4, 6)).toEqual(["RCPT TO:<bob@corp.example>", "DATA"]);
    expect(lines[lines.length - 1]).toBe("QUIT");
    const hop = ofType(w, "hop")[0]!;
    expect(hop).toMatchObject({
      host: "mail.isp.example",
      to: "mx.corp.example",
      recipients: ["bob@corp.example"],
    });
    const delivered = ofType(w, "delivered")[0]!;
    expect(delivered).toMatchObject({
      host: "mx.corp.example",
      mailbox: "bob@corp.example",
      queueId: hop.nextQueueId,
    });
    const [msg] = w.mailbox("bob@corp.example");
    expect(
      msg!.startsWith(
        "Return-Path: <you@isp.example>\r\nX-Original-To: bob@corp.example\r\nDelivered-To: bob@corp.example\r\nReceived: from mail.isp.example",
      ),
    ).toBe(true);
  });

  it("one message for two domains makes one hop each; with two recipients Received has no 'for'", () => {
    const w = createWorld("isp-relay");
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example", "you@isp.example"] });
    w.runUntilIdle();
    expect(w.mailbox("bob@corp.example")).toHaveLength(1);
    const [own] = w.mailbox("you@isp.example");
    expect(own).toMatch(
      /\tby mail\.isp\.example \(Postfix\) with ESMTP id [0-9A-F]{11};\r\n\tSat, 28 Nov 2026/,
    );
    expect(ofType(w, "hop")).toHaveLength(1);
  });

  it("a percent-hack address that a trusted client may relay leaves rewritten", () => {
    const w = createWorld("isp-relay");
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob%corp.example@isp.example"] });
    w.runUntilIdle();
    expect(w.mailbox("bob@corp.example")).toHaveLength(1);
  });
});

describe("bounces (DSN)", () => {
  it("a 550 from the MX bounces a DSN from MAILER-DAEMON with the null sender", () => {
    const w = createWorld("isp-relay");
    sendMessage(w, { sender: "you@isp.example", rcpts: ["nobody@corp.example"] });
    w.runUntilIdle();
    const bounced = ofType(w, "bounced")[0]!;
    expect(bounced.recipients).toEqual(["nobody@corp.example"]);
    expect(bounced.dsnQueueId).toMatch(/^[0-9A-F]{11}$/);
    const dsnQueued = ofType(w, "queued").find((q) => q.queueId === bounced.dsnQueueId)!;
    expect(dsnQueued.sender).toBe("");
    const [dsn] = w.mailbox("you@isp.example");
    expect(dsn).toContain("Return-Path: <>\r\n");
    expect(dsn).toContain("From: MAILER-DAEMON@mail.isp.example (Mail Delivery System)\r\n");
    expect(dsn).toContain("Subject: Undelivered Mail Returned to Sender\r\n");
    expect(dsn).toContain("Content-Type: multipart/report; report-type=delivery-status;");
    expect(dsn).toContain(
      "<nobody@corp.example>: host mx.corp.example[192.0.2.25] said: 550 5.1.1 <nobody@corp.example>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)",
    );
    expect(dsn).toContain("Status: 5.1.1\r\n");
    expect(dsn).toContain("Remote-MTA: dns; mx.corp.example\r\n");
    expect(dsn).toContain("Final-Recipient: rfc822; nobody@corp.example\r\n");
  });

  it("an unknown domain bounces with 5.4.4", () => {
    const w = createWorld("isp-relay");
    sendMessage(w, { sender: "you@isp.example", rcpts: ["x@nowhere.example"] });
    w.runUntilIdle();
    const [dsn] = w.mailbox("you@isp.example");
    expect(dsn).toContain(
      "<x@nowhere.example>: Host or domain name not found. Name service error for name=nowhere.example type=MX: Host not found",
    );
    expect(dsn).toContain("Status: 5.4.4");
  });

  it("a bounce that cannot be delivered is not bounced again", () => {
    const w = createWorld("isp-relay");
    sendMessage(w, { sender: "ghost@nowhere.example", rcpts: ["nobody@corp.example"] });
    w.runUntilIdle();
    const bounces = ofType(w, "bounced");
    expect(bounces).toHaveLength(2);
    expect(bounces[1]!.recipients).toEqual(["ghost@nowhere.example"]);
    expect(bounces[1]!.dsnQueueId).toBeNull();
    expect(w.queue("mail.isp.example")).toEqual([]);
  });
});

describe("faults, deferrals and retries", () => {
  it("a busy MX (421 at greeting) defers; retries back off 300 s, 600 s; then delivers", () => {
    const spec = specOf("isp-relay");
    spec.faults = [{ kind: "busy", host: "mx.corp.example", code: 421, times: 2 }];
    const w = worldOf(spec);
    const start = w.now();
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntil(start + 60_000);
    const q = w.queue("mail.isp.example");
    expect(q).toHaveLength(1);
    expect(q[0]!.status).toBe("deferred");
    expect(q[0]!.recipients[0]!.reason).toBe(
      "host mx.corp.example[192.0.2.25] refused to talk to me: 421 4.3.2 All server ports are busy",
    );
    w.runUntilIdle();
    const deferred = ofType(w, "deferred");
    expect(deferred).toHaveLength(2);
    expect(deferred[0]!.retryAt - deferred[0]!.t).toBe(300_000);
    expect(deferred[1]!.retryAt - deferred[1]!.t).toBe(600_000);
    expect(w.mailbox("bob@corp.example")).toHaveLength(1);
    expect(ofType(w, "bounced")).toEqual([]);
  });

  it("450 at RCPT defers, and the retry succeeds", () => {
    const spec = specOf("isp-relay");
    spec.faults = [{ kind: "busy", host: "mx.corp.example", code: 450, times: 1 }];
    const w = worldOf(spec);
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntilIdle();
    expect(ofType(w, "deferred")[0]!.reason).toBe(
      "host mx.corp.example[192.0.2.25] said: 450 4.7.1 <bob@corp.example>: Recipient address rejected: Service is busy, try again later (in reply to RCPT TO command)",
    );
    expect(w.mailbox("bob@corp.example")).toHaveLength(1);
  });

  it("a full mailbox: 552 after DATA at the MX, and a bounce with 5.2.2", () => {
    const spec = specOf("isp-relay");
    spec.faults = [{ kind: "mailbox-full", address: "bob@corp.example" }];
    const w = worldOf(spec);
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntilIdle();
    const reply = ofType(w, "reply").find((r) => r.code === 552)!;
    expect(reply.text).toBe("552 5.2.2 <bob@corp.example>: Mailbox full");
    const [dsn] = w.mailbox("you@isp.example");
    expect(dsn).toContain("Status: 5.2.2");
    expect(w.mailbox("bob@corp.example")).toEqual([]);
  });

  it("a dropped link to the primary MX falls back to the backup MX, which relays on", () => {
    const spec = specOf("isp-relay");
    spec.hosts.push({
      name: "mx2.corp.example",
      ip: "192.0.2.26",
      network: "corp-dmz",
      role: "mx",
      label: "backup MX",
      mta: {
        postconf: {
          mynetworks: "127.0.0.0/8",
          relay_domains: "corp.example",
          smtpd_relay_restrictions: "permit_mynetworks, reject_unauth_destination",
        },
        services: [{ port: 25, name: "smtp", overrides: {} }],
      },
    });
    spec.mx = [
      ...(spec.mx ?? []),
      { domain: "corp.example", host: "mx2.corp.example", preference: 20 },
    ];
    spec.faults = [
      { kind: "link-drop", from: "mail.isp.example", to: "mx.corp.example", times: 1 },
    ];
    const w = worldOf(spec);
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntilIdle();
    expect(ofType(w, "refused")[0]).toMatchObject({
      client: "mail.isp.example",
      server: "mx.corp.example",
      error: "Connection timed out",
    });
    const [msg] = w.mailbox("bob@corp.example");
    expect(receivedChain(msg!)).toEqual([
      "mail.isp.example",
      "mx2.corp.example",
      "mx.corp.example",
    ]);
  });

  it("a firewall that blocks outbound 25 keeps mail deferred until it expires after 5 days", () => {
    const w = createWorld("mail-firewall");
    const start = w.now();
    sendMessage(w, {
      client: "ws.corp.example",
      server: "mx.corp.example",
      sender: "admin@corp.example",
      rcpts: ["carol@partner.example"],
    });
    w.runUntil(start + DAY);
    expect(w.queue("mx.corp.example")[0]!.recipients[0]!.reason).toBe(
      "connect to mx.partner.example[198.51.100.40]:25: Connection timed out",
    );
    w.runUntilIdle();
    const deferred = ofType(w, "deferred");
    expect(deferred.length).toBeGreaterThan(100);
    // Back-off grows to maximal_backoff_time (4000 s) and no further.
    expect(Math.max(...deferred.map((d) => d.retryAt - d.t))).toBe(4_000_000);
    const bounced = ofType(w, "bounced")[0]!;
    expect(bounced.t - start).toBeGreaterThanOrEqual(5 * DAY);
    const [dsn] = w.mailbox("admin@corp.example");
    expect(dsn).toContain("Status: 4.4.7");
    expect(dsn).toContain(
      "delivery temporarily suspended: connect to mx.partner.example[198.51.100.40]:25: Connection timed out",
    );
  });

  it("ETRN flushes the deferred queue now", () => {
    const spec = specOf("isp-relay");
    spec.faults = [{ kind: "busy", host: "mx.corp.example", code: 421, times: 1 }];
    const w = worldOf(spec);
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntil(w.now() + 5_000);
    expect(w.mailbox("bob@corp.example")).toEqual([]);
    const s = w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    s.send("EHLO pc.home.example");
    expect(s.send("ETRN corp.example")).toBe("250 Queuing started");
    w.runUntil(w.now() + 5_000);
    expect(w.mailbox("bob@corp.example")).toHaveLength(1);
  });
});

describe("the world API", () => {
  it("is deterministic for a seed, and the seed changes queue ids", () => {
    const run = (seed: number): string => {
      const w = createWorld("isp-relay", { seed });
      sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
      w.runUntilIdle();
      return JSON.stringify(w.events());
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  it("subscribe returns a disposer; a throwing listener does not break the world", () => {
    const w = createWorld("isp-relay");
    const seen: string[] = [];
    const dispose = w.subscribe((e) => seen.push(e.type));
    w.subscribe(() => {
      throw new Error("listener bug");
    });
    w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    expect(seen).toEqual(["dns", "connect", "reply"]);
    dispose();
    w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    expect(seen).toHaveLength(3);
  });

  it("a capped event log keeps the newest events in order", () => {
    const w = createWorld("isp-relay", { eventLimit: 25 });
    for (let i = 0; i < 3; i++)
      sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntilIdle();
    const ev = w.events();
    expect(ev).toHaveLength(25);
    for (let i = 1; i < ev.length; i++) expect(ev[i]!.seq).toBe(ev[i - 1]!.seq + 1);
    expect(ev[ev.length - 1]!.type).toBe("delivered");
  });

  it("step() runs one action at a time and runUntil() moves the clock", () => {
    const w = createWorld("isp-relay");
    expect(w.step()).toBe(false);
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    expect(w.nextAt()).not.toBeNull();
    expect(w.step()).toBe(true); // the relay's delivery attempt
    expect(w.step()).toBe(true); // local delivery at the MX
    expect(w.step()).toBe(false);
    const t = w.now();
    w.runUntil(t + 1234);
    expect(w.now()).toBe(t + 1234);
  });

  it("exposes hosts, networks, domains and DNS for the UI", () => {
    const w = createWorld("isp-relay");
    expect(w.hosts().map((h) => `${h.name} ${h.ip} ${h.role} ${h.ports.join("/")}`)).toEqual([
      "pc.home.example 203.0.113.10 client ",
      "mail.isp.example 198.51.100.25 relay 25/587/465",
      "mx.corp.example 192.0.2.25 mx 25",
    ]);
    expect(w.networks().map((n) => n.cidr)).toEqual([
      "203.0.113.0/24",
      "198.51.100.0/24",
      "192.0.2.0/24",
    ]);
    expect(w.domains()).toEqual([
      { domain: "isp.example", mx: [{ host: "mail.isp.example", preference: 10 }] },
      { domain: "corp.example", mx: [{ host: "mx.corp.example", preference: 10 }] },
    ]);
    expect(w.resolve("CORP.EXAMPLE.", "MX")).toEqual({
      status: "NOERROR",
      type: "MX",
      name: "corp.example",
      answers: [{ preference: 10, exchange: "mx.corp.example" }],
    });
    expect(w.resolve("nowhere.example", "A").status).toBe("NXDOMAIN");
    expect(ofType(w, "dns")).toHaveLength(2);
  });
});

describe("firewall rules, mailboxes per host, reverse DNS", () => {
  it("opening outbound 25 in mail-firewall lets the deferred message go on its next retry", () => {
    const w = createWorld("mail-firewall");
    sendMessage(w, {
      client: "ws.corp.example",
      server: "mx.corp.example",
      sender: "admin@corp.example",
      rcpts: ["carol@partner.example"],
    });
    w.runUntil(w.now() + 60_000);
    expect(w.queue("mx.corp.example")).toHaveLength(1);
    const rules = w.rules();
    expect(rules[1]).toMatchObject({ from: "mx.corp.example", ports: [25], action: "drop" });
    expect(w.setRules([rules[0], { ...rules[1]!, action: "allow" }, rules[2]])).toEqual({
      ok: true,
    });
    w.runUntil(w.now() + 10 * 60_000);
    expect(w.queue("mx.corp.example")).toEqual([]);
    expect(w.mailbox("carol@partner.example")).toHaveLength(1);
  });
  it("setRules validates its input", () => {
    const w = createWorld("mail-firewall");
    const r = w.setRules([{ action: "maybe" }]);
    expect(r.ok).toBe(false);
    expect(w.setRules("nonsense").ok).toBe(false);
    expect(w.rules()).toHaveLength(3);
  });
  it("lists the mailboxes each host stores", () => {
    const w = createWorld("isp-relay");
    expect(w.mailboxesOn("mx.corp.example")).toEqual(["bob@corp.example"]);
    expect(w.mailboxesOn("mail.isp.example")).toEqual(["you@isp.example"]);
    expect(w.mailboxesOn("pc.home.example")).toEqual([]);
  });
  it("answers reverse lookups", () => {
    const w = createWorld("isp-relay");
    expect(w.resolve("192.0.2.25", "PTR")).toEqual({
      status: "NOERROR",
      type: "PTR",
      name: "192.0.2.25",
      answers: ["mx.corp.example"],
    });
    expect(w.resolve("192.0.2.99", "PTR").status).toBe("NXDOMAIN");
  });
});

describe("formatMailq", () => {
  it("prints an empty queue and a deferred message as Postfix's mailq does", () => {
    expect(formatMailq([])).toBe("Mail queue is empty");
    const w = createWorld("mail-firewall");
    sendMessage(w, {
      client: "ws.corp.example",
      server: "mx.corp.example",
      sender: "admin@corp.example",
      rcpts: ["carol@partner.example"],
    });
    w.runUntil(w.now() + 60_000);
    const [entry] = w.queue("mx.corp.example");
    const text = formatMailq(w.queue("mx.corp.example")).split("\n");
    expect(text[0]).toBe("-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------");
    expect(text[1]).toMatch(
      new RegExp(`^${entry!.id}  +\\d+ Sat Nov 28 09:00:00  admin@corp\\.example$`),
    );
    expect(text[2]).toBe("(connect to mx.partner.example[198.51.100.40]:25: Connection timed out)");
    expect(text[3]).toBe(`${" ".repeat(41)}carol@partner.example`);
    expect(text[text.length - 1]).toBe("-- 1 Kbytes in 1 Request.");
  });
});
