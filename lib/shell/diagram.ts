/**
 * What the network diagram shows, derived from the engine's event log one event at a time (so a
 * playback queue can step through it): open sessions, TLS locks, logins, refusals and denials,
 * messages travelling between hosts, DNS lookups and deliveries. Plus a sentence per event for the
 * text alternative, and how long each event deserves on screen.
 */
import type { EngineEvent } from "@/lib/smtp";

export interface SessionView {
  id: number;
  client: string;
  server: string;
  port: number;
  tls: boolean;
  auth: string | null;
  open: boolean;
}

export type Mark =
  | { kind: "denied"; key: number; from: string; to: string; code: number; text: string }
  | { kind: "refused"; key: number; from: string; to: string; port: number; text: string };

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
  sessions: readonly SessionView[];
  marks: readonly Mark[];
  flashes: readonly Flash[];
  travel: Travel | null;
  delivered: Readonly<Record<string, number>>;
}

export const EMPTY_DIAGRAM: DiagramState = {
  sessions: [],
  marks: [],
  flashes: [],
  travel: null,
  delivered: {},
};

const MAX_MARKS = 4;
const MAX_FLASHES = 3;

/** Drops sessions closed long ago so the picture stays readable. */
const keepSessions = (list: readonly SessionView[]) => {
  const closed = list.filter((s) => !s.open);
  const open = list.filter((s) => s.open);
  return [...closed.slice(-2), ...open].slice(-12);
};

const firstLine = (text: string) => text.split("\r\n").pop() ?? text;

export function reduceDiagram(state: DiagramState, e: EngineEvent): DiagramState {
  switch (e.type) {
    case "connect":
      return {
        ...state,
        sessions: keepSessions([
          ...state.sessions,
          {
            id: e.session,
            client: e.client,
            server: e.server,
            port: e.port,
            tls: e.tls,
            auth: null,
            open: true,
          },
        ]),
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
        marks: [
          ...state.marks,
          {
            kind: "refused" as const,
            key: e.seq,
            from: e.client,
            to: e.server,
            port: e.port,
            text: e.error,
          },
        ].slice(-MAX_MARKS),
      };
    case "reply":
      if (e.code < 500) return state;
      return {
        ...state,
        marks: [
          ...state.marks,
          {
            kind: "denied" as const,
            key: e.seq,
            from: e.client,
            to: e.server,
            code: e.code,
            text: firstLine(e.text),
          },
        ].slice(-MAX_MARKS),
      };
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
    case "dnsupdate":
      return e.op === "add"
        ? `${e.host} published a TXT record at ${e.name}: ${e.value}`
        : `${e.host} deleted ${e.value ? "a TXT record" : "the TXT records"} at ${e.name}.`;
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
