import { formatDuration, formatInZone } from "@/lib/headers/dates";
import { SCOPE_WORDS } from "@/lib/headers/ip";
import type { Hop, HopIp } from "@/lib/headers/types";
import { HopRoute, type HopCard, type HopColumn } from "./HopRoute";

/** "[10.0.0.1] private network": the address, then its range when it is not public. */
function ipText(ip: HopIp | null): string {
  if (!ip) return "";
  return ip.scope === "public" ? `[${ip.address}]` : `[${ip.address}] ${SCOPE_WORDS[ip.scope]}`;
}

export function fromText(h: Hop): string {
  const names = [
    h.fromRdns,
    h.fromHelo && h.fromHelo !== h.fromRdns ? `HELO ${h.fromHelo}` : null,
  ].filter(Boolean);
  const ip = ipText(h.fromIp);
  return [names.join(", "), ip].filter(Boolean).join(" ") || "(not recorded)";
}

function byText(h: Hop): string {
  const byIp = h.byIp && h.byIp.address !== h.by?.toLowerCase() ? ipText(h.byIp) : null;
  return [h.by ?? "(not recorded)", byIp, h.software ? `(${h.software})` : null]
    .filter(Boolean)
    .join(" ");
}

function protocolText(h: Hop): string {
  const tls = h.tls
    ? `TLS${h.tls.version ? ` ${h.tls.version.replace(/^TLS /, "")}` : ""}${h.tls.cipher ? `, ${h.tls.cipher}` : ""}`
    : "no TLS recorded";
  const tlsWords = h.tls && !h.tls.version && !h.tls.cipher ? "TLS (version not recorded)" : tls;
  const login = h.authenticated
    ? `; logged in${h.authenticatedAs ? ` as ${h.authenticatedAs}` : ""}`
    : "";
  return `${h.protocol ?? "?"}${h.via ? ` via ${h.via}` : ""}; ${tlsWords}${login}`;
}

function timeText(h: Hop): string {
  if (h.date) return formatInZone(h.date);
  return h.dateText ? `unreadable: ${h.dateText}` : "no date";
}

export function delayText(h: Hop): string {
  if (h.index === 1) return "first hop";
  if (h.delayMs === null) return "unknown";
  return h.clockSkew ? `${formatDuration(h.delayMs)} (clock skew)` : formatDuration(h.delayMs);
}

function extra(h: Hop): string {
  return [
    h.id && `id ${h.id}`,
    h.for && `for ${h.for}`,
    h.envelopeFrom && `envelope from ${h.envelopeFrom}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

const COLUMNS: ReadonlyArray<HopColumn<Hop>> = [
  { heading: "From", cell: fromText, className: "font-mono [overflow-wrap:anywhere]" },
  {
    heading: "By",
    cell: (h) => (
      <>
        {byText(h)}
        {extra(h) && <span className="block text-xs text-fg-muted">{extra(h)}</span>}
      </>
    ),
    className: "font-mono [overflow-wrap:anywhere]",
  },
  { heading: "Protocol and TLS", cell: protocolText, className: "[overflow-wrap:anywhere]" },
  { heading: "Time (sender's zone)", cell: timeText, className: "whitespace-nowrap" },
  {
    heading: "Delay",
    cell: delayText,
    className: (h) => `whitespace-nowrap ${h.clockSkew ? "font-semibold text-bad" : ""}`,
  },
];

function card(h: Hop): HopCard {
  const also = extra(h);
  return {
    title: (
      <>
        Hop {h.index} <span className="font-normal text-fg-muted">· {delayText(h)}</span>
      </>
    ),
    fields: [
      { term: "From", value: fromText(h), mono: true },
      { term: "By", value: byText(h), mono: true },
      { term: "With", value: protocolText(h) },
      { term: "Time", value: timeText(h) },
      ...(also ? [{ term: "Also", value: also, mono: true }] : []),
    ],
  };
}

/** The route, first hop first: a table from small screens up, one card per hop on phones. */
export function HopTable({ hops }: { hops: Hop[] }) {
  return (
    <HopRoute
      hops={hops}
      number={(h) => h.index}
      columns={COLUMNS}
      card={card}
      caption="One row per Received: header, first hop first (the bottom header is the oldest)."
      tableClassName="min-w-[48rem]"
    />
  );
}
