"use client";

import { memo, useMemo, useState } from "react";
import { newSession, type SessionView } from "@/lib/shell/diagram";
import type { EngineEvent, World } from "@/lib/smtp";
import { checkBadge, type Tone } from "./authWords";

interface Line {
  key: number;
  who: "client" | "server" | "note";
  text: string;
}

/** A session as the diagram sees it, plus every line said in it. */
type Conversation = Omit<SessionView, "open"> & {
  lines: Line[];
  /** The receiving MX's SPF/DKIM/DMARC verdicts in this session ("DMARC reject"). */
  checks: Array<{ key: number; text: string; tone: Tone }>;
};

/** Groups the event log into SMTP conversations, the learner's and the relays' own. */
export function conversations(events: readonly EngineEvent[]): Conversation[] {
  const acc = { n: 0, byId: new Map<number, Conversation>() };
  addEvents(acc, events);
  return [...acc.byId.values()];
}

interface Acc {
  /** How many events of the log have been grouped so far. */
  n: number;
  byId: Map<number, Conversation>;
}

function addEvents(acc: Acc, events: readonly EngineEvent[]): void {
  const byId = acc.byId;
  const get = (e: Extract<EngineEvent, { session: number; client: string }>) => {
    let c = byId.get(e.session);
    if (!c) {
      c = { ...newSession(e), lines: [], checks: [] };
      byId.set(e.session, c);
    }
    return c;
  };
  for (let i = acc.n; i < events.length; i++) {
    const e = events[i]!;
    switch (e.type) {
      case "connect":
        get(e).lines.push({
          key: e.seq,
          who: "note",
          text: `connected to ${e.server}:${e.port}${e.tls ? " with TLS" : ""}`,
        });
        break;
      case "refused":
        get(e).lines.push({ key: e.seq, who: "note", text: `could not connect: ${e.error}` });
        break;
      case "command":
        get(e).lines.push({ key: e.seq, who: "client", text: e.line });
        break;
      case "reply":
        for (const [j, l] of e.text.split("\r\n").entries())
          get(e).lines.push({ key: e.seq + j / 1000, who: "server", text: l });
        break;
      case "tls": {
        const c = get(e);
        c.tls = true;
        c.lines.push({
          key: e.seq,
          who: "note",
          text: `TLS handshake: ${e.protocol}, ${e.cipher}`,
        });
        break;
      }
      case "auth": {
        const c = get(e);
        if (e.ok) c.auth = e.username;
        c.lines.push({
          key: e.seq,
          who: "note",
          text: `${e.mechanism} login as ${e.username} ${e.ok ? "succeeded" : "failed"}`,
        });
        break;
      }
      case "close":
        get(e).lines.push({ key: e.seq, who: "note", text: `connection closed by the ${e.by}` });
        break;
      case "spf":
      case "dkim":
      case "dmarc": {
        // Checked by the receiving MX at the end of DATA, inside the session that carried it.
        const c = byId.get(e.session);
        if (!c || c.server !== e.host) break;
        c.lines.push({ key: e.seq, who: "note", text: e.explanation });
        c.checks.push({ key: e.seq, ...checkBadge(e) });
        break;
      }
      default:
        break;
    }
  }
  acc.n = events.length;
}

/**
 * Conversations of a world's log, grouped incrementally: each render only looks at the events
 * added since the last one. (A log that shrank, e.g. a capped ring, is grouped afresh.)
 */
const grouped = new WeakMap<World, Acc & { first: EngineEvent | undefined }>();
function conversationsOf(world: World): Conversation[] {
  const events = world.events();
  let acc = grouped.get(world);
  if (!acc || events.length < acc.n || events[0] !== acc.first) {
    acc = { n: 0, byId: new Map(), first: events[0] };
    grouped.set(world, acc);
  }
  addEvents(acc, events);
  return [...acc.byId.values()];
}

const BADGE: Record<Tone, string> = {
  ok: "bg-ok text-bg",
  bad: "bg-bad text-bg",
  warn: "bg-warn text-bg",
  muted: "border border-border font-normal text-fg-muted",
};

const SHOWN = 8;
/** Lines shown per conversation until "show all" (a bulk run can have thousands). */
const LINES = 60;

function Lines({ c }: { c: Conversation }) {
  const [all, setAll] = useState(false);
  const hidden = all ? 0 : Math.max(0, c.lines.length - LINES);
  return (
    <div className="px-3 py-2 font-mono text-[13px] leading-relaxed">
      {hidden > 0 && (
        <button
          type="button"
          onClick={() => setAll(true)}
          className="mb-1 rounded border border-border px-2 py-0.5 font-sans text-sm hover:bg-bg-soft"
        >
          Show {hidden} earlier lines
        </button>
      )}
      {c.lines.slice(hidden).map((l) =>
        l.who === "note" ? (
          <p key={l.key} className="text-fg-muted italic">
            — {l.text}
          </p>
        ) : (
          <p
            key={l.key}
            className={`break-all whitespace-pre-wrap ${l.who === "client" ? "text-fg" : "text-accent"}`}
          >
            <span className="sr-only">
              {l.who === "client" ? `${c.client} sends: ` : `${c.server} replies: `}
            </span>
            <span aria-hidden="true" className="select-none font-bold">
              {l.who === "client" ? "C: " : "S: "}
            </span>
            {l.text}
          </p>
        ),
      )}
    </div>
  );
}

/** Every SMTP conversation in the world, client and server lines told apart. */
export const Transcript = memo(function Transcript({
  world,
  version,
}: {
  world: World;
  version: number;
}) {
  const [all, setAll] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const list = useMemo(() => conversationsOf(world), [world, version]);
  const shown = all ? list : list.slice(-SHOWN);
  if (list.length === 0)
    return (
      <p className="text-fg-muted">No SMTP conversations yet. Try: telnet mail.isp.example 25</p>
    );
  return (
    <div className="space-y-3">
      {list.length > shown.length && (
        <button
          type="button"
          onClick={() => setAll(true)}
          className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg-soft"
        >
          Show all {list.length} conversations (the newest {SHOWN} are shown)
        </button>
      )}
      <ol
        className="relative max-h-[32rem] space-y-3 overflow-y-auto"
        tabIndex={0}
        aria-label="SMTP conversations"
      >
        {shown.map((c) => (
          // Up to 60 lines each, mostly scrolled out of the box: the browser lays out and paints
          // only what is in view, so a burst of sessions does not stall the diagram's frames.
          <li
            key={c.id}
            className="rounded-lg border border-border [contain-intrinsic-size:auto_12rem] [content-visibility:auto]"
          >
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-bg-soft px-3 py-2 text-sm font-semibold">
              <span>
                #{c.id} {c.client} → {c.server}:{c.port}
              </span>
              {c.tls && <span className="rounded bg-ok px-1.5 text-bg">TLS</span>}
              {c.auth && (
                <span className="rounded bg-accent px-1.5 text-accent-fg">login: {c.auth}</span>
              )}
              {c.checks.slice(-3).map((k) => (
                <span key={k.key} className={`rounded px-1.5 ${BADGE[k.tone]}`}>
                  {k.text}
                </span>
              ))}
            </p>
            <Lines c={c} />
          </li>
        ))}
      </ol>
    </div>
  );
});
