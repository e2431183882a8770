/** Helpers between the shell and the engine's World. */
import type { World } from "@/lib/smtp";
import type { ShellSession } from "./session";
import type { Command } from "./types";

export type LabSession = ShellSession<World>;
export type LabCommand = Command<LabSession>;

/**
 * The lab keeps this many engine events (a ring): the last 5,000 SMTP lines with their replies,
 * far more than a lesson needs, and memory stays flat however long a learner types.
 */
export const LAB_EVENT_LIMIT = 10_000;

/** How far the world runs on its own after each command: long enough to relay, not to retry. */
export const SETTLE_MS = 60_000;

/**
 * Lets the world do what is due now (queue runs, relaying, delivery), but not what waits for
 * later (retries of deferred mail), so `mailq` still shows a deferred message.
 */
export function settle(world: World, ms = SETTLE_MS): number {
  return world.runUntil(world.now() + ms);
}

export const hostNames = (world: World) => world.hosts().map((h) => h.name);

/** IANA service names from /etc/services that the lab's commands accept instead of numbers. */
const SERVICES: Record<string, number> = {
  smtp: 25,
  submission: 587,
  submissions: 465,
  smtps: 465,
  ssmtp: 465,
  telnet: 23,
  ssh: 22,
  domain: 53,
  http: 80,
  https: 443,
  pop3: 110,
  pop3s: 995,
  imap: 143,
  imap2: 143,
  imaps: 993,
};

export const SERVICE_NAMES: Record<number, string> = {
  25: "smtp",
  587: "submission",
  465: "submissions",
  23: "telnet",
  22: "ssh",
  53: "domain",
  80: "http",
  443: "https",
  110: "pop3",
  995: "pop3s",
  143: "imap2",
  993: "imaps",
};

/** A port number or service name; null if it is neither. */
export function parsePort(text: string): number | null {
  if (/^\d{1,5}$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 65535 ? n : null;
  }
  const name = text.toLowerCase();
  return Object.hasOwn(SERVICES, name) ? SERVICES[name]! : null;
}

/** The IP address a name stands for in the scenario (for "Trying ..." lines), or null. */
export function addressOf(world: World, target: string): string | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(target)) return target;
  return world.host(target)?.ip ?? null;
}

/** Who you are on a host after ssh: admins (root) on mail servers, mallory on the spammer's box. */
export function userOn(host: string, world: World): string {
  const h = world.host(host);
  if (!h) return "root";
  if (h.name === world.scenario.learner.host) return world.scenario.learner.user;
  if (h.role === "spammer") return "mallory";
  return h.mta ? "root" : world.scenario.learner.user;
}
