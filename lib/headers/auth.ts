import { splitOutside, tokenize } from "./tokens";
import type { AuthCheck, AuthResultCode, AuthResultsHeader, DkimSignature } from "./types";

const CODES = new Set<AuthResultCode>([
  "pass",
  "fail",
  "softfail",
  "neutral",
  "none",
  "temperror",
  "permerror",
  "policy",
  "hardfail",
  "bestguesspass",
  "skipped",
  "softpass",
]);

export function resultCode(word: string | undefined): AuthResultCode {
  const w = (word ?? "").toLowerCase();
  if (CODES.has(w as AuthResultCode)) return w as AuthResultCode;
  // Older spellings: "error" is a temporary or permanent failure to check.
  if (w === "error") return "temperror";
  return "unknown";
}

/** The domain part of an address, an "@domain" identity, or a bare domain. */
export function domainOf(value: string | undefined | null): string | null {
  if (!value) return null;
  const v = value.trim().replace(/^<|>$/g, "").replace(/^"|"$/g, "");
  const at = v.lastIndexOf("@");
  const d = (at >= 0 ? v.slice(at + 1) : v).replace(/[>.;,]+$/, "").toLowerCase();
  return d.includes(".") && !/\s/.test(d) ? d : null;
}

/** The domain each method's verdict is about, from its properties. */
function checkDomain(method: string, props: Record<string, string>): string | null {
  switch (method) {
    case "spf":
      return domainOf(props["smtp.mailfrom"] ?? props["smtp.mail"] ?? props["smtp.helo"]);
    case "dkim":
    case "domainkeys":
      return domainOf(props["header.d"] ?? props["header.i"]);
    case "dmarc":
      return domainOf(props["header.from"]);
    default:
      return null;
  }
}

/** One resinfo: "method[/version]=result (comment) reason=... ptype.prop=value ...". */
function parseResinfo(
  text: string,
  base: Pick<AuthCheck, "reporter" | "source" | "instance">,
): AuthCheck | null {
  const tokens = tokenize(text, "=");
  // Re-join "key = value" pairs; comments are kept aside.
  const comments: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "comment") {
      comments.push(t.text);
      continue;
    }
    if (t.type === "special" && words.length > 0) {
      const next = tokens[i + 1];
      words[words.length - 1] += "=" + (next && next.type !== "comment" ? next.text : "");
      if (next && next.type !== "comment") i++;
      continue;
    }
    if (t.type === "angle") words.push(`<${t.text}>`);
    else if (t.type !== "special") words.push(t.text);
  }
  const first = words.shift();
  if (!first || !first.includes("=")) return null;
  const [methodPart, result] = [
    first.slice(0, first.indexOf("=")),
    first.slice(first.indexOf("=") + 1),
  ];
  const method = methodPart.split("/")[0]!.trim().toLowerCase();
  if (!/^[a-z][a-z0-9_-]*$/.test(method)) return null;
  const props: Record<string, string> = {};
  let reason: string | null = null;
  for (const w of words) {
    const eq = w.indexOf("=");
    if (eq <= 0) continue;
    const key = w.slice(0, eq).toLowerCase();
    const val = w.slice(eq + 1);
    if (key === "reason") reason = val;
    else if (!(key in props)) props[key] = val;
  }
  return {
    method,
    result: resultCode(result),
    domain: checkDomain(method, props),
    reporter: base.reporter,
    source: base.source,
    instance: base.instance,
    reason,
    comment: comments.length ? comments.join("; ") : null,
    props,
  };
}

/** A part that starts with "method=result" rather than an authserv-id. */
const RESINFO_START = /^\s*[a-z][a-z0-9_-]*(?:\/\d+)?\s*=/i;

/**
 * Parses an Authentication-Results value (RFC 8601): the authserv-id, an optional version, then
 * "; resinfo" for each method, with comments, reasons and ptype.property=value pairs. For
 * ARC-Authentication-Results (RFC 8617) pass `arc: true`: the value starts with "i=N;".
 */
export function parseAuthenticationResults(raw: string, arc = false): AuthResultsHeader | null {
  const value = raw.replace(/\s+/g, " ").trim();
  if (!value) return null;
  const parts = splitOutside(value, ";");
  let instance: number | null = null;
  if (arc) {
    const m = /^\s*i\s*=\s*(\d+)\s*$/i.exec(parts[0] ?? "");
    if (m) {
      instance = Number(m[1]);
      parts.shift();
    }
  }
  // Exchange Online writes no authserv-id: the value opens with "spf=pass (sender IP is ...)",
  // and the recipient's domain sits between results as a bare part ("...; contoso.com; dkim=").
  const exchangeStyle = RESINFO_START.test(parts[0] ?? "");
  const idTokens = exchangeStyle
    ? []
    : tokenize(parts.shift() ?? "").filter((t) => t.type !== "comment");
  const authservId = idTokens[0]?.text ?? "";
  const source = arc ? "ARC-Authentication-Results" : "Authentication-Results";
  const checks: AuthCheck[] = [];
  for (const part of parts) {
    if (!part.trim() || /^\s*none\s*$/i.test(part)) continue;
    if (exchangeStyle && !part.includes("=")) continue;
    const check = parseResinfo(part, { reporter: authservId || null, source, instance });
    if (check) checks.push(check);
  }
  // "authserv-id; none" or a header with only the id still counts: it says nothing was checked.
  if (!authservId && checks.length === 0) return null;
  return { source, authservId, instance, checks, raw };
}

/**
 * Received-SPF (RFC 7208 §9.1): "result (comment) key=value; key=value...".
 */
export function parseReceivedSpf(raw: string): AuthCheck | null {
  const value = raw.replace(/\s+/g, " ").trim();
  const m = /^([a-z]+)\b\s*(.*)$/i.exec(value);
  if (!m) return null;
  const tokens = tokenize(m[2]!);
  const comment = tokens.find((t) => t.type === "comment")?.text ?? null;
  const kvText = tokens
    .filter((t) => t.type !== "comment")
    .map((t) => (t.type === "quoted" ? `"${t.text}"` : t.type === "angle" ? `<${t.text}>` : t.text))
    .join(" ");
  const props: Record<string, string> = {};
  for (const part of kvText.split(";")) {
    const kv = /^\s*([a-z-]+)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (kv) props[kv[1]!.toLowerCase()] = kv[2]!.trim();
  }
  // Without envelope-from, the comment usually names the domain ("domain of a@b.example").
  const fromComment = comment
    ? /domain of (?:\S+@)?([a-z0-9.-]+\.[a-z]{2,})/i.exec(comment)?.[1]
    : undefined;
  const identityHelo = props["identity"]?.toLowerCase() === "helo";
  return {
    method: "spf",
    result: resultCode(m[1]),
    domain:
      domainOf(identityHelo ? props["helo"] : props["envelope-from"]) ?? domainOf(fromComment),
    reporter: props["receiver"] ?? (comment ? (/^([^:\s]+):/.exec(comment)?.[1] ?? null) : null),
    source: "Received-SPF",
    instance: null,
    reason: props["problem"] ?? null,
    comment,
    props,
  };
}

/** DKIM-Signature tags (RFC 6376 §3.5); the signature itself is not verified here. */
export function parseDkimSignature(raw: string): DkimSignature {
  const tags: Record<string, string> = {};
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    if (key && !(key in tags))
      tags[key] = part
        .slice(eq + 1)
        .replace(/\s+/g, key === "h" ? "" : " ")
        .trim();
  }
  const t = tags["t"] ? Number(tags["t"]) : NaN;
  return {
    domain: tags["d"] ? tags["d"].toLowerCase() : null,
    selector: tags["s"] ?? null,
    algorithm: tags["a"] ?? null,
    headers: tags["h"]
      ? tags["h"]
          .split(":")
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean)
      : [],
    identity: tags["i"] ?? null,
    canonicalization: tags["c"] ?? null,
    timestamp: Number.isFinite(t) ? t : null,
    raw,
  };
}
