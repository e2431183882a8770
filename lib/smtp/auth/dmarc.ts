/**
 * DMARC (RFC 7489): does the header From domain's owner vouch for this message? Policy discovery
 * at _dmarc.<From domain> with the organizational-domain fallback (6.6.3), relaxed or strict
 * alignment of the SPF and DKIM domains with the From domain (3.1), and the policy to apply
 * (p=, sp= for subdomains, pct=). Never throws.
 */
import { fieldValue, splitMessage } from "./canon";
import type { DkimResult } from "./dkim";
import { normName, type Resolver } from "./dns";
import { orgDomain } from "./psl";
import type { SpfResult } from "./spf";

export type DmarcPolicy = "none" | "quarantine" | "reject";
export type DmarcResultCode = "pass" | "fail" | "none" | "temperror" | "permerror";

export interface DmarcRecord {
  raw: string;
  /** Where it was found: "_dmarc.corp.example". */
  name: string;
  p: DmarcPolicy;
  sp: DmarcPolicy | null;
  adkim: "r" | "s";
  aspf: "r" | "s";
  pct: number;
}

export interface Alignment {
  /** The authenticated domain that was compared, or null when that check did not pass. */
  domain: string | null;
  aligned: boolean;
  mode: "r" | "s";
}

export interface DmarcResult {
  result: DmarcResultCode;
  /** The header From domain (RFC 5322.From), "" when there was none. */
  fromDomain: string;
  orgDomain: string;
  record: DmarcRecord | null;
  /** The policy that applies to this From domain (sp= for a subdomain found at the org domain). */
  policy: DmarcPolicy | null;
  /** What the receiver does: the policy when DMARC failed (and pct= sampled it in), else none. */
  disposition: DmarcPolicy;
  alignment: { spf: Alignment; dkim: Alignment };
  reason: string;
  /** A sentence for people. */
  explanation: string;
}

export interface DmarcInput {
  /** The message lines (the From: header is read from them). */
  lines: readonly string[];
  spf: Pick<SpfResult, "result" | "domain">;
  dkim: readonly Pick<DkimResult, "result" | "domain">[];
  /**
   * A number in [0, 100) from the world's seeded generator, compared with pct= (default 0). A
   * function is called only when a failing message meets a pct below 100.
   */
  sample?: number | (() => number);
}

/** The domain of the single author address in From: (RFC 7489 6.6.1), or an error. */
export function fromDomainOf(
  lines: readonly string[],
): { ok: true; domain: string } | { ok: false; error: string } {
  const froms = splitMessage(lines).headers.filter((h) => h.key === "from");
  if (froms.length === 0) return { ok: false, error: "no From: header" };
  if (froms.length > 1) return { ok: false, error: "more than one From: header" };
  const value = fieldValue(froms[0]!)
    .replace(/\([^()]*\)/g, " ")
    .replace(/"[^"]*"/g, '""');
  const addrs = value.split(",").filter((a) => a.trim() !== "");
  if (addrs.length !== 1) return { ok: false, error: "From: must name exactly one author" };
  const angle = /<([^<>]*)>/.exec(addrs[0]!);
  const addr = (angle ? angle[1]! : addrs[0]!).trim();
  const at = addr.lastIndexOf("@");
  const domain = at === -1 ? "" : normName(addr.slice(at + 1));
  if (!/^([a-z0-9_-]+\.)+[a-z0-9-]+$/.test(domain))
    return { ok: false, error: `From: has no usable domain ("${addr.slice(0, 60)}")` };
  return { ok: true, domain };
}

/** Parses a "v=DMARC1; ..." record; null when it is not a usable DMARC record. */
export function parseDmarcRecord(raw: string, name: string): DmarcRecord | null {
  const parts = raw
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts[0]?.replace(/\s+/g, "") !== "v=DMARC1") return null;
  const tags = new Map<string, string>();
  for (const p of parts.slice(1)) {
    const eq = p.indexOf("=");
    if (eq <= 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    if (!tags.has(k)) tags.set(k, p.slice(eq + 1).trim());
  }
  const pol = (v: string | undefined): DmarcPolicy | null => {
    const l = v?.toLowerCase();
    return l === "none" || l === "quarantine" || l === "reject" ? l : null;
  };
  let p = pol(tags.get("p"));
  // 6.6.3: a record with a bad or missing p= but a rua= is treated as p=none; otherwise ignored.
  if (p === null) {
    if (!tags.has("rua")) return null;
    p = "none";
  }
  const mode = (v: string | undefined): "r" | "s" => (v?.toLowerCase() === "s" ? "s" : "r");
  const pctText = tags.get("pct");
  const pct =
    pctText !== undefined && /^\d{1,3}$/.test(pctText) ? Math.min(100, Number(pctText)) : 100;
  return {
    raw,
    name,
    p,
    sp: pol(tags.get("sp")),
    adkim: mode(tags.get("adkim")),
    aspf: mode(tags.get("aspf")),
    pct,
  };
}

type Lookup =
  { kind: "found"; record: DmarcRecord } | { kind: "none" } | { kind: "temperror"; name: string };

function lookup(resolve: Resolver, domain: string): Lookup {
  const name = `_dmarc.${domain}`;
  const r = resolve(name, "TXT");
  if (r.status === "SERVFAIL") return { kind: "temperror", name };
  const records = r.answers.filter((t) => /^v\s*=\s*DMARC1\s*(;|$)/.test(t));
  // 6.6.3: several records, or none, end discovery at this name.
  if (records.length !== 1) return { kind: "none" };
  const rec = parseDmarcRecord(records[0]!, name);
  return rec ? { kind: "found", record: rec } : { kind: "none" };
}

function aligned(a: string, b: string, mode: "r" | "s"): boolean {
  return mode === "s" ? a === b : orgDomain(a) === orgDomain(b);
}

export function checkDmarc(input: DmarcInput, resolve: Resolver): DmarcResult {
  const noAlign = (mode: "r" | "s" = "r"): Alignment => ({ domain: null, aligned: false, mode });
  const base = (over: Partial<DmarcResult>): DmarcResult => {
    const r: DmarcResult = {
      result: "none",
      fromDomain: "",
      orgDomain: "",
      record: null,
      policy: null,
      disposition: "none",
      alignment: { spf: noAlign(), dkim: noAlign() },
      reason: "",
      explanation: "",
      ...over,
    };
    r.explanation = explainDmarc(r);
    return r;
  };
  try {
    const from = fromDomainOf(input.lines);
    if (!from.ok) return base({ result: "permerror", reason: from.error });
    const fromDomain = from.domain;
    const org = orgDomain(fromDomain);
    let found = lookup(resolve, fromDomain);
    let atOrg = false;
    if (found.kind === "none" && org !== fromDomain) {
      found = lookup(resolve, org);
      atOrg = true;
    }
    if (found.kind === "temperror")
      return base({
        result: "temperror",
        fromDomain,
        orgDomain: org,
        reason: `DNS error looking up ${found.name}`,
      });
    if (found.kind === "none")
      return base({
        fromDomain,
        orgDomain: org,
        reason: `no DMARC record at _dmarc.${fromDomain}${org !== fromDomain ? ` or _dmarc.${org}` : ""}`,
      });
    const rec = found.record;
    const policy = atOrg && rec.sp ? rec.sp : rec.p;
    const spfDomain = input.spf.result === "pass" ? normName(input.spf.domain) : null;
    const spf: Alignment = {
      domain: spfDomain,
      aligned: spfDomain !== null && aligned(spfDomain, fromDomain, rec.aspf),
      mode: rec.aspf,
    };
    const passing = input.dkim.filter((d) => d.result === "pass").map((d) => normName(d.domain));
    const good = passing.find((d) => aligned(d, fromDomain, rec.adkim));
    const dkim: Alignment = {
      domain: good ?? passing[0] ?? null,
      aligned: good !== undefined,
      mode: rec.adkim,
    };
    const pass = spf.aligned || dkim.aligned;
    const draw = (): number =>
      typeof input.sample === "function" ? input.sample() : Number(input.sample) || 0;
    const sampled = pass || rec.pct >= 100 || draw() < rec.pct;
    return base({
      result: pass ? "pass" : "fail",
      fromDomain,
      orgDomain: org,
      record: rec,
      policy,
      disposition: pass || !sampled ? "none" : policy,
      alignment: { spf, dkim },
      reason: pass
        ? `aligned ${dkim.aligned ? `DKIM d=${dkim.domain}` : `SPF ${spf.domain}`}`
        : "neither SPF nor DKIM passed with a domain aligned to From",
    });
  } catch (e) {
    return base({ result: "temperror", reason: `checker error: ${String(e)}` });
  }
}

export function explainDmarc(r: DmarcResult): string {
  const f = r.fromDomain;
  switch (r.result) {
    case "pass":
      return `DMARC pass: From ${f} is aligned with ${r.alignment.dkim.aligned ? `DKIM d=${r.alignment.dkim.domain}` : `SPF ${r.alignment.spf.domain}`}`;
    case "fail": {
      const spf = r.alignment.spf.domain
        ? `SPF passed for ${r.alignment.spf.domain}, which is not aligned`
        : "SPF did not pass";
      const dkim = r.alignment.dkim.domain
        ? `DKIM passed for d=${r.alignment.dkim.domain}, which is not aligned`
        : "no DKIM signature passed";
      return `DMARC fail: From ${f}: ${spf}; ${dkim}; policy ${r.policy}${r.disposition !== r.policy ? ` (not applied: pct=${r.record?.pct})` : ""}`;
    }
    case "none":
      return f ? `DMARC none: ${f} publishes no DMARC policy` : `DMARC none: ${r.reason}`;
    case "temperror":
      return `DMARC temperror: ${r.reason}`;
    case "permerror":
      return `DMARC permerror: ${r.reason}`;
  }
}
