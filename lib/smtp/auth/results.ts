/**
 * The headers a checking MX adds: Authentication-Results (RFC 8601) with one resinfo per method,
 * and Received-SPF (RFC 7208 9.1). Returned as header lines (continuations start with a TAB).
 */
import type { DkimResult } from "./dkim";
import type { DmarcResult } from "./dmarc";
import { spfComment, type SpfResult } from "./spf";

/** A comment's text: no unbalanced parentheses or backslashes, no control characters. */
function comment(text: string): string {
  return text.replace(/[\\()]/g, "").replace(/[\x00-\x1f\x7f]/g, " ");
}

/** A property value: a token, or a quoted string (RFC 2045 value). */
function value(text: string): string {
  return /^[A-Za-z0-9!#$%&'*+\-.^_`{|}~@]+$/.test(text) && text !== ""
    ? text
    : `"${text.replace(/["\\]/g, "\\$&").replace(/[\x00-\x1f\x7f]/g, " ")}"`;
}

export function spfResinfo(spf: SpfResult): string {
  const prop =
    spf.identity === "helo" ? `smtp.helo=${value(spf.helo)}` : `smtp.mailfrom=${value(spf.sender)}`;
  return `spf=${spf.result} (${comment(spfComment(spf))}) ${prop}`;
}

export function dkimResinfo(d: DkimResult): string {
  const parts = [`dkim=${d.result}`];
  if (d.reason) parts.push(`reason=${value(d.reason)}`);
  if (d.algorithm) parts.push(`(${comment(d.algorithm)})`);
  if (d.domain) parts.push(`header.d=${value(d.domain)}`);
  if (d.selector) parts.push(`header.s=${value(d.selector)}`);
  if (d.b) parts.push(`header.b=${value(d.b)}`);
  return parts.join(" ");
}

export function dmarcResinfo(r: DmarcResult): string {
  const parts = [`dmarc=${r.result}`];
  if (r.record) parts.push(`(p=${r.policy?.toUpperCase()} dis=${r.disposition.toUpperCase()})`);
  else if (r.result !== "pass" && r.reason) parts.push(`(${comment(r.reason)})`);
  if (r.fromDomain) parts.push(`header.from=${value(r.fromDomain)}`);
  return parts.join(" ");
}

/**
 * Authentication-Results: authserv-id; one resinfo per line. `dkim` empty means the message
 * carried no signature (dkim=none).
 */
export function authenticationResults(
  authservId: string,
  checks: { spf: SpfResult; dkim: readonly DkimResult[]; dmarc: DmarcResult },
): string[] {
  const infos = [
    spfResinfo(checks.spf),
    ...(checks.dkim.length === 0 ? ["dkim=none (no signature)"] : checks.dkim.map(dkimResinfo)),
    dmarcResinfo(checks.dmarc),
  ];
  return [
    `Authentication-Results: ${authservId};`,
    ...infos.map((s, i) => `\t${s}${i < infos.length - 1 ? ";" : ""}`),
  ];
}

/** Received-SPF: result (comment) key=value; ... (RFC 7208 9.1). */
export function receivedSpf(spf: SpfResult): string[] {
  const kv = [
    `client-ip=${spf.ip};`,
    `envelope-from=${value(spf.sender)};`,
    `helo=${value(spf.helo || "unknown")};`,
    `receiver=${value(spf.receiver)};`,
    `identity=${spf.identity};`,
  ];
  if (spf.mechanism) kv.push(`mechanism=${value(spf.mechanism)};`);
  if (spf.result === "permerror" || spf.result === "temperror")
    kv.push(`problem=${value(spf.reason)};`);
  return [`Received-SPF: ${spf.result} (${comment(spfComment(spf))})`, `\t${kv.join(" ")}`];
}

export interface AuthResultsView {
  authservId: string;
  methods: Array<{
    method: string;
    result: string;
    comment: string;
    props: Record<string, string>;
  }>;
}

/**
 * Reads an Authentication-Results value back (for explaining it in plain words). Lenient: unknown
 * pieces are skipped; never throws.
 */
export function parseAuthenticationResults(value: string): AuthResultsView {
  const text = value.replace(/\r?\n[ \t]+/g, " ").trim();
  const [id, ...rest] = splitOutsideQuotes(text, ";");
  const methods: AuthResultsView["methods"] = [];
  for (const part of rest) {
    const comments: string[] = [];
    const bare = part.replace(/\(([^()]*)\)/g, (_m, c: string) => {
      comments.push(c.trim());
      return " ";
    });
    const tokens = bare.match(/[^\s=]+=("[^"]*"|\S*)/g) ?? [];
    const first = tokens.shift();
    if (!first) continue;
    const [method, result] = first.split("=");
    const props: Record<string, string> = {};
    for (const t of tokens) {
      const eq = t.indexOf("=");
      props[t.slice(0, eq).toLowerCase()] = t.slice(eq + 1).replace(/^"|"$/g, "");
    }
    methods.push({
      method: method!.toLowerCase(),
      result: (result ?? "").toLowerCase(),
      comment: comments.join(" "),
      props,
    });
  }
  return { authservId: (id ?? "").trim().split(/\s+/)[0] ?? "", methods };
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let depth = 0;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth = Math.max(0, depth - 1);
    if (c === sep && !quoted && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
