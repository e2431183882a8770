import { describe, expect, it } from "vitest";
import { SCENARIOS } from "@/content/scenarios";
import { createWorld, type World } from "@/lib/smtp";
import { dialogue, homeSession, sendMessage } from "../smtp/helpers";
import {
  evaluateTasks,
  isSatisfied,
  receivedBy,
  relayRefusesStrangers,
} from "@/lib/lessons/checks";
import type { Task } from "@/lib/lessons/schema";

function ispWorld(): World {
  return createWorld("isp-relay", { seed: 7 });
}

/** Hand-typed SMTP from the learner's PC, as telnet would send it. */
function relayOneMessage(world: World, to = "bob@corp.example") {
  sendMessage(world, {
    sender: "you@isp.example",
    rcpts: [to],
    body: ["Subject: hi", "", "hello"],
  });
  world.runUntilIdle();
}

describe("delivered", () => {
  it("is false before anything is sent and true once the relay has delivered", () => {
    const world = ispWorld();
    const check = { kind: "delivered", to: "bob@corp.example", via: "mail.isp.example" } as const;
    expect(isSatisfied(check, world)).toBe(false);
    relayOneMessage(world);
    expect(isSatisfied(check, world)).toBe(true);
  });

  it("requires the named relay on the Received chain", () => {
    const world = ispWorld();
    relayOneMessage(world);
    expect(
      isSatisfied({ kind: "delivered", to: "bob@corp.example", via: "mail.corp.example" }, world),
    ).toBe(false);
    expect(
      isSatisfied({ kind: "delivered", to: "bob@corp.example", from: "you@isp.example" }, world),
    ).toBe(true);
    expect(
      isSatisfied({ kind: "delivered", to: "bob@corp.example", from: "eve@isp.example" }, world),
    ).toBe(false);
  });

  it("does not count a message that was only queued", () => {
    const world = ispWorld();
    dialogue(homeSession(world), [
      "MAIL FROM:<you@isp.example>",
      "RCPT TO:<bob@corp.example>",
      "DATA",
      "x",
      ".",
    ]);
    expect(isSatisfied({ kind: "delivered", to: "bob@corp.example" }, world)).toBe(false);
  });
});

describe("receivedBy", () => {
  it("reads folded Received headers top first and ignores the body", () => {
    const raw =
      "Received: from a.example (a.example [192.0.2.1])\r\n\tby mx.corp.example (Postfix) with ESMTP id 1\r\n" +
      "Received: from pc (pc [203.0.113.10])\r\n\tby mail.isp.example (Postfix) with ESMTP id 2\r\n" +
      "Subject: x\r\n\r\nReceived: by evil.example in the body\r\n";
    expect(receivedBy(raw)).toEqual(["mx.corp.example", "mail.isp.example"]);
  });
});

describe("session checks", () => {
  it("sees connections, replies and DNS lookups made by the learner", () => {
    const world = ispWorld();
    const tasks: Task[] = [
      {
        id: "mx",
        title: "x",
        hint: "x",
        check: { kind: "dnsLookup", type: "MX", name: "corp.example" },
      },
      {
        id: "conn",
        title: "x",
        hint: "x",
        check: { kind: "connected", host: "mail.isp.example", port: 25 },
      },
      {
        id: "503",
        title: "x",
        hint: "x",
        check: { kind: "reply", code: 503, host: "mail.isp.example" },
      },
      { id: "501", title: "x", hint: "x", check: { kind: "reply", code: 501, enhanced: "5.5.4" } },
    ];
    expect(evaluateTasks(tasks, world)).toEqual({
      mx: false,
      conn: false,
      "503": false,
      "501": false,
    });
    world.resolve("corp.example", "MX");
    const s = world.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    s.send("EHLO pc.home.example");
    s.send("RCPT TO:<bob@corp.example>");
    expect(evaluateTasks(tasks, world)).toEqual({
      mx: true,
      conn: true,
      "503": true,
      "501": false,
    });
    s.send("MAIL TO:<bob@corp.example>");
    expect(evaluateTasks(tasks, world)["501"]).toBe(true);
  });

  it("does not credit the learner with the relay's own MX lookup", () => {
    const world = ispWorld();
    relayOneMessage(world);
    expect(isSatisfied({ kind: "dnsLookup", type: "MX", name: "corp.example" }, world)).toBe(false);
  });
});

/** isp-relay with an editable relay and a stranger on the internet who could try to abuse it. */
function editableWorld(): World {
  const base = SCENARIOS["isp-relay"];
  const spec = {
    ...base,
    hosts: [
      ...base.hosts.map((h) => (h.mta ? { ...h, mta: { ...h.mta, editable: true } } : h)),
      {
        name: "bulk.spam.example",
        ip: "198.51.100.66",
        network: "internet",
        role: "spammer" as const,
        label: "A stranger",
        shell: true,
      },
    ],
  };
  const world = createWorld(spec);
  if (!world.ok) throw new Error(world.error);
  return world;
}

describe("relay policy checks", () => {
  it("a relay that trusts only its customers refuses strangers; mynetworks 0.0.0.0/0 opens it", () => {
    const world = editableWorld();
    expect(relayRefusesStrangers(world, "mail.isp.example")).toBe(true);
    expect(world.setPostconf("mail.isp.example", "mynetworks", "0.0.0.0/0")).toEqual({ ok: true });
    const logged = world.events().length;
    expect(relayRefusesStrangers(world, "mail.isp.example")).toBe(false);
    // Probing happens in a copy of the world: the learner's event log is untouched.
    expect(world.events().length).toBe(logged);
    world.setPostconf("mail.isp.example", "mynetworks", "127.0.0.0/8 203.0.113.0/24");
    expect(relayRefusesStrangers(world, "mail.isp.example")).toBe(true);
  });

  it("a host without a stranger to test from is never reported closed", () => {
    expect(relayRefusesStrangers(ispWorld(), "mail.isp.example")).toBe(false);
    expect(relayRefusesStrangers(ispWorld(), "pc.home.example")).toBe(false);
  });

  it("postconf checks read the current value", () => {
    const world = editableWorld();
    const check = {
      kind: "postconf",
      host: "mail.isp.example",
      param: "mynetworks",
      excludes: "0.0.0.0/0",
    } as const;
    expect(isSatisfied(check, world)).toBe(true);
    world.setPostconf("mail.isp.example", "mynetworks", "0.0.0.0/0");
    expect(isSatisfied(check, world)).toBe(false);
  });
});
