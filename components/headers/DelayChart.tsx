import { formatDuration } from "@/lib/headers/dates";
import type { Hop } from "@/lib/headers/types";

/**
 * Where the time went: one bar per hop after the first, as wide as its share of all positive
 * delays. Every bar carries its figure as text, so the chart needs no separate description.
 */
export function DelayChart({ hops, totalMs }: { hops: Hop[]; totalMs: number | null }) {
  const rows = hops.filter((h) => h.index > 1);
  const positive = rows.reduce((s, h) => s + Math.max(0, h.delayMs ?? 0), 0);
  if (rows.length === 0 || positive === 0) return null;
  const slowest = rows.reduce((a, b) => ((b.delayMs ?? 0) > (a.delayMs ?? 0) ? b : a));
  const share = (h: Hop) => Math.max(0, h.delayMs ?? 0) / positive;
  return (
    <figure className="space-y-2" aria-labelledby="delay-chart-caption">
      <figcaption id="delay-chart-caption" className="text-fg-muted">
        Where the time went
        {totalMs !== null ? `: ${formatDuration(totalMs)} from the first hop to the last` : ""}. The
        longest wait was before hop {slowest.index} ({Math.round(share(slowest) * 100)} %).
      </figcaption>
      <ol className="space-y-1 text-sm">
        {rows.map((h) => (
          <li
            key={h.index}
            className="grid grid-cols-[4.5rem_1fr] items-center gap-2 sm:grid-cols-[5rem_1fr_9rem]"
          >
            <span>Hop {h.index}</span>
            <span className="h-3 rounded-sm bg-bg-soft" aria-hidden="true">
              <span
                className={`block h-3 rounded-sm ${h.clockSkew ? "bg-bad" : "bg-accent"}`}
                style={{ width: `${Math.max(share(h) * 100, h.delayMs ? 0.5 : 0)}%` }}
              />
            </span>
            <span className="col-start-2 sm:col-start-auto">
              {h.delayMs === null
                ? "unknown"
                : h.clockSkew
                  ? `${formatDuration(h.delayMs)} (clock skew)`
                  : `${formatDuration(h.delayMs)} · ${Math.round(share(h) * 100)} %`}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
