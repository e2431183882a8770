/**
 * Plain words for what a receiving MX found: the Authentication-Results and Received-SPF headers
 * of a delivered message, and the short badge the transcript and the diagram show for a check.
 * Pure and dependency-light (the header reader comes from the engine's auth module).
 */
import type { EngineEvent } from "@/lib/smtp";
import { parseAuthenticationResults } from "@/lib/smtp/auth";

export type Tone = "ok" | "bad" | "warn" | "muted";

export interface AuthLine {
  method: "spf" | "dkim" | "dmarc";
  result: string;
  /** One sentence, e.g. "SPF fail: 198.51.100.66 is not permitted by corp.example". */
  text: string;
  tone: Tone;
}

const toneOf = (result: string): Tone =>
  result === "pass"
    ? "ok"
    : result === "fail" || result === "permerror" || result === "reject"
      ? "bad"
      : result === "none"
        ? "muted"
        : "warn";

const domainOf = (addr: string | undefined) => (addr ?? "").split("@").pop() ?? "";

/** The value of the first header named `name` (case-insensitive), unfolded, or "". */
function header(headers: ReadonlyArray<{ key: string; value: string }>, name: string): string {
  const h = headers.find((x) => x.key.toLowerCase() === name);
  return (h?.value ?? "").replace(/\r?\n[ \t]+/g, " ").trim();
}

function spfWords(result: string, ip: string, domain: string): string {
  const who = ip || "the sending server";
  const d = domain || "the sender's domain";
  switch (result) {
    case "pass":
      return `SPF pass: ${who} is permitted to send for ${d}`;
    case "fail":
      return `SPF fail: ${who} is not permitted by ${d}`;
    case "softfail":
      return `SPF softfail: ${d} says ${who} is probably not one of its servers`;
    case "neutral":
      return `SPF neutral: ${d} makes no claim about ${who}`;
    case "none":
      return `SPF none: ${d} publishes no SPF record`;
    case "permerror":
      return `SPF permerror: ${d}'s SPF record is broken, so it cannot be evaluated`;
    case "temperror":
      return `SPF temperror: a DNS lookup failed; the result may differ later`;
    default:
      return `SPF ${result}`;
  }
}

function dkimWords(result: string, d: string, comment: string): string {
  const why = comment ? ` (${comment})` : "";
  switch (result) {
    case "pass":
      return `DKIM pass: signed by ${d || "a domain"} and the signature verifies`;
    case "fail":
      return `DKIM fail: ${d || "the"} signature does not verify${why}: the message changed after signing`;
    case "none":
      return "DKIM none: the message carries no DKIM signature";
    default:
      return `DKIM ${result}: ${d || "the"} signature could not be checked${why}`;
  }
}

function dmarcWords(result: string, from: string, comment: string): string {
  const dis = /dis=(\w+)/i.exec(comment)?.[1]?.toLowerCase();
  const policy = /p=(\w+)/i.exec(comment)?.[1]?.toLowerCase();
  const f = from || "the From domain";
  switch (result) {
    case "pass":
      return `DMARC pass: SPF or DKIM passed for a domain aligned with ${f}`;
    case "fail": {
      const done =
        dis === "reject"
          ? "so the message is rejected"
          : dis === "quarantine"
            ? "so the message goes to Junk"
            : "but the policy only asks to monitor, so it is delivered";
      return `DMARC fail: no SPF or DKIM pass aligned with ${f}; policy ${policy ?? "none"}, ${done}`;
    }
    case "none":
      return `DMARC none: ${f} publishes no DMARC policy, so nothing ties the From header to the sender`;
    default:
      return `DMARC ${result}: ${f}'s policy could not be evaluated`;
  }
}

/**
 * What a message's Authentication-Results (and Received-SPF, for the client address) say, one
 * plain sentence per check; [] when the message carries none.
 */
export function explainAuthHeaders(
  headers: ReadonlyArray<{ key: string; value: string }>,
): AuthLine[] {
  const ar = header(headers, "authentication-results");
  if (!ar) return [];
  const ip = /client-ip=([^;\s]+)/i.exec(header(headers, "received-spf"))?.[1] ?? "";
  const out: AuthLine[] = [];
  for (const m of parseAuthenticationResults(ar).methods) {
    if (m.method !== "spf" && m.method !== "dkim" && m.method !== "dmarc") continue;
    const text =
      m.method === "spf"
        ? spfWords(m.result, ip, domainOf(m.props["smtp.mailfrom"] ?? m.props["smtp.helo"]))
        : m.method === "dkim"
          ? dkimWords(m.result, m.props["header.d"] ?? "", m.comment)
          : dmarcWords(m.result, m.props["header.from"] ?? "", m.comment);
    out.push({ method: m.method, result: m.result, text, tone: toneOf(m.result) });
  }
  return out;
}

/** The DMARC verdict as a short badge for a message list ("DMARC none"), or null. */
export function dmarcBadge(lines: readonly AuthLine[]): { text: string; tone: Tone } | null {
  const d = lines.find((l) => l.method === "dmarc");
  return d ? { text: `DMARC ${d.result}`, tone: d.tone } : null;
}

type AuthEvent = Extract<EngineEvent, { type: "spf" | "dkim" | "dmarc" }>;

/** A check at the receiving MX as a short badge: "SPF fail", "DKIM pass", "DMARC reject". */
export function checkBadge(e: AuthEvent): { text: string; tone: Tone } {
  if (e.type === "dmarc" && e.disposition !== "none")
    return { text: `DMARC ${e.disposition}`, tone: e.disposition === "reject" ? "bad" : "warn" };
  return { text: `${e.type.toUpperCase()} ${e.result}`, tone: toneOf(e.result) };
}
