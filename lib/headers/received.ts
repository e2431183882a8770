import { findTrailingDate, parseHeaderDate } from "./dates";
import { parseIp } from "./ip";
import { lastIndexOutside, tokenize, type Token } from "./tokens";
import type { Hop, HopIp } from "./types";

/** Clause keywords of RFC 5321's Received: grammar, plus Exim's "tls" and Haraka's envelope-from. */
const KEYWORDS = new Set(["from", "by", "via", "with", "id", "for", "tls", "envelope-from"]);
/** Clauses whose value may run over several words ("with Microsoft SMTP Server"). */
const MULTI_WORD = new Set(["with", "via"]);

const HOSTNAME =
  /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+\.?$/i;
const SOFTWARE =
  /^(?:postfix|exim|sendmail|qmail|haraka|zonemta|halon|sun internet mail server|powermta|microsoft|mdaemon|smtp server|courier|dovecot|opensmtpd|\d+\.\d+(?:\.\d+)?[a-z]?\/)/i;

interface Clause {
  value: Token[];
  comments: string[];
}

type Clauses = Partial<Record<string, Clause>>;

function splitClauses(tokens: Token[]): { clauses: Clauses; leading: string[] } {
  const clauses: Clauses = {};
  const leading: string[] = [];
  let current: Clause | null = null;
  let currentKey = "";
  for (const t of tokens) {
    const key = t.type === "word" ? t.text.toLowerCase() : "";
    const isKeyword =
      KEYWORDS.has(key) &&
      // A keyword is a clause start only once it has something before it or starts the value.
      !(current && current.value.length === 0 && !current.comments.length);
    if (isKeyword) {
      if (!clauses[key]) {
        current = { value: [], comments: [] };
        clauses[key] = current;
      } else current = { value: [], comments: [] }; // repeated clause: keep the first
      currentKey = key;
      continue;
    }
    if (!current) {
      if (t.type === "comment") leading.push(t.text);
      continue;
    }
    if (t.type === "comment") {
      current.comments.push(t.text);
      continue;
    }
    const takesMore =
      current.value.length === 0 ||
      (MULTI_WORD.has(currentKey) && current.comments.length === 0 && t.type === "word") ||
      // "from foo [127.0.0.1]": the literal belongs to the from clause.
      (t.type === "literal" && current.comments.length === 0);
    if (takesMore) current.value.push(t);
    else current.comments.push(t.type === "angle" ? `<${t.text}>` : t.text);
  }
  return { clauses, leading };
}

function tokenText(t: Token | undefined): string | null {
  if (!t) return null;
  const text = t.type === "literal" ? `[${t.text}]` : t.text;
  return text.replace(/[;,]+$/, "") || null;
}

function normaliseTlsVersion(v: string): string {
  const m = /^(TLS|SSL)v?\s?(\d)[._]?(\d)?$/i.exec(v.trim());
  return m ? `${m[1]!.toUpperCase()} ${m[2]}${m[3] ? `.${m[3]}` : ""}` : v.trim();
}

/** TLS version and cipher from the comments Postfix, Sendmail, Exim, Exchange and Gmail write. */
function readTls(comments: string[], tlsClause: string | null): Hop["tls"] {
  let version: string | null = null;
  let cipher: string | null = tlsClause;
  let seen = Boolean(tlsClause);
  for (const c of comments) {
    const postfix = /using\s+((?:TLS|SSL)v?[\d.]+)\s+with\s+cipher\s+([\w-]+)/i.exec(c);
    if (postfix) return { version: normaliseTlsVersion(postfix[1]!), cipher: postfix[2]! };
    const ver = /\bversion=((?:TLS|SSL)v?[\d._]+)/i.exec(c);
    const ciph = /\bcipher=([\w-]+)/i.exec(c);
    if (ver || ciph) {
      seen = true;
      version ??= ver ? normaliseTlsVersion(ver[1]!) : null;
      cipher ??= ciph ? ciph[1]! : null;
    }
    const exim = /^((?:TLS|SSL)v?[\d._]+)(?::([\w-]+))?/i.exec(c);
    if (exim) {
      seen = true;
      version ??= normaliseTlsVersion(exim[1]!);
      cipher ??= exim[2] ?? null;
    }
    if (/transport security/i.test(c)) seen = true;
  }
  return seen ? { version, cipher } : null;
}

/** The client's HELO name, reverse-DNS name and address from the from clause and its comments. */
function readFrom(clause: Clause | undefined): Pick<Hop, "fromHelo" | "fromRdns" | "fromIp"> {
  if (!clause) return { fromHelo: null, fromRdns: null, fromIp: null };
  const first = clause.value[0];
  const word = tokenText(first);
  // Comments naming software ("Sun Internet Mail Server sims.3.5") are not TCP information.
  const info = clause.comments.filter((c) => !SOFTWARE.test(c)).join(" ; ");
  const helo = /\b(?:helo=|helo\s+|ehlo\s+)"?([^\s)";]+)/i.exec(info)?.[1] ?? null;
  // Address: a [literal] in the comments (but not a HELO literal), then a bare address.
  const withoutHelo = info.replace(/\b(?:helo=|helo\s+|ehlo\s+)"?[^\s)";]+/gi, " ");
  let ip: HopIp | null = null;
  // Postfix and Sendmail write "(name [address])"; prefer that pair over a bare "[literal]",
  // which may be part of an odd HELO name such as "x([203.0.113.5])".
  for (const m of withoutHelo.matchAll(/(?:^|[\s;(])[^\s;()[\]]+\s+\[([^\]]+)\]/g)) {
    ip = parseIp(m[1]!);
    if (ip) break;
  }
  if (!ip)
    for (const m of withoutHelo.matchAll(/\[([^\]]+)\]/g)) {
      ip = parseIp(m[1]!);
      if (ip) break;
    }
  if (!ip) {
    for (const w of withoutHelo.split(/[\s;,()]+/)) {
      ip = parseIp(w) ?? parseIp(w.replace(/:\d+$/, "").replace(/^\[|\]$/g, ""));
      if (ip) break;
    }
  }
  const literal = clause.value.find((t) => t.type === "literal");
  if (!ip && literal) ip = parseIp(literal.text);
  if (!ip && word) ip = parseIp(word);
  // Reverse name: the first host name in the comments ("user@host" counts as host).
  let rdns: string | null = null;
  for (const w of withoutHelo.split(/[\s;,()]+/)) {
    const host = w.includes("@") ? w.slice(w.lastIndexOf("@") + 1) : w;
    if (host.toLowerCase() === "unknown") break;
    if ((HOSTNAME.test(host) || /^localhost$/i.test(host)) && !parseIp(host)) {
      rdns = host.replace(/\.$/, "");
      break;
    }
  }
  if (helo) {
    // Exim writes "from rdns ([ip] helo=name)": the word after from is the checked name.
    const fromWord =
      word && !/^unknown$/i.test(word) && !parseIp(word.replace(/^\[|\]$/g, "")) ? word : null;
    return { fromHelo: helo, fromRdns: rdns ?? fromWord, fromIp: ip };
  }
  return { fromHelo: word && !/^unknown$/i.test(word) ? word : null, fromRdns: rdns, fromIp: ip };
}

function readBy(clause: Clause | undefined): Pick<Hop, "by" | "byIp" | "software"> {
  if (!clause) return { by: null, byIp: null, software: null };
  let byIp: HopIp | null = null;
  let software: string | null = null;
  for (const c of clause.comments) {
    const ip = parseIp(c.replace(/^\[|\]$/g, ""));
    if (ip && !byIp) byIp = ip;
    else if (
      !ip &&
      !software &&
      !/^(?:using|version=|cipher=|envelope-from|authenticated)/i.test(c)
    )
      software = c;
  }
  const by = tokenText(clause.value[0]);
  return { by, byIp: byIp ?? (by ? parseIp(by) : null), software };
}

/**
 * Reads one Received: value (RFC 5321 §4.4). The date is cut off after the last ";" first,
 * then the clauses are tokenised with their comments. Returns null when nothing is readable.
 */
export function parseReceived(raw: string): Omit<Hop, "index" | "delayMs" | "clockSkew"> | null {
  const value = raw.replace(/\s+/g, " ").trim();
  if (!value) return null;
  let clausePart = value;
  let dateText: string | null = null;
  let date = null;
  const semi = lastIndexOutside(value, ";");
  if (semi >= 0) {
    dateText = value.slice(semi + 1).trim() || null;
    clausePart = value.slice(0, semi);
    date = dateText ? parseHeaderDate(dateText) : null;
  }
  if (!date) {
    const trailing = findTrailingDate(semi >= 0 ? value.slice(semi + 1) : value);
    if (trailing) {
      date = trailing.date;
      if (semi < 0) {
        dateText = trailing.date.text;
        clausePart = value.slice(0, trailing.at);
      }
    }
  }
  const tokens = tokenize(clausePart.length > 4000 ? clausePart.slice(0, 4000) : clausePart);
  const { clauses, leading } = splitClauses(tokens);
  const from = readFrom(clauses.from);
  const by = readBy(clauses.by);
  const allComments = [...leading, ...Object.values(clauses).flatMap((c) => (c ? c.comments : []))];
  const protocol =
    clauses.with?.value
      .map((t) => t.text)
      .join(" ")
      .replace(/[;,]+$/, "") || null;
  const authSender = allComments
    .map((c) => /authenticated sender:\s*([^\s)]+)/i.exec(c)?.[1])
    .find(Boolean);
  const envelope =
    tokenText(clauses["envelope-from"]?.value[0]) ??
    allComments
      .map((c) => /envelope-from\s*<([^>]*)>/i.exec(c)?.[1])
      .find((x) => x !== undefined) ??
    null;
  const software =
    by.software ?? allComments.find((c) => SOFTWARE.test(c) && !/^microsoft smtp/i.test(c)) ?? null;
  const tls = readTls(allComments, tokenText(clauses.tls?.value[0]));
  const encryptedProtocol = protocol
    ? /^(?:e?smtps|utf8smtps|lmtps|esmtpsa|utf8smtpsa)$/i.test(protocol)
    : false;
  const hop = {
    ...from,
    by: by.by,
    byIp: by.byIp,
    software,
    protocol,
    via:
      clauses.via?.value
        .map((t) => t.text)
        .join(" ")
        .replace(/[;,]+$/, "") || null,
    tls: tls ?? (encryptedProtocol ? { version: null, cipher: null } : null),
    authenticated:
      Boolean(authSender) ||
      (protocol ? /^(?:e?smtpsa|esmtpa|utf8smtpsa|lmtpa)$/i.test(protocol) : false),
    authenticatedAs: authSender ?? null,
    id: tokenText(clauses.id?.value[0]),
    for: tokenText(clauses.for?.value[0]),
    envelopeFrom: envelope || null,
    date,
    dateText,
    raw,
  };
  if (!hop.by && !hop.fromHelo && !hop.fromIp && !date && leading.length === 0) return null;
  return hop;
}

/**
 * Hops in travel order, first hop first, from Received: values in header order (newest first).
 * Delays come from the dates with their zones; a negative one is flagged as clock skew.
 */
export function buildHops(receivedValues: readonly string[]): {
  hops: Hop[];
  unreadable: string[];
} {
  const hops: Hop[] = [];
  const unreadable: string[] = [];
  for (let i = receivedValues.length - 1; i >= 0; i--) {
    const raw = receivedValues[i]!;
    const parsed = parseReceived(raw);
    if (!parsed) {
      unreadable.push(raw);
      continue;
    }
    const prev = hops[hops.length - 1];
    let delayMs = prev?.date && parsed.date ? parsed.date.epochMs - prev.date.epochMs : null;
    // A date without fractions is only good to the second: "-28 ms" against a date with
    // milliseconds is the same second, not a wrong clock.
    if (
      delayMs !== null &&
      delayMs < 0 &&
      delayMs > -1000 &&
      !(prev!.date!.subSecond && parsed.date!.subSecond)
    )
      delayMs = 0;
    hops.push({
      ...parsed,
      index: hops.length + 1,
      delayMs,
      clockSkew: delayMs !== null && delayMs < 0,
    });
  }
  return { hops, unreadable };
}
