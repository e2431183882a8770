import type { AlignmentRow, AuthSummary, AuthVerdict, ExchangeVerdicts } from "@/lib/headers/types";
import { ResultBadge } from "./Badge";
import { ScrollTable } from "@/components/ui/ScrollTable";

const ALIGN_WORDS: Record<AlignmentRow["state"], string> = {
  exact: "aligned: the same domain",
  relaxed: "aligned: same organisation (relaxed)",
  none: "not aligned: another organisation",
  unknown: "nothing to compare",
};

const ALIGN_COLUMNS = ["Compared", "Domain", "Alignment"] as const;

function Verdict({ name, v }: { name: string; v: AuthVerdict }) {
  return (
    <li className="rounded-md border border-border p-3">
      <p className="flex flex-wrap items-center gap-2 font-semibold">
        {name} <ResultBadge result={v.result} />
        {v.domain && <span className="font-mono text-sm font-normal">{v.domain}</span>}
      </p>
      <p className="mt-1 text-sm">{v.words}</p>
    </li>
  );
}

/** Exchange Online's own verdicts (spam confidence level, AuthAs, compauth), when present. */
function ExchangePanel({ x }: { x: ExchangeVerdicts }) {
  if (x.words.length === 0) return null;
  return (
    <div className="rounded-md border border-border p-3">
      <p className="flex flex-wrap items-center gap-2 font-semibold">
        Exchange Online
        {x.compauth && (
          <>
            <span className="font-normal">compauth</span> <ResultBadge result={x.compauth.result} />
          </>
        )}
        {x.scl !== null && <span className="font-mono text-sm font-normal">SCL {x.scl}</span>}
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {x.words.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** SPF, DKIM, DMARC (and ARC) in plain words, then the alignment with the From domain. */
export function AuthPanel({
  auth,
  alignment,
  fromDomain,
  fromOrg,
  exchange = null,
}: {
  auth: AuthSummary;
  alignment: AlignmentRow[];
  fromDomain: string | null;
  fromOrg: string | null;
  exchange?: ExchangeVerdicts | null;
}) {
  const reporter = auth.spf.reporter ?? auth.dmarc.reporter ?? auth.dkim[0]?.reporter ?? null;
  const recorded = auth.spf.result !== null || auth.dmarc.result !== null || auth.dkim.length > 0;
  return (
    <div className="space-y-4">
      <p className="text-fg-muted">
        {reporter
          ? `As recorded by ${reporter}, the server nearest the mailbox. Results further down the headers were written earlier, or could have been written by the sender.`
          : recorded
            ? "As recorded by the server nearest the mailbox, which did not name itself (Exchange Online writes its results without a server name). Results further down the headers were written earlier, or could have been written by the sender."
            : "No server recorded authentication results in these headers."}
      </p>
      <ul className="grid gap-2 lg:grid-cols-2">
        <Verdict name="SPF" v={auth.spf} />
        {auth.dkim.length ? (
          auth.dkim.map((v, i) => <Verdict key={i} name="DKIM" v={v} />)
        ) : (
          <Verdict
            name="DKIM"
            v={{
              result: null,
              domain: null,
              reporter: null,
              words: auth.signatures.length
                ? `The message carries ${auth.signatures.length} DKIM signature${auth.signatures.length > 1 ? "s" : ""} (${auth.signatures.map((s) => s.domain ?? "?").join(", ")}), but no receiver recorded whether ${auth.signatures.length > 1 ? "they" : "it"} verified. This page does not fetch keys, so it cannot tell.`
                : "No DKIM result is recorded and the message carries no DKIM signature.",
            }}
          />
        )}
        <Verdict name="DMARC" v={auth.dmarc} />
        {auth.arc && <Verdict name="ARC" v={auth.arc} />}
      </ul>
      {exchange && <ExchangePanel x={exchange} />}
      <ScrollTable
        label="Alignment with the From domain"
        caption={
          <>
            Alignment with the From domain{" "}
            {fromDomain ? <span className="font-mono">{fromDomain}</span> : "(none)"}
            {fromOrg && fromOrg !== fromDomain ? ` (organisation ${fromOrg})` : ""}: DMARC only
            counts a pass for an aligned domain.
          </>
        }
        columns={ALIGN_COLUMNS}
      >
        {alignment.map((r) => (
          <tr key={r.label} className="border-b border-border align-top">
            <th scope="row" className="py-1 pr-3 font-normal">
              {r.label}
            </th>
            <td className="py-1 pr-3 font-mono [overflow-wrap:anywhere]">{r.domain ?? "—"}</td>
            <td
              className={`py-1 ${r.state === "none" ? "text-bad" : r.state === "unknown" ? "text-fg-muted" : "text-ok"}`}
            >
              {ALIGN_WORDS[r.state]}
            </td>
          </tr>
        ))}
      </ScrollTable>
      {auth.signatures.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">
            DKIM signatures ({auth.signatures.length})
          </summary>
          <ul className="mt-2 space-y-1 text-sm">
            {auth.signatures.map((s, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                <span className="font-mono">
                  d={s.domain ?? "?"} s={s.selector ?? "?"} a={s.algorithm ?? "?"}
                </span>
                ; signs {s.headers.length ? s.headers.join(", ") : "no headers listed"}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
