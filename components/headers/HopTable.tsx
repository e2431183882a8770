import { formatDuration, formatInZone } from "@/lib/headers/dates";
import { SCOPE_WORDS } from "@/lib/headers/ip";
import type { Hop, HopIp } from "@/lib/headers/types";

const COLUMNS = ["Hop", "From", "By", "Protocol and TLS", "Time (sender's zone)", "Delay"] as const;

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

/** The route, first hop first: a table from small screens up, one card per hop on phones. */
export function HopTable({ hops }: { hops: Hop[] }) {
  return (
    <>
      <ol className="space-y-2 sm:hidden" aria-label="Hops, first hop first">
        {hops.map((h) => (
          <li key={h.index} className="rounded-md border border-border p-3 text-sm">
            <p className="font-semibold">
              Hop {h.index} <span className="font-normal text-fg-muted">· {delayText(h)}</span>
            </p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 [overflow-wrap:anywhere]">
              <dt className="text-fg-muted">From</dt>
              <dd className="font-mono">{fromText(h)}</dd>
              <dt className="text-fg-muted">By</dt>
              <dd className="font-mono">{byText(h)}</dd>
              <dt className="text-fg-muted">With</dt>
              <dd>{protocolText(h)}</dd>
              <dt className="text-fg-muted">Time</dt>
              <dd>{timeText(h)}</dd>
              {extra(h) && (
                <>
                  <dt className="text-fg-muted">Also</dt>
                  <dd className="font-mono">{extra(h)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
      <div className="hidden sm:block">
        <div
          className="overflow-x-auto"
          data-scroll-x
          tabIndex={0}
          role="region"
          aria-label="Hop table"
        >
          <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
            <caption className="pb-2 text-left text-fg-muted">
              One row per Received: header, first hop first (the bottom header is the oldest).
            </caption>
            <thead>
              <tr className="border-b border-border">
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="py-1 pr-3 align-bottom">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {hops.map((h) => (
                <tr key={h.index} className="border-b border-border align-top">
                  <th scope="row" className="py-1.5 pr-3">
                    {h.index}
                  </th>
                  <td className="py-1.5 pr-3 font-mono [overflow-wrap:anywhere]">{fromText(h)}</td>
                  <td className="py-1.5 pr-3 font-mono [overflow-wrap:anywhere]">
                    {byText(h)}
                    {extra(h) && <span className="block text-xs text-fg-muted">{extra(h)}</span>}
                  </td>
                  <td className="py-1.5 pr-3 [overflow-wrap:anywhere]">{protocolText(h)}</td>
                  <td className="py-1.5 pr-3 whitespace-nowrap">{timeText(h)}</td>
                  <td
                    className={`py-1.5 whitespace-nowrap ${h.clockSkew ? "font-semibold text-bad" : ""}`}
                  >
                    {delayText(h)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
