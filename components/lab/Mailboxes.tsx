"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { MailFolder, World } from "@/lib/smtp";
import { hopTable, type Hop } from "@/lib/shell/received";
import { AnalyseHeadersLink } from "@/components/headers/AnalyseHeadersLink";
import { HopRoute, type HopCard, type HopColumn } from "@/components/headers/HopRoute";
import { dmarcBadge, explainAuthHeaders, type AuthLine, type Tone } from "./authWords";

const TONE: Record<Tone, string> = {
  ok: "border-ok bg-ok text-bg",
  bad: "border-bad bg-bad text-bg",
  warn: "border-warn bg-warn text-bg",
  muted: "border-border text-fg-muted",
};

/** What the lab shows of a message. Everything here is rendered as text, never as HTML. */
export interface ParsedMessage {
  raw: string;
  subject: string;
  from: string;
  to: string;
  date: string;
  headers: Array<{ key: string; value: string }>;
  text: string;
  hasHtml: boolean;
  hops: Hop[];
  /** The receiving MX's SPF, DKIM and DMARC verdicts, in plain words. */
  auth: AuthLine[];
}

const cache = new Map<string, Promise<ParsedMessage>>();

/** Parses a raw RFC 5322 message with postal-mime (loaded on demand). */
export function parseMessage(raw: string): Promise<ParsedMessage> {
  let p = cache.get(raw);
  if (!p) {
    p = import("postal-mime").then(async ({ default: PostalMime }) => {
      const m = await PostalMime.parse(raw);
      const addr = (a: { name?: string; address?: string } | undefined) =>
        a ? (a.name ? `${a.name} <${a.address ?? ""}>` : (a.address ?? "")) : "";
      const received = m.headers.filter((h) => h.key === "received").map((h) => h.value);
      const headers = m.headers.map((h) => ({ key: h.originalKey ?? h.key, value: h.value }));
      return {
        raw,
        subject: m.subject ?? "(no subject)",
        from: addr(m.from as { name?: string; address?: string } | undefined),
        to: (m.to ?? []).map((a) => addr(a as { name?: string; address?: string })).join(", "),
        date: m.date ?? "",
        headers,
        text: m.text ?? m.html ?? "",
        hasHtml: Boolean(m.html),
        hops: hopTable(received),
        auth: explainAuthHeaders(headers),
      } satisfies ParsedMessage;
    });
    cache.set(raw, p);
    if (cache.size > 2000) cache.delete(cache.keys().next().value!);
  }
  return p;
}

/** One message parsed with postal-mime (for the opened message); null while parsing. */
function useParsedOne(raw: string | null): ParsedMessage | null {
  const [parsed, setParsed] = useState<{ raw: string; m: ParsedMessage } | null>(null);
  useEffect(() => {
    if (raw === null) return;
    let live = true;
    parseMessage(raw).then(
      (m) => live && setParsed({ raw, m }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [raw]);
  return parsed && parsed.raw === raw ? parsed.m : null;
}

/**
 * What a list row shows, read straight from the header block (no MIME parser): the list must
 * open at once even with hundreds of messages. Rendered as text, never as HTML.
 */
export function summaryOf(raw: string): {
  subject: string;
  from: string;
  hops: number;
  badge: { text: string; tone: Tone } | null;
} {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  let subject = "";
  let from = "";
  let hops = 0;
  const auth: Array<{ key: string; value: string }> = [];
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "subject" && !subject) subject = value;
    else if (name === "from" && !from) from = value;
    else if (name === "received") hops++;
    else if (name === "authentication-results" || name === "received-spf")
      auth.push({ key: name, value });
  }
  const badge = auth.length > 0 ? dmarcBadge(explainAuthHeaders(auth)) : null;
  return { subject: subject || "(no subject)", from, hops, badge };
}

/** Row height before measuring (one subject line and one detail line). */
const ROW_ESTIMATE = 58;

/**
 * The message list, virtualised (@tanstack/react-virtual): only the rows in view (and a few
 * around them) are in the DOM, so a mailbox of 500 messages opens as fast as one of 5.
 */
function MessageList({
  label,
  raws,
  onOpen,
}: {
  label: string;
  raws: readonly string[];
  onOpen: (index: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render, as documented
  const virtual = useVirtualizer({
    count: raws.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
  });
  return (
    <div
      ref={scroller}
      className="max-h-80 overflow-y-auto rounded-lg border border-border"
      data-testid="message-list"
    >
      <ol
        aria-label={`${label} (${raws.length})`}
        className="relative"
        style={{ height: virtual.getTotalSize() }}
      >
        {virtual.getVirtualItems().map((row) => {
          const m = summaryOf(raws[row.index]!);
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtual.measureElement}
              aria-posinset={row.index + 1}
              aria-setsize={raws.length}
              className="absolute inset-x-0 top-0 border-b border-border"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <button
                type="button"
                onClick={() => onOpen(row.index)}
                className="block w-full px-3 py-2 text-left hover:bg-bg-soft"
              >
                <span className="block font-semibold break-words">{m.subject}</span>
                <span className="block text-sm text-fg-muted break-words">
                  from {m.from || "(unknown)"} · {m.hops} hop{m.hops === 1 ? "" : "s"}
                  {m.badge && (
                    <>
                      {" · "}
                      <span
                        className={`rounded border px-1 font-mono text-[13px] font-semibold ${TONE[m.badge.tone]}`}
                      >
                        {m.badge.text}
                      </span>
                    </>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const hopTls = (h: Hop) =>
  `${h.tls ? `TLS: ${h.tls}` : "no TLS"}${h.authenticatedAs ? `; login: ${h.authenticatedAs}` : ""}`;
const hopTime = (h: Hop) => h.time.replace(/ \+0000 \(UTC\)$/, " UTC");
const hopFrom = (h: Hop) => `${h.from}${h.fromIp ? ` [${h.fromIp}]` : ""}`;

const HOP_COLUMNS: ReadonlyArray<HopColumn<Hop>> = [
  { heading: "From", cell: hopFrom, className: "font-mono" },
  { heading: "By", cell: (h) => h.by, className: "font-mono" },
  { heading: "With", cell: (h) => h.with, className: "font-mono" },
  { heading: "Time", cell: hopTime },
  { heading: "TLS / login", cell: hopTls },
];

const hopCard = (h: Hop): HopCard => ({
  title: `Hop ${h.hop}`,
  fields: [
    { term: "From", value: hopFrom(h), mono: true },
    { term: "By", value: h.by, mono: true },
    { term: "With", value: h.with, mono: true },
    { term: "Time", value: hopTime(h) },
    { term: "TLS", value: hopTls(h) },
  ],
});

function HopTable({ hops }: { hops: Hop[] }) {
  if (hops.length === 0) return <p className="text-fg-muted">No Received: headers.</p>;
  return (
    <HopRoute
      hops={hops}
      number={(h) => h.hop}
      columns={HOP_COLUMNS}
      card={hopCard}
      caption="The route, read from the bottom Received: header up: each server adds its own on top."
      tableClassName="min-w-[36rem]"
    />
  );
}

function MessageView({
  m,
  onClose,
  level,
}: {
  m: ParsedMessage;
  onClose: () => void;
  /** The level of the panel's own heading; the view's sections sit one below it. */
  level: 2 | 3;
}) {
  const H = level === 2 ? "h3" : "h4";
  return (
    <article
      aria-label={`Message: ${m.subject}`}
      className="space-y-4 rounded-lg border border-border p-3"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-semibold break-words">{m.subject}</p>
          <p className="text-sm text-fg-muted break-words">
            From {m.from || "(unknown)"} to {m.to || "(unknown)"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <AnalyseHeadersLink raw={m.raw} />
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg-soft"
          >
            Back to the list
          </button>
        </div>
      </div>
      {m.auth.length > 0 && (
        <section aria-label="Sender checks">
          <H className="mb-1 text-base font-semibold">Sender checks (Authentication-Results)</H>
          <p className="mb-1 text-sm text-fg-muted">
            What the receiving server found when it checked who sent this message.
          </p>
          <ul className="space-y-1 text-sm">
            {m.auth.map((a) => (
              <li key={a.method} className="flex items-start gap-2">
                <span
                  className={`shrink-0 rounded border px-1.5 font-mono text-[13px] font-semibold ${TONE[a.tone]}`}
                >
                  {a.method.toUpperCase()} {a.result}
                </span>
                <span className="break-words">{a.text.replace(/^\S+ \S+: /, "")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Route">
        <H className="mb-1 text-base font-semibold">Route (Received: chain)</H>
        <HopTable hops={m.hops} />
      </section>
      <section aria-label="Body">
        <H className="mb-1 text-base font-semibold">Body</H>
        <pre className="max-h-64 overflow-auto rounded-md bg-bg-soft p-3 font-mono text-sm whitespace-pre-wrap break-words">
          {m.text || "(empty)"}
        </pre>
        {m.hasHtml && (
          <p className="mt-1 text-sm text-fg-muted">
            This message also has an HTML part; the lab never renders HTML.
          </p>
        )}
      </section>
      <details>
        <summary className="cursor-pointer font-semibold">All headers ({m.headers.length})</summary>
        <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-bg-soft p-3 font-mono text-[13px] whitespace-pre-wrap break-words">
          {m.headers.map((h) => `${h.key}: ${h.value}`).join("\n")}
        </pre>
      </details>
    </article>
  );
}

const FOLDERS: readonly MailFolder[] = ["Inbox", "Junk"];

/**
 * Each recipient's delivered messages, by folder (Junk holds what DMARC quarantined); open one
 * for its sender checks, headers, body and hop table.
 */
export const Mailboxes = memo(function Mailboxes({
  world,
  version,
  headingLevel = 2,
}: {
  world: World;
  version: number;
  headingLevel?: 2 | 3;
}) {
  const addresses = useMemo(() => world.mailboxes(), [world]);
  const [selected, setSelected] = useState<string | null>(null);
  const [folder, setFolder] = useState<MailFolder>("Inbox");
  const [open, setOpen] = useState<number | null>(null);
  const counts = useMemo(
    () => addresses.map((a) => world.mailbox(a).length + world.folder(a, "Junk").length),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [world, addresses, version],
  );
  const current = selected && addresses.includes(selected) ? selected : null;
  const folderCounts = useMemo(
    () => FOLDERS.map((f) => (current ? world.folder(current, f).length : 0)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [world, current, version],
  );
  const raws = useMemo(
    () => (current ? world.folder(current, folder) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [world, current, folder, version],
  );
  const openRaw = open !== null ? (raws[open] ?? null) : null;
  const opened = useParsedOne(openRaw);

  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2" aria-label="Mailboxes">
        {addresses.map((a, i) => (
          <li key={a}>
            <button
              type="button"
              aria-pressed={a === current}
              onClick={() => {
                setSelected(a);
                setFolder("Inbox");
                setOpen(null);
              }}
              className="rounded-md border border-border px-3 py-1.5 font-mono text-sm hover:bg-bg-soft aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
            >
              {a} <span className="font-sans">({counts[i]})</span>
            </button>
          </li>
        ))}
      </ul>
      {current && (
        <ul className="flex flex-wrap gap-2" aria-label={`Folders of ${current}`}>
          {FOLDERS.map((f, i) => (
            <li key={f}>
              <button
                type="button"
                aria-pressed={f === folder}
                onClick={() => {
                  setFolder(f);
                  setOpen(null);
                }}
                className="rounded-md border border-border px-3 py-1 text-sm hover:bg-bg-soft aria-pressed:border-accent aria-pressed:font-semibold"
              >
                {f} ({folderCounts[i]})
              </button>
            </li>
          ))}
        </ul>
      )}
      {!current ? (
        <p className="text-fg-muted">Pick a mailbox to read what was delivered to it.</p>
      ) : openRaw !== null ? (
        opened ? (
          <MessageView m={opened} onClose={() => setOpen(null)} level={headingLevel} />
        ) : (
          <p className="text-fg-muted">Reading the message…</p>
        )
      ) : raws.length === 0 ? (
        <p className="text-fg-muted">
          {folder === "Junk"
            ? `${current} has nothing in Junk. Mail lands here when its sender's DMARC policy says quarantine.`
            : `${current} has no mail yet.`}
        </p>
      ) : (
        <MessageList label={`${folder} of ${current}`} raws={raws} onOpen={setOpen} />
      )}
    </div>
  );
});
