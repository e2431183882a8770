import type { Warning } from "@/lib/headers/types";

const SEVERITY: Record<Warning["severity"], { label: string; tone: string }> = {
  high: { label: "Warning", tone: "border-bad" },
  medium: { label: "Caution", tone: "border-warn" },
  info: { label: "Note", tone: "border-border" },
};

/** Each warning sign with what was seen and why it matters. */
export function WarningsList({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0)
    return (
      <p>
        No warning signs. That is not proof the message is genuine: read the route and the
        authentication below.
      </p>
    );
  return (
    <ul className="space-y-2">
      {warnings.map((w, i) => (
        <li key={i} className={`rounded-md border-l-4 bg-bg-soft p-3 ${SEVERITY[w.severity].tone}`}>
          <p className="font-semibold">
            <span className="mr-2 text-sm uppercase tracking-wide">
              {SEVERITY[w.severity].label}:
            </span>
            {w.title}
          </p>
          <p className="mt-1 text-sm">{w.detail}</p>
        </li>
      ))}
    </ul>
  );
}
