/**
 * Command parsing, apart from the session. Malformed input becomes a value, never an exception.
 */

export const VERBS = [
  "HELO",
  "EHLO",
  "MAIL",
  "RCPT",
  "DATA",
  "RSET",
  "NOOP",
  "VRFY",
  "HELP",
  "QUIT",
  "STARTTLS",
  "AUTH",
  "ETRN",
] as const;
export type Verb = (typeof VERBS)[number];

export type Command =
  | { kind: "verb"; verb: Verb; args: string }
  | { kind: "unknown"; word: string }
  | { kind: "empty" };

const VERB_SET: ReadonlySet<string> = new Set(VERBS);

/** Split "VERB args": verbs are case-insensitive (RFC 5321 2.4). */
export function parseCommand(line: string): Command {
  const trimmed = line.trim();
  if (trimmed === "") return { kind: "empty" };
  const sp = trimmed.search(/[ \t]/);
  const word = (sp === -1 ? trimmed : trimmed.slice(0, sp)).toUpperCase();
  const args = sp === -1 ? "" : trimmed.slice(sp + 1).trim();
  if (VERB_SET.has(word)) return { kind: "verb", verb: word as Verb, args };
  return { kind: "unknown", word };
}

/** An envelope address after parsing. `address` is "" for the null reverse-path <>. */
export interface Path {
  address: string;
  /** ESMTP parameters in upper case, with their value (null for a bare keyword). */
  params: Array<{ name: string; value: string | null; raw: string }>;
}

export type PathResult =
  | { ok: true; path: Path }
  /** "syntax": not "FROM:"/"TO:" at all; "address": the address itself is malformed. */
  | { ok: false; error: "syntax" | "address" };

/**
 * Parse the argument of MAIL or RCPT: "FROM:<a@b> SIZE=10" / "TO:<c@d>".
 * Like Postfix (strict_rfc821_envelopes = no) a space after the colon and a missing pair of
 * angle brackets are tolerated; a source route (<@a,@b:user@c>) is accepted and dropped
 * (RFC 5321 4.1.1.3 and Appendix C).
 */
export function parsePath(args: string, keyword: "FROM" | "TO"): PathResult {
  const colon = args.indexOf(":");
  if (colon === -1 || args.slice(0, colon).trim().toUpperCase() !== keyword) {
    return { ok: false, error: "syntax" };
  }
  const rest = args.slice(colon + 1).trim();
  if (rest === "") return { ok: false, error: "syntax" };
  let addrText: string;
  let paramText: string;
  if (rest.charAt(0) === "<") {
    const close = findClosingBracket(rest);
    if (close === -1) return { ok: false, error: "address" };
    addrText = rest.slice(1, close);
    paramText = rest.slice(close + 1);
    if (paramText !== "" && !/^[ \t]/.test(paramText)) return { ok: false, error: "address" };
  } else {
    const sp = rest.search(/[ \t]/);
    addrText = sp === -1 ? rest : rest.slice(0, sp);
    paramText = sp === -1 ? "" : rest.slice(sp);
  }
  const address = normaliseAddress(addrText);
  if (address === null) return { ok: false, error: "address" };
  const params: Path["params"] = [];
  for (const raw of paramText.trim().split(/[ \t]+/)) {
    if (raw === "") continue;
    const eq = raw.indexOf("=");
    params.push({
      name: (eq === -1 ? raw : raw.slice(0, eq)).toUpperCase(),
      value: eq === -1 ? null : raw.slice(eq + 1),
      raw,
    });
  }
  return { ok: true, path: { address, params } };
}

function findClosingBracket(s: string): number {
  let quoted = false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ">" && !quoted) return i;
    else if (c === "<" && !quoted) return -1;
  }
  return -1;
}

/** Validate and normalise an address: strips a source route, returns null when malformed. */
export function normaliseAddress(text: string): string | null {
  let a = text;
  if (a === "") return "";
  if (a.charAt(0) === "@") {
    // Source route "@a,@b:user@c": keep what follows the colon.
    const c = a.indexOf(":");
    if (c === -1) return null;
    a = a.slice(c + 1);
  }
  if (a.length > 254) return null;
  // Control characters, spaces outside quotes and stray brackets are syntax errors.
  let quoted = false;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    const c = a.charAt(i);
    if (code < 32 || code === 127) return null;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === " " || c === "\t" || c === "<" || c === ">" || c === ","))
      return null;
  }
  if (quoted) return null;
  const at = a.lastIndexOf("@");
  if (at === -1) return /^[^@]+$/.test(a) ? a : null; // bare local part, e.g. <Postmaster>
  const local = a.slice(0, at);
  const domain = a.slice(at + 1);
  if (local === "" || domain === "") return null;
  if (
    !/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?)$/.test(
      domain,
    )
  )
    return null;
  return a;
}

/** Split an address into local part and lower-cased domain ("" when there is none). */
export function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf("@");
  if (at === -1) return { local: address, domain: "" };
  return {
    local: address.slice(0, at),
    domain: address
      .slice(at + 1)
      .toLowerCase()
      .replace(/\.$/, ""),
  };
}

/**
 * Where a recipient really goes. Postfix's trivial-rewrite applies the "percent hack" and
 * bang paths (allow_percent_hack, swap_bangpath), so "bob%corp.example@relay" and
 * "corp.example!bob@relay" are routed to corp.example: the relay check must look at that
 * final domain, or such addresses would slip through as local.
 */
export function routedDomain(address: string): string {
  const { local, domain } = splitAddress(address);
  const unquoted = local.replace(/^"|"$/g, "");
  const bang = unquoted.indexOf("!");
  if (bang !== -1) return unquoted.slice(0, bang).toLowerCase();
  const pct = unquoted.lastIndexOf("%");
  if (pct !== -1) return unquoted.slice(pct + 1).toLowerCase();
  const innerAt = unquoted.lastIndexOf("@");
  if (innerAt !== -1) return unquoted.slice(innerAt + 1).toLowerCase();
  return domain;
}

/** bob%corp.example@relay and corp.example!bob@relay become bob@corp.example on the way out. */
export function rewriteRouted(address: string): string {
  const { local } = splitAddress(address);
  const bang = local.indexOf("!");
  if (bang !== -1) return `${local.slice(bang + 1)}@${local.slice(0, bang)}`;
  const pct = local.lastIndexOf("%");
  if (pct !== -1) return `${local.slice(0, pct)}@${local.slice(pct + 1)}`;
  return address;
}

/** Decode base64 strictly; null when the text is not base64. */
export function decodeBase64(text: string): string | null {
  const s = text.trim();
  if (s === "=" || s === "") return "";
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const ch of s) {
    if (ch === "=") break;
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  try {
    return decodeURIComponent(escape(out));
  } catch {
    return out;
  }
}

export function encodeBase64(text: string): string {
  const utf8 = unescape(encodeURIComponent(text));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < utf8.length; i += 3) {
    const a = utf8.charCodeAt(i);
    const b = i + 1 < utf8.length ? utf8.charCodeAt(i + 1) : NaN;
    const c = i + 2 < utf8.length ? utf8.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += alphabet.charAt((n >> 18) & 63) + alphabet.charAt((n >> 12) & 63);
    out += Number.isNaN(b) ? "=" : alphabet.charAt((n >> 6) & 63);
    out += Number.isNaN(c) ? "=" : alphabet.charAt(n & 63);
  }
  return out;
}
