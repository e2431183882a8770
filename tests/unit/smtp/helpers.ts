import { SCENARIOS, type ScenarioId } from "@/content/scenarios";
import type { ScenarioInput } from "@/content/scenarios/schema";
import { createWorld, type Session, type World, type WorldOptions } from "@/lib/smtp";

/** A deep copy of a shipped scenario, for tests that tweak one thing. */
export function specOf(id: ScenarioId): ScenarioInput {
  return structuredClone(SCENARIOS[id]) as ScenarioInput;
}

/** Build a world from a spec, failing the test loudly when the spec is invalid. */
export function worldOf(spec: ScenarioInput, options?: WorldOptions): World {
  const w = createWorld(spec, options);
  if (!w.ok) throw new Error(w.error);
  return w;
}

/** Change main.cf parameters of one host in a spec. */
export function withPostconf(
  spec: ScenarioInput,
  host: string,
  conf: Record<string, string>,
): ScenarioInput {
  const h = spec.hosts.find((x) => x.name === host);
  if (!h?.mta) throw new Error(`no MTA ${host}`);
  h.mta.postconf = { ...h.mta.postconf, ...conf };
  return spec;
}

/** Send lines in order and return each reply. */
export function dialogue(s: Session, lines: string[]): string[] {
  return lines.map((l) => s.send(l));
}

/** An ISP-relay session from the home PC, after EHLO. */
export function homeSession(world: World, port = 25): Session {
  const s = world.connect({ from: "pc.home.example", to: "mail.isp.example", port });
  s.send("EHLO pc.home.example");
  return s;
}

export function sendMessage(
  world: World,
  opts: {
    from?: string;
    client?: string;
    server?: string;
    sender: string;
    rcpts: string[];
    body?: string[];
  },
): string[] {
  const s = world.connect({
    from: opts.client ?? "pc.home.example",
    to: opts.server ?? "mail.isp.example",
    port: 25,
  });
  const replies = [s.greeting, s.send(`EHLO ${opts.client ?? "pc.home.example"}`)];
  replies.push(s.send(`MAIL FROM:<${opts.sender}>`));
  for (const r of opts.rcpts) replies.push(s.send(`RCPT TO:<${r}>`));
  replies.push(s.send("DATA"));
  for (const l of opts.body ?? ["Subject: test", "", "Hello."]) replies.push(s.send(l));
  replies.push(s.send("."));
  replies.push(s.send("QUIT"));
  return replies;
}

/**
 * The spoofing scenario's forgery: bulk.spammer.example sends "pay now" as ceo@corp.example to
 * victim@partner.example, and the world runs until partner.example's MX has filed it.
 */
export function spoofCeo(world: World): void {
  sendMessage(world, {
    client: "bulk.spammer.example",
    server: "mx.partner.example",
    sender: "ceo@corp.example",
    rcpts: ["victim@partner.example"],
    body: ["From: ceo@corp.example", "Subject: pay now", "", "invoice"],
  });
  world.runUntilIdle();
}

/** What Postfix answers to EHLO on port 25 before STARTTLS, with the defaults the scenarios use. */
export function ehloReply(hostname: string): string {
  return [
    `250-${hostname}`,
    "250-PIPELINING",
    "250-SIZE 10240000",
    "250-VRFY",
    "250-ETRN",
    "250-STARTTLS",
    "250-ENHANCEDSTATUSCODES",
    "250-8BITMIME",
    "250-DSN",
    "250 SMTPUTF8",
  ].join("\r\n");
}
