import type { HeaderDate } from "./types";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Zone names used without a numeric offset (RFC 5322 obs-zone plus a few common ones). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  BST: 60,
  MSK: 180,
  JST: 540,
};

const RFC5322 =
  /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([+-])\s?(\d{2}):?(\d{2})\b|([a-z]{1,5})\b)?/i;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([+-])(\d{2}):?(\d{2})\b|([a-z]{1,5})\b)?/i;

/** Removes (comments), which may nest, and collapses white space. */
function stripComments(s: string): string {
  let out = "";
  let depth = 0;
  for (const ch of s) {
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, " ").trim();
}

function build(
  text: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string | undefined,
  sign: string | undefined,
  offH: string | undefined,
  offM: string | undefined,
  zoneName: string | undefined,
): HeaderDate | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return null;
  let offset = 0;
  if (sign && offH && offM) {
    const h = Number(offH);
    const m = Number(offM);
    if (h > 23 || m > 59) return null;
    offset = (sign === "-" ? -1 : 1) * (h * 60 + m) || 0; // "-0000" is 0, not -0
  } else if (zoneName) {
    const z = ZONES[zoneName.toUpperCase()];
    if (z !== undefined) offset = z;
  }
  const local = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over into March: refuse dates that do not exist.
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month) return null;
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, "0")) : 0;
  return {
    epochMs: local - offset * 60_000 + ms,
    offsetMinutes: offset,
    text,
    subSecond: Boolean(fraction),
  };
}

/**
 * Reads a header date with its zone: RFC 5322 ("Mon, 26 Oct 2020 05:43:29 -0700 (PDT)"), with
 * obsolete forms (two-digit years, zone names, no seconds), fractional seconds, and the ISO-like
 * form some relays write ("2018-04-22 02:54:17.028704749 +0000 UTC"). Null when it is not a date.
 */
export function parseHeaderDate(input: string): HeaderDate | null {
  const text = input.replace(/\s+/g, " ").trim();
  if (!text || text.length > 200) return null;
  const s = stripComments(text);
  const rfc = RFC5322.exec(s);
  const iso = rfc ? null : ISO.exec(s);
  const m = rfc ?? iso;
  if (!m) return null;
  // Both patterns capture the same fields; only the day/month/year groups differ.
  let year: number;
  let month: number;
  let day: number;
  if (rfc) {
    month = MONTHS.indexOf(m[2]!.toLowerCase());
    day = Number(m[1]);
    year = Number(m[3]);
    if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    else if (m[3]!.length === 3) year += 1900;
  } else {
    year = Number(m[1]);
    month = Number(m[2]) - 1;
    day = Number(m[3]);
  }
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  return build(text, year, month, day, hour, minute, second, m[7], m[8], m[9], m[10], m[11]);
}

/** Finds a date at the end of a header that has no ";" before it (some relays omit it). */
export function findTrailingDate(value: string): { date: HeaderDate; at: number } | null {
  const s = value.replace(/\s+/g, " ");
  const patterns = [
    /(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}[a-z]*\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[+-]\d{4}|[a-z]{1,5})?(?:\s*\([^()]*\))?\s*$/i,
    /\d{4}-\d{2}-\d{2}[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[+-]\d{2}:?\d{2})?(?:\s*[a-z]{1,5})?\s*$/i,
  ];
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) {
      const date = parseHeaderDate(m[0]);
      if (date) return { date, at: m.index };
    }
  }
  return null;
}

/** "−0700" style offset for display. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The date in the writer's own zone, e.g. "2020-10-26 05:43:29 -0700". */
export function formatInZone(d: HeaderDate): string {
  const local = new Date(d.epochMs + d.offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())} ${formatOffset(d.offsetMinutes)}`;
}

/** "2 min 5 s", "450 ms", "3 h 1 min", "1 d 2 h": a delay in plain words. */
export function formatDuration(ms: number): string {
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < 1000) return `${neg ? "−" : ""}${Math.round(rest)} ms`;
  rest = Math.round(rest / 1000);
  const parts: string[] = [];
  const d = Math.floor(rest / 86400);
  const h = Math.floor((rest % 86400) / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m && parts.length < 2) parts.push(`${m} min`);
  if (s && parts.length < 2 && !d) parts.push(`${s} s`);
  return `${neg ? "−" : ""}${parts.join(" ") || "0 s"}`;
}
