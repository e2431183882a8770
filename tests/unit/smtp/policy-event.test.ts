/**
 * The "policy" event: which restriction decided each RCPT, so the diagram's inspector can say
 * "permit_mynetworks matched 10.0.0.0/24" or "reject_unauth_destination".
 */
import { describe, expect, it } from "vitest";
import { createWorld, type EngineEvent } from "@/lib/smtp";
import { sendMessage } from "./helpers";

type PolicyEvent = Extract<EngineEvent, { type: "policy" }>;

function rcpt(
  scenario: "isp-relay" | "closed-relay" | "open-relay",
  from: string,
  to: string,
  rcptTo: string,
) {
  const world = createWorld(scenario);
  const s = world.connect({ from, to, port: 25 });
  s.send(`EHLO ${from}`);
  s.send("MAIL FROM:<someone@example.org>");
  const reply = s.send(`RCPT TO:<${rcptTo}>`);
  const events = world.events();
  const policies = events.filter((e): e is PolicyEvent => e.type === "policy");
  return { reply, policies, events };
}

describe("policy events", () => {
  it("names the mynetworks entry that let a customer relay", () => {
    const { reply, policies } = rcpt(
      "isp-relay",
      "pc.home.example",
      "mail.isp.example",
      "bob@corp.example",
    );
    expect(reply).toMatch(/^250 /);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({
      server: "mail.isp.example",
      client: "pc.home.example",
      recipient: "bob@corp.example",
      stage: "relay",
      restriction: "permit_mynetworks",
      verdict: "permit",
    });
    expect(policies[0]!.detail).toBe("matched 203.0.113.0/24 (client 203.0.113.10)");
  });

  it("names reject_unauth_destination when a stranger tries to relay", () => {
    const { reply, policies } = rcpt(
      "closed-relay",
      "bulk.spammer.example",
      "mx.corp.example",
      "victim@partner.example",
    );
    expect(reply).toMatch(/^554 5\.7\.1 /);
    expect(policies[0]).toMatchObject({
      restriction: "reject_unauth_destination",
      verdict: "reject",
      stage: "relay",
    });
    expect(policies[0]!.detail).toContain("partner.example");
  });

  it("shows the open relay's mynetworks 0.0.0.0/0 as what let the spammer in", () => {
    const { policies } = rcpt(
      "open-relay",
      "bulk.spammer.example",
      "mx.corp.example",
      "victim@partner.example",
    );
    expect(policies[0]).toMatchObject({ restriction: "permit_mynetworks", verdict: "permit" });
    expect(policies[0]!.detail).toMatch(/^matched 0\.0\.0\.0\/0 /);
  });

  it("reports the local recipient table for an unknown local user", () => {
    const { reply, policies } = rcpt(
      "closed-relay",
      "bulk.spammer.example",
      "mx.corp.example",
      "nobody@corp.example",
    );
    expect(reply).toMatch(/^550 5\.1\.1 /);
    expect(policies.at(-1)).toMatchObject({
      restriction: "local_recipient_maps",
      verdict: "reject",
    });
  });

  it("is logged after the RCPT command and before its reply, in the same session", () => {
    const { events } = rcpt("isp-relay", "pc.home.example", "mail.isp.example", "bob@corp.example");
    const i = events.findIndex((e) => e.type === "policy");
    expect(events[i - 1]).toMatchObject({ type: "command", line: "RCPT TO:<bob@corp.example>" });
    expect(events[i + 1]).toMatchObject({ type: "reply", code: 250 });
    expect((events[i] as PolicyEvent).session).toBe((events[i + 1] as PolicyEvent).session);
  });

  it("a misconfigured server that can never reject reports it instead of throwing", () => {
    const world = createWorld("closed-relay");
    world.setPostconf("mx.corp.example", "smtpd_relay_restrictions", "permit");
    const s = world.connect({ from: "bulk.spammer.example", to: "mx.corp.example", port: 25 });
    s.send("EHLO x");
    s.send("MAIL FROM:<a@b.example>");
    expect(s.send("RCPT TO:<v@partner.example>")).toMatch(/^451 4\.3\.5/);
    const p = world.events().find((e): e is PolicyEvent => e.type === "policy");
    expect(p).toMatchObject({ verdict: "defer", restriction: "(none)" });
  });

  it("the relays' own outbound sessions log their decisions too", () => {
    const world = createWorld("isp-relay");
    sendMessage(world, {
      sender: "you@isp.example",
      rcpts: ["bob@corp.example"],
      body: ["Subject: hi", "", "hi"],
    });
    world.runUntilIdle();
    const atMx = world
      .events()
      .find((e): e is PolicyEvent => e.type === "policy" && e.server === "mx.corp.example");
    expect(atMx).toMatchObject({
      client: "mail.isp.example",
      restriction: "reject_unauth_destination",
      verdict: "dunno",
    });
    expect(atMx!.detail).toContain("corp.example is a domain this server accepts mail for");
  });
});
