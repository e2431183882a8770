import { formatDuration, formatInZone } from "@/lib/headers/dates";
import type { Analysis, Mailbox } from "@/lib/headers/types";
import { AuthPanel } from "./AuthPanel";
import { DelayChart } from "./DelayChart";
import { HopTable } from "./HopTable";
import { WarningsList } from "./WarningsList";

const mailbox = (m: Mailbox | null) =>
  m === null
    ? "(none)"
    : m.address === ""
      ? "<> (empty: a bounce or auto-reply)"
      : m.name
        ? `${m.name} <${m.address}>`
        : m.address;

/** The whole result, rendered as text (never as HTML). */
export default function Results({ analysis: a }: { analysis: Analysis }) {
  const rows: [string, string][] = [
    ["Subject", a.subject ?? "(none)"],
    ["From", mailbox(a.from)],
    ["To", a.to ?? "(none)"],
    ["Reply-To", mailbox(a.replyTo)],
    ["Return-Path", mailbox(a.returnPath)],
    ["Date", a.date ? formatInZone(a.date) : "(none or unreadable)"],
    ["Message-ID", a.messageId ?? "(none)"],
  ];
  return (
    <div className="space-y-8">
      <section aria-labelledby="h-summary">
        <h2 id="h-summary" className="text-xl font-semibold">
          Message
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-fg-muted">{k}</dt>
              <dd className={k === "Subject" ? "" : "font-mono"}>{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-fg-muted">{a.headerCount} header fields read.</p>
      </section>
      <section aria-labelledby="h-warnings">
        <h2 id="h-warnings" className="mb-2 text-xl font-semibold">
          Warning signs ({a.warnings.length})
        </h2>
        <WarningsList warnings={a.warnings} />
      </section>
      <section aria-labelledby="h-auth">
        <h2 id="h-auth" className="mb-2 text-xl font-semibold">
          Authentication
        </h2>
        <AuthPanel
          auth={a.auth}
          alignment={a.alignment}
          fromDomain={a.from?.domain ?? null}
          fromOrg={a.fromOrg}
          exchange={a.exchange ?? null}
        />
      </section>
      <section aria-labelledby="h-route" className="space-y-3">
        <h2 id="h-route" className="text-xl font-semibold">
          Route ({a.hops.length} hop{a.hops.length === 1 ? "" : "s"}
          {a.totalMs !== null ? `, ${formatDuration(a.totalMs)}` : ""})
        </h2>
        {a.hops.length === 0 ? (
          <p>
            No Received: headers: the message never passed through a mail server, or they were
            removed.
          </p>
        ) : (
          <>
            <DelayChart hops={a.hops} totalMs={a.totalMs} />
            <HopTable hops={a.hops} />
          </>
        )}
        {a.unreadableReceived.length > 0 && (
          <details>
            <summary className="cursor-pointer font-semibold">
              Unreadable Received: headers ({a.unreadableReceived.length})
            </summary>
            <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-bg-soft p-3 font-mono text-xs whitespace-pre-wrap break-words">
              {a.unreadableReceived.join("\n\n")}
            </pre>
          </details>
        )}
      </section>
    </div>
  );
}
