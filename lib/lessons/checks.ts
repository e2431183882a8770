/**
 * Task checks: decide whether a lesson's "Try it" task is done by reading the world's event log
 * and state (mailboxes, postconf), never the text the learner typed. Pure: no React, no DOM.
 */
import { createWorld, type EngineEvent, type World } from "@/lib/smtp";
import type { Task, TaskCheck } from "./schema";

/** The parts of a world the checks read. */
export type CheckWorld = Pick<
  World,
  "events" | "mailbox" | "postconf" | "hosts" | "scenario" | "folder" | "txtRecords" | "dkimKeys"
>;

const lower = (s: string) => s.trim().toLowerCase().replace(/\.$/, "");
const same = (a: string, b: string) => lower(a) === lower(b);
const matches = (want: string | undefined, got: string) => want === undefined || same(want, got);

/** Hosts a learner types on (their own machine and any host they can ssh to that is not a server). */
function learnerHosts(world: CheckWorld): Set<string> {
  const hosts = new Set([lower(world.scenario.learner.host)]);
  for (const h of world.hosts())
    if (h.role === "client" || h.role === "spammer") hosts.add(lower(h.name));
  return hosts;
}

/** The `by` host of every Received: header in a raw message, top (newest) first. */
export function receivedBy(raw: string): string[] {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const out: string[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    if (!/^received:/i.test(line)) continue;
    const m = /\bby\s+([^\s;()]+)/i.exec(line);
    if (m?.[1]) out.push(lower(m[1]));
  }
  return out;
}

function events<T extends EngineEvent["type"]>(
  world: CheckWorld,
  type: T,
): Array<Extract<EngineEvent, { type: T }>> {
  return world.events().filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}

/**
 * Would a stranger be refused when relaying through `host` with its current configuration?
 * Answered by the server itself: a fresh copy of the scenario gets the host's current postconf,
 * then every spammer host in the scenario tries RCPT TO a domain the relay does not handle.
 * The learner's world and its event log are not touched. A scenario without a spammer host has
 * no stranger to ask, so the answer there is false.
 */
export function relayRefusesStrangers(world: CheckWorld, host: string): boolean {
  const conf = world.postconf(host);
  if (!conf) return false;
  const probe = createWorld(world.scenario);
  if (!probe.ok) return false;
  for (const [name, value] of Object.entries(conf)) {
    if (probe.postconf(host)?.[name] !== value) probe.setPostconf(host, name, value);
  }
  const strangers = probe.hosts().filter((h) => h.role === "spammer" && h.name !== host);
  const local = lower(`${conf.mydestination ?? ""} ${conf.relay_domains ?? ""}`)
    .replace(/\$mydomain/g, lower(conf.mydomain ?? ""))
    .replace(/\$myhostname/g, lower(conf.myhostname ?? ""))
    .split(/[\s,]+/);
  const remote = probe
    .domains()
    .map((d) => d.domain)
    .find((d) => !local.includes(lower(d)));
  if (strangers.length === 0 || !remote) return false;
  return strangers.every((stranger) => {
    const s = probe.connect({ from: stranger.name, to: host, port: 25 });
    if (s.closed) return true; // It cannot even connect.
    s.send(`EHLO ${stranger.name}`);
    s.send("MAIL FROM:<probe@relay-test.example>");
    const reply = s.send(`RCPT TO:<probe@${remote}>`);
    s.close();
    return !reply.startsWith("250");
  });
}

/** Is this one check satisfied by the world as it stands? */
export function isSatisfied(check: TaskCheck, world: CheckWorld): boolean {
  switch (check.kind) {
    case "delivered":
      return events(world, "delivered").some((e) => {
        if (!same(e.mailbox, check.to) || !matches(check.from, e.sender)) return false;
        if (check.via === undefined || same(check.via, e.host)) return true;
        const via = lower(check.via);
        return world.mailbox(e.mailbox).some((raw) => receivedBy(raw).includes(via));
      });
    case "reply":
      return events(world, "reply").some(
        (e) =>
          e.code === check.code &&
          matches(check.host, e.server) &&
          matches(check.from, e.client) &&
          (check.enhanced === undefined || e.text.split(/\s+/).includes(check.enhanced)),
      );
    case "dnsLookup": {
      const mine = learnerHosts(world);
      return events(world, "dns").some(
        (e) => e.rrtype === check.type && same(e.name, check.name) && mine.has(lower(e.host)),
      );
    }
    case "connected":
      return events(world, "connect").some(
        (e) => same(e.server, check.host) && e.port === check.port && matches(check.from, e.client),
      );
    case "refused":
      return events(world, "refused").some(
        (e) => e.port === check.port && matches(check.host, e.server),
      );
    case "tls":
      return events(world, "tls").some(
        (e) => matches(check.host, e.server) && (check.port === undefined || e.port === check.port),
      );
    case "authenticated":
      return events(world, "auth").some(
        (e) =>
          e.ok &&
          matches(check.host, e.server) &&
          (check.port === undefined || e.port === check.port) &&
          (check.user === undefined || e.username === check.user),
      );
    case "relayDenied":
      return events(world, "reply").some(
        (e) =>
          e.code === 554 &&
          /relay access denied/i.test(e.text) &&
          same(e.server, check.host) &&
          matches(check.from, e.client),
      );
    case "relayClosed":
      return relayRefusesStrangers(world, check.host);
    case "postconf": {
      const value = world.postconf(check.host)?.[check.param];
      if (value === undefined) return false;
      return (
        (check.includes === undefined || value.includes(check.includes)) &&
        (check.excludes === undefined || !value.includes(check.excludes))
      );
    }
    case "bounced":
      return events(world, "bounced").some(
        (e) => check.to === undefined || e.recipients.some((r) => same(r, check.to ?? "")),
      );
    case "auth":
      return authEvents(world, check.check).some(
        (e) =>
          e.result === check.result &&
          matches(check.host, e.host) &&
          matches(check.domain, e.type === "dmarc" ? e.fromDomain : e.domain) &&
          (check.disposition === undefined ||
            (e.type === "dmarc" && e.disposition === check.disposition)),
      );
    case "dnsRecord":
      // The zone as it is now (no query is made, so nothing is logged).
      return world
        .txtRecords()
        .some((r) => same(r.name, check.name) && r.value.includes(check.contains));
    case "dkimKey":
      return world
        .dkimKeys(check.host)
        .some((k) => same(k.domain, check.domain) && same(k.selector, check.selector));
    case "junk":
      return world.folder(check.to, "Junk").length > 0;
  }
}

function authEvents(world: CheckWorld, check: "spf" | "dkim" | "dmarc") {
  return world
    .events()
    .filter((e): e is Extract<EngineEvent, { type: "spf" | "dkim" | "dmarc" }> => e.type === check);
}

/** Evaluates every task of a lesson against the world as it stands. */
export function evaluateTasks(tasks: readonly Task[], world: CheckWorld): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const t of tasks) out[t.id] = isSatisfied(t.check, world);
  return out;
}

/** Which event types can change a check's answer (the UI re-evaluates only on those). */
export function relevantEventTypes(check: TaskCheck): ReadonlyArray<EngineEvent["type"]> {
  switch (check.kind) {
    case "delivered":
      return ["delivered"];
    case "reply":
    case "relayDenied":
      return ["reply"];
    case "dnsLookup":
      return ["dns"];
    case "connected":
      return ["connect"];
    case "refused":
      return ["refused"];
    case "tls":
      return ["tls"];
    case "authenticated":
      return ["auth"];
    case "relayClosed":
    case "postconf":
      return ["postconf"];
    case "bounced":
      return ["bounced"];
    case "auth":
      return [check.check];
    case "dnsRecord":
      return ["dnsupdate"];
    case "dkimKey":
      return ["dkimkey"];
    case "junk":
      return ["delivered"];
  }
}
