/**
 * What the network diagram shows, derived from the engine's event log one event at a time (so a
 * playback queue can step through it): open sessions, TLS locks, logins, refusals and denials,
 * messages travelling between hosts, DNS lookups and deliveries. Plus a sentence per event for the
 * text alternative, and how long each event deserves on screen.
 */
import type { EngineEvent, HostInfo, RuleSpec } from "@/lib/smtp";

export interface SessionView {
  id: number;
  client: string;
  server: string;
  port: number;
  tls: boolean;
  auth: string | null;
  open: boolean;
}

/**
 * A status badge ("✖ 554", "✖ timed out") on the link of the session that caused it. It fades
 * when a later reply on that link succeeds (a recipient or a message accepted).
 */
export interface Badge {
  session: number;
  from: string;
  to: string;
  port: number;
  kind: "denied" | "refused";
  /** The reply code for "denied"; 0 for "refused". */
  code: number;
  /** The reply's last line, or telnet's error ("Connection timed out"). */
  text: string;
  faded: boolean;
}

export type Flash =
  | { kind: "dns"; key: number; host: string; text: string; ok: boolean }
  | {
      /** A check at the receiving MX: "SPF fail", "DMARC reject" (ok: passed). */
      kind: "check";
      key: number;
      host: string;
      text: string;
      ok: boolean;
    }
  | {
      kind: "queued" | "delivered" | "deferred" | "bounced" | "postconf";
      key: number;
      host: string;
      text: string;
    };

export interface Travel {
  key: number;
  from: string;
  to: string;
  label: string;
}

export interface DiagramState {
  /** Sessions (refused attempts too, as closed sessions), oldest first. */
  sessions: readonly SessionView[];
  /** At most one badge per session, newest last. */
  badges: readonly Badge[];
  flashes: readonly Flash[];
  travel: Travel | null;
  delivered: Readonly<Record<string, number>>;
}

export const EMPTY_DIAGRAM: DiagramState = {
  sessions: [],
  badges: [],
  flashes: [],
  travel: null,
  delivered: {},
};

const MAX_BADGES = 8;
const MAX_FLASHES = 3;

/** Drops sessions closed long ago so the picture stays readable. */
const keepSessions = (list: readonly SessionView[]) => {
  const closed = list.filter((s) => !s.open);
  const open = list.filter((s) => s.open);
  return [...closed.slice(-2), ...open].slice(-12);
};

/** A session as it starts: who talks to whom on which port, with no TLS and no login yet. */
export const newSession = (
  e: Extract<EngineEvent, { session: number; client: string }>,
): Omit<SessionView, "open"> => ({
  id: e.session,
  client: e.client,
  server: e.server,
  port: e.port,
  tls: false,
  auth: null,
});

const firstLine = (text: string) => text.split("\r\n").pop() ?? text;

/** A reply that means the link works: a recipient accepted, a message queued. */
const SUCCESS = /^250 2\.1\.5|^250 .*queued as/m;

/** One badge per session: a later failure in the same session replaces the earlier one. */
const addBadge = (list: readonly Badge[], badge: Badge): Badge[] =>
  [...list.filter((b) => b.session !== badge.session), badge].slice(-MAX_BADGES);

/** The badge's words, short enough for the diagram (the full text is in the inspector). */
export function badgeLabel(b: Badge): string {
  if (b.kind === "denied") return `✖ ${b.code}`;
  const short: Record<string, string> = {
    "Connection timed out": "timed out",
    "Connection refused": "refused",
    "No route to host": "no route",
    "Name or service not known": "unknown host",
    "Invalid port": "bad port",
  };
  return `✖ ${short[b.text] ?? "failed"}`;
}

export function reduceDiagram(state: DiagramState, e: EngineEvent): DiagramState {
  switch (e.type) {
    case "connect":
      return {
        ...state,
        sessions: keepSessions([...state.sessions, { ...newSession(e), tls: e.tls, open: true }]),
      };
    case "tls":
    case "auth":
    case "close":
      return {
        ...state,
        sessions: keepSessions(
          state.sessions.map((s) =>
            s.id !== e.session
              ? s
              : e.type === "tls"
                ? { ...s, tls: true }
                : e.type === "auth"
                  ? { ...s, auth: e.ok ? e.username : s.auth }
                  : { ...s, open: false },
          ),
        ),
      };
    case "refused":
      return {
        ...state,
        sessions: keepSessions([...state.sessions, { ...newSession(e), open: false }]),
        badges: addBadge(state.badges, {
          session: e.session,
          from: e.client,
          to: e.server,
          port: e.port,
          kind: "refused",
          code: 0,
          text: e.error,
          faded: false,
        }),
      };
    case "reply":
      if (e.code >= 400)
        return {
          ...state,
          badges: addBadge(state.badges, {
            session: e.session,
            from: e.client,
            to: e.server,
            port: e.port,
            kind: "denied",
            code: e.code,
            text: firstLine(e.text),
            faded: false,
          }),
        };
      if (SUCCESS.test(e.text)) {
        // A recipient or a message accepted on this link: earlier failures there are history.
        const same = (b: Badge) =>
          !b.faded &&
          ((b.from === e.client && b.to === e.server) ||
            (b.from === e.server && b.to === e.client));
        if (!state.badges.some(same)) return state;
        return {
          ...state,
          badges: state.badges.map((b) => (same(b) ? { ...b, faded: true } : b)),
        };
      }
      return state;
    case "dns":
      return {
        ...state,
        flashes: [
          ...state.flashes,
          {
            kind: "dns" as const,
            key: e.seq,
            host: e.host,
            ok: e.status === "NOERROR" && e.answers.length > 0,
            text: `${e.rrtype} ${e.name}? ${e.answers.length ? e.answers.join(", ") : e.status}`,
          },
        ].slice(-MAX_FLASHES),
      };
    case "hop":
      return { ...state, travel: { key: e.seq, from: e.host, to: e.to, label: e.queueId } };
    case "delivered":
      return {
        ...state,
        delivered: { ...state.delivered, [e.host]: (state.delivered[e.host] ?? 0) + 1 },
        flashes: [
          ...state.flashes,
          {
            kind: "delivered" as const,
            key: e.seq,
            host: e.host,
            text: `delivered to ${e.mailbox}`,
          },
        ].slice(-MAX_FLASHES),
      };
    case "spf":
    case "dkim":
    case "dmarc": {
      const text =
        e.type === "dmarc" && e.disposition !== "none"
          ? `DMARC ${e.disposition}`
          : `${e.type.toUpperCase()} ${e.result}`;
      return {
        ...state,
        flashes: [
          ...state.flashes,
          { kind: "check" as const, key: e.seq, host: e.host, text, ok: e.result === "pass" },
        ].slice(-MAX_FLASHES),
      };
    }
    case "queued":
    case "deferred":
    case "bounced":
    case "postconf":
      return {
        ...state,
        flashes: [
          ...state.flashes,
          {
            kind: e.type,
            key: e.seq,
            host: e.host,
            text:
              e.type === "queued"
                ? `queued ${e.queueId}`
                : e.type === "postconf"
                  ? `${e.name} changed`
                  : `${e.type} ${e.queueId}`,
          },
        ].slice(-MAX_FLASHES),
      };
    default:
      return state;
  }
}

/** One sentence per event worth telling, for the ordered list beside the diagram. */
export function describeEvent(e: EngineEvent): string | null {
  switch (e.type) {
    case "connect":
      return `${e.client} connected to ${e.server} on port ${e.port}${e.tls ? " (TLS from the start)" : ""}.`;
    case "refused":
      return `${e.client} could not reach ${e.server} on port ${e.port}: ${e.error}.`;
    case "tls":
      return `${e.client} and ${e.server} switched to TLS (${e.protocol}).`;
    case "auth":
      return e.ok
        ? `${e.client} logged in to ${e.server} as ${e.username} (${e.mechanism}).`
        : `Login as ${e.username} on ${e.server} failed.`;
    case "reply":
      return e.code >= 400 ? `${e.server} refused: ${firstLine(e.text)}` : null;
    case "dns": {
      const ans = e.answers.length
        ? e.answers.join(", ")
        : e.status === "NXDOMAIN"
          ? "no such name"
          : "no records";
      return `${e.host} asked DNS for the ${e.rrtype} record of ${e.name}: ${ans.replace(/\.$/, "")}.`;
    }
    case "queued":
      return `${e.host} queued message ${e.queueId} from ${e.sender || "<> (a bounce)"} for ${e.recipients.join(", ")}.`;
    case "hop":
      return `${e.host} relayed message ${e.queueId} to ${e.to}, which queued it as ${e.nextQueueId}.`;
    case "delivered":
      return e.folder === "Junk"
        ? `${e.host} delivered message ${e.queueId} to the Junk folder of ${e.mailbox} (DMARC quarantine).`
        : `${e.host} delivered message ${e.queueId} to the mailbox of ${e.mailbox}.`;
    case "deferred":
      return `${e.host} deferred message ${e.queueId}: ${e.reason}. It will retry.`;
    case "bounced":
      return `${e.host} bounced message ${e.queueId}: ${e.reason}.`;
    case "postconf":
      return `On ${e.host}, ${e.name} was set to "${e.value}".`;
    case "spf":
    case "dkim":
    case "dmarc":
      return `${e.host}: ${e.explanation}.`;
    case "dkimsign":
      return `${e.host} signed message ${e.queueId} with DKIM (d=${e.domain}, selector ${e.selector}).`;
    case "dkimkey":
      return `${e.host} made a new DKIM key for ${e.domain} (selector ${e.selector}) and signs with it from now on.`;
    case "dnsupdate":
      return e.op === "add"
        ? `${e.host} published a TXT record at ${e.name}: ${e.value}`
        : `${e.host} deleted ${e.value ? "a TXT record" : "the TXT records"} at ${e.name}.`;
    case "policy":
      return `${e.server} checked ${e.recipient}: ${e.restriction} ${e.verdict === "dunno" ? "" : `(${e.verdict}) `}${e.detail}.`;
    case "command":
    case "close":
      return null;
  }
}

/** Milliseconds an event holds the stage at 1x speed (0: no pause). */
export function eventDuration(e: EngineEvent): number {
  switch (e.type) {
    case "hop":
      return 1100;
    case "reply":
      return e.code >= 500 ? 1200 : e.code >= 400 ? 700 : 0;
    case "refused":
      return 1000;
    case "delivered":
    case "deferred":
    case "bounced":
      return 800;
    case "dns":
    case "tls":
      return 550;
    case "connect":
    case "auth":
      return 350;
    case "queued":
    case "postconf":
      return 300;
    default:
      return 0;
  }
}

/**
 * The firewall rule that decides a connection (first match wins; "*", a host name or a network
 * id on each side; no ports means every port), as the engine applies them; null when none does.
 */
export function ruleFor(
  rules: readonly RuleSpec[],
  hosts: readonly HostInfo[],
  client: string,
  server: string,
  port: number,
): RuleSpec | null {
  const matches = (sel: string, name: string) =>
    sel === "*" || sel === name || hosts.some((h) => h.name === name && h.network === sel);
  return (
    rules.find(
      (r) =>
        matches(r.from, client) &&
        matches(r.to, server) &&
        (r.ports.length === 0 || r.ports.includes(port)),
    ) ?? null
  );
}
