/**
 * SPF (RFC 7208): may this IP send mail for the envelope sender's domain? check_host() with all
 * mechanisms (all, include, a, mx, ptr, ip4, ip6, exists), the redirect= and exp= modifiers,
 * macros (section 7), and the limits of 4.6.4: at most 10 terms that query DNS and at most 2
 * "void" answers (NXDOMAIN or no records), counted by a wrapper around the resolver and reported
 * with the result, as mailauth does. Never throws.
 */
import { normName, type DnsReply, type DnsType, type Resolver } from "./dns";
import { inPrefix, ipv4, isIpv6 } from "./ip";

export type SpfResultCode =
  "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";

export interface SpfInput {
  /** The SMTP client's IPv4 address. */
  ip: string;
  /** MAIL FROM without brackets; "" for the null sender (then HELO is checked). */
  sender: string;
  /** The EHLO/HELO name. */
  helo: string;
  /** The checking host's name (Received-SPF's receiver=, the %{r} macro). */
  receiver: string;
  /** Seconds since the epoch for %{t} in explanations. */
  now?: number;
}

export interface SpfLookups {
  /** Terms that queried DNS (include, a, mx, ptr, exists, redirect). */
  count: number;
  /** DNS answers that were NXDOMAIN or empty. */
  void: number;
  limit: number;
  voidLimit: number;
}

export interface SpfResult {
  result: SpfResultCode;
  /** Which identity was checked: MAIL FROM, or HELO for the null sender (RFC 7208 2.4). */
  identity: "mailfrom" | "helo";
  /** The checked identity as an address (postmaster@helo for HELO). */
  sender: string;
  /** The domain whose policy decided. */
  domain: string;
  ip: string;
  helo: string;
  receiver: string;
  /** The top-level SPF record, if one was found. */
  record: string | null;
  /** The term that matched ("ip4:192.0.2.0/24", "-all"), or null. */
  mechanism: string | null;
  /** Why, in a few words: "matched mx", "no SPF record", "too many DNS lookups". */
  reason: string;
  /** A sentence for people: "SPF fail: 203.0.113.10 is not permitted by corp.example". */
  explanation: string;
  /** The domain's own explanation (exp=) on fail, macro-expanded. */
  exp: string | null;
  lookups: SpfLookups;
}

const LOOKUP_LIMIT = 10;
const VOID_LIMIT = 2;
const MX_LIMIT = 10;

class Abort {
  constructor(
    readonly result: "permerror" | "temperror",
    readonly reason: string,
  ) {}
}

interface Ctx {
  ip: string;
  ipNum: number;
  sender: string;
  helo: string;
  receiver: string;
  now: number;
  resolve: Resolver;
  lookups: SpfLookups;
  depth: number;
}

/** The counting wrapper: `counted` queries are terms (4.6.4); every empty answer is void. */
function query(ctx: Ctx, name: string, type: DnsType, counted: boolean): DnsReply {
  if (counted) {
    ctx.lookups.count++;
    if (ctx.lookups.count > LOOKUP_LIMIT)
      throw new Abort("permerror", `too many DNS lookups (more than ${LOOKUP_LIMIT})`);
  }
  const r = ctx.resolve(name, type);
  if (r.status === "SERVFAIL") throw new Abort("temperror", `DNS error looking up ${type} ${name}`);
  if (r.answers.length === 0) {
    ctx.lookups.void++;
    if (ctx.lookups.void > VOID_LIMIT)
      throw new Abort("permerror", `too many void DNS lookups (more than ${VOID_LIMIT})`);
  }
  return r;
}

// --- records and terms -------------------------------------------------------------------

type Qualifier = "+" | "-" | "~" | "?";

interface Directive {
  kind: "directive";
  qualifier: Qualifier;
  mechanism: "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";
  /** The domain-spec or address, "" when absent. */
  value: string;
  cidr4: number;
  text: string;
}

interface Modifier {
  kind: "modifier";
  name: string;
  value: string;
}

const MECHANISMS = new Set(["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]);

/** RFC 7208 4.6: parse a whole record; any syntax error is a permerror before evaluation. */
function parseRecord(record: string): Array<Directive | Modifier> {
  const terms = record
    .split(" ")
    .slice(1)
    .filter((t) => t !== "");
  const out: Array<Directive | Modifier> = [];
  for (const term of terms) {
    const mod = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(term);
    if (mod) {
      out.push({ kind: "modifier", name: mod[1]!.toLowerCase(), value: mod[2]! });
      continue;
    }
    const m = /^([+\-~?]?)([A-Za-z][A-Za-z0-9_.-]*)(.*)$/.exec(term);
    if (!m) throw new Abort("permerror", `invalid term "${term.slice(0, 60)}"`);
    const qualifier = (m[1] || "+") as Qualifier;
    const name = m[2]!.toLowerCase();
    let rest = m[3]!;
    if (!MECHANISMS.has(name))
      throw new Abort("permerror", `unknown mechanism "${name.slice(0, 40)}"`);
    const mechanism = name as Directive["mechanism"];
    let value = "";
    let cidr4 = 32;
    if (mechanism === "all") {
      if (rest !== "")
        throw new Abort("permerror", `"all" takes no argument: ${term.slice(0, 60)}`);
    } else if (mechanism === "ip4" || mechanism === "ip6") {
      if (!rest.startsWith(":")) throw new Abort("permerror", `${mechanism} needs an address`);
      const [addr, prefix] = rest.slice(1).split(/\/(?=\d+$)/);
      value = addr ?? "";
      if (mechanism === "ip4") {
        if (ipv4(value) === null) throw new Abort("permerror", `invalid ip4 address "${value}"`);
        if (prefix !== undefined) cidr4 = cidrValue(prefix, 32);
      } else {
        if (!isIpv6(value)) throw new Abort("permerror", `invalid ip6 address "${value}"`);
        if (prefix !== undefined) cidrValue(prefix, 128);
      }
    } else {
      // a, mx: [":" domain-spec] [dual-cidr]; include, exists: ":" domain-spec; ptr: [":" domain]
      const dual = /(\/\d+)?(\/\/\d+)?$/.exec(rest);
      if ((mechanism === "a" || mechanism === "mx") && dual && dual[0] !== "") {
        if (dual[1]) cidr4 = cidrValue(dual[1].slice(1), 32);
        if (dual[2]) cidrValue(dual[2].slice(2), 128);
        rest = rest.slice(0, rest.length - dual[0].length);
      }
      if (rest.startsWith(":")) {
        value = rest.slice(1);
        if (value === "") throw new Abort("permerror", `empty domain in "${term.slice(0, 60)}"`);
      } else if (rest !== "") throw new Abort("permerror", `invalid term "${term.slice(0, 60)}"`);
      if ((mechanism === "include" || mechanism === "exists") && value === "")
        throw new Abort("permerror", `${mechanism} needs a domain`);
    }
    out.push({ kind: "directive", qualifier, mechanism, value, cidr4, text: term });
  }
  for (const n of ["redirect", "exp"]) {
    if (out.filter((t) => t.kind === "modifier" && t.name === n).length > 1)
      throw new Abort("permerror", `more than one ${n}= modifier`);
  }
  return out;
}

function cidrValue(text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max || (text.length > 1 && text.startsWith("0")))
    throw new Abort("permerror", `invalid CIDR length /${text}`);
  return n;
}

/** RFC 7208 4.5: the one "v=spf1" record, none, or a permerror for several. */
function findRecord(ctx: Ctx, domain: string, counted: boolean): string | null {
  const r = query(ctx, domain, "TXT", counted);
  const records = r.answers.filter((t) => /^v=spf1( |$)/i.test(t));
  if (records.length > 1)
    throw new Abort("permerror", `${domain} has ${records.length} SPF records`);
  return records[0] ?? null;
}

// --- macros (section 7) --------------------------------------------------------------------

function expand(ctx: Ctx, spec: string, domain: string, forExp = false): string {
  let out = "";
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c !== "%") {
      if (c < "!" || c > "~") throw new Abort("permerror", "invalid character in macro string");
      out += c;
      continue;
    }
    const n = spec[++i];
    if (n === "%") out += "%";
    else if (n === "_") out += " ";
    else if (n === "-") out += "%20";
    else if (n === "{") {
      const end = spec.indexOf("}", i);
      if (end === -1) throw new Abort("permerror", "unterminated macro");
      const body = spec.slice(i + 1, end);
      i = end;
      const m = /^([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
      if (!m) throw new Abort("permerror", `invalid macro %{${body.slice(0, 20)}}`);
      const letter = m[1]!.toLowerCase();
      const upper = m[1] !== letter;
      let value = macroValue(ctx, letter, domain, forExp);
      const delims = m[4] || ".";
      let parts = value.split(new RegExp(`[${delims.replace(/[-\\\]^]/g, "\\$&")}]`));
      if (m[3]) parts = parts.reverse();
      if (m[2]) {
        const keep = Number(m[2]);
        if (keep === 0) throw new Abort("permerror", "macro keeps zero labels");
        parts = parts.slice(-keep);
      }
      value = parts.join(".");
      out += upper ? encodeURIComponent(value) : value;
    } else throw new Abort("permerror", `invalid macro "%${n ?? ""}"`);
  }
  return out;
}

function macroValue(ctx: Ctx, letter: string, domain: string, forExp: boolean): string {
  const at = ctx.sender.lastIndexOf("@");
  switch (letter) {
    case "s":
      return ctx.sender;
    case "l":
      return at > 0 ? ctx.sender.slice(0, at) : "postmaster";
    case "o":
      return ctx.sender.slice(at + 1);
    case "d":
      return domain;
    case "i":
      return ctx.ip;
    case "v":
      return "in-addr";
    case "h":
      return ctx.helo;
    case "p":
      // Validated PTR names cost lookups; RFC 7208 7.3 lets us say "unknown" (and discourages %{p}).
      return "unknown";
    case "c":
    case "r":
    case "t":
      if (!forExp) throw new Abort("permerror", `%{${letter}} is only allowed in exp=`);
      return letter === "c" ? ctx.ip : letter === "r" ? ctx.receiver : String(ctx.now);
    default:
      throw new Abort("permerror", `unknown macro letter %{${letter}}`);
  }
}

/** A domain-spec after expansion: a name ending in a top label (4.8); long names lose labels on the left. */
function targetName(ctx: Ctx, spec: string, domain: string): string {
  let name = normName(expand(ctx, spec, domain));
  while (name.length > 253 && name.includes(".")) name = name.slice(name.indexOf(".") + 1);
  if (
    !/^([^.]+\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/i.test(name) ||
    name.split(".").some((l) => l.length > 63)
  )
    throw new Abort("permerror", `invalid domain "${name.slice(0, 60)}"`);
  return name;
}

// --- evaluation ------------------------------------------------------------------------------

interface Verdict {
  result: SpfResultCode;
  mechanism: string | null;
  domain: string;
  reason: string;
  exp: string | null;
}

const QUALIFIER_RESULT: Record<Qualifier, SpfResultCode> = {
  "+": "pass",
  "-": "fail",
  "~": "softfail",
  "?": "neutral",
};

function matchesAddresses(ctx: Ctx, addresses: readonly string[], cidr: number): boolean {
  for (const a of addresses) {
    const n = ipv4(a);
    if (n !== null && inPrefix(ctx.ipNum, n, cidr)) return true;
  }
  return false;
}

function checkHost(ctx: Ctx, domain: string, record: string | null): Verdict {
  if (record === null)
    return { result: "none", mechanism: null, domain, reason: "no SPF record", exp: null };
  if (/[^\x20-\x7e]/.test(record))
    throw new Abort("permerror", `${domain}'s SPF record has characters outside ASCII`);
  const terms = parseRecord(record);
  for (const t of terms) {
    if (t.kind === "modifier") continue;
    if (evaluate(ctx, t, domain)) {
      const result = QUALIFIER_RESULT[t.qualifier];
      return {
        result,
        mechanism: t.text,
        domain,
        reason: `matched ${t.text}`,
        exp: result === "fail" ? explanation(ctx, terms, domain) : null,
      };
    }
  }
  const redirect = terms.find((t): t is Modifier => t.kind === "modifier" && t.name === "redirect");
  if (redirect) {
    const target = targetName(ctx, redirect.value, domain);
    const sub = nested(ctx, target, true);
    if (sub.result === "none") throw new Abort("permerror", `redirect=${target} has no SPF record`);
    return sub;
  }
  return { result: "neutral", mechanism: null, domain, reason: "no mechanism matched", exp: null };
}

function nested(ctx: Ctx, target: string, counted: boolean): Verdict {
  if (ctx.depth > 20) throw new Abort("permerror", "include/redirect loop");
  ctx.depth++;
  try {
    return checkHost(ctx, target, findRecord(ctx, target, counted));
  } finally {
    ctx.depth--;
  }
}

function evaluate(ctx: Ctx, t: Directive, domain: string): boolean {
  switch (t.mechanism) {
    case "all":
      return true;
    case "ip4":
      return inPrefix(ctx.ipNum, ipv4(t.value)!, t.cidr4);
    case "ip6":
      return false; // the client is IPv4
    case "include": {
      const target = targetName(ctx, t.value, domain);
      const sub = nested(ctx, target, true);
      if (sub.result === "pass") return true;
      if (sub.result === "none")
        throw new Abort("permerror", `include:${target} has no SPF record`);
      return false;
    }
    case "a": {
      const target = t.value ? targetName(ctx, t.value, domain) : domain;
      return matchesAddresses(ctx, query(ctx, target, "A", true).answers, t.cidr4);
    }
    case "mx": {
      const target = t.value ? targetName(ctx, t.value, domain) : domain;
      const mx = query(ctx, target, "MX", true).answers;
      if (mx.length > MX_LIMIT)
        throw new Abort("permerror", `${target} has more than ${MX_LIMIT} MX records`);
      for (const rr of mx) {
        const host = rr.split(/\s+/).pop() ?? "";
        // The exchangers' address lookups are limited per mechanism, not counted as terms.
        const a = ctx.resolve(host, "A");
        if (a.status === "SERVFAIL") throw new Abort("temperror", `DNS error looking up A ${host}`);
        if (matchesAddresses(ctx, a.answers, t.cidr4)) return true;
      }
      return false;
    }
    case "ptr": {
      const target = t.value ? targetName(ctx, t.value, domain) : domain;
      const names = query(ctx, ctx.ip, "PTR", true).answers.slice(0, 10);
      for (const n of names) {
        const name = normName(n);
        if (name !== target && !name.endsWith("." + target)) continue;
        const a = ctx.resolve(name, "A");
        if (a.answers.includes(ctx.ip)) return true;
      }
      return false;
    }
    case "exists": {
      const target = targetName(ctx, t.value, domain);
      return query(ctx, target, "A", true).answers.length > 0;
    }
  }
}

/** exp= (6.2): the domain's own words on fail; any problem just means no explanation. */
function explanation(ctx: Ctx, terms: Array<Directive | Modifier>, domain: string): string | null {
  const exp = terms.find((t): t is Modifier => t.kind === "modifier" && t.name === "exp");
  if (!exp) return null;
  try {
    const r = ctx.resolve(targetName(ctx, exp.value, domain), "TXT");
    if (r.answers.length !== 1) return null;
    return expand(ctx, r.answers[0]!.replace(/ /g, "%_"), domain, true);
  } catch {
    return null;
  }
}

// --- the check ---------------------------------------------------------------------------------

/** check_host() for MAIL FROM, or for HELO when MAIL FROM is empty. */
export function checkSpf(input: SpfInput, resolve: Resolver): SpfResult {
  const helo = normName(String(input.helo ?? ""));
  const rawSender = String(input.sender ?? "").trim();
  const identity: SpfResult["identity"] = rawSender === "" ? "helo" : "mailfrom";
  let sender = identity === "helo" ? `postmaster@${helo}` : rawSender;
  if (!sender.includes("@")) sender = `postmaster@${sender}`;
  else if (sender.startsWith("@")) sender = `postmaster${sender}`;
  const domain = normName(sender.slice(sender.lastIndexOf("@") + 1));
  const lookups: SpfLookups = { count: 0, void: 0, limit: LOOKUP_LIMIT, voidLimit: VOID_LIMIT };
  const ip = String(input.ip ?? "");
  const ctx: Ctx = {
    ip,
    ipNum: ipv4(ip) ?? 0,
    sender,
    helo,
    receiver: String(input.receiver ?? ""),
    now: Number(input.now) || 0,
    resolve,
    lookups,
    depth: 0,
  };
  let verdict: Verdict;
  let record: string | null = null;
  if (!/^([a-z0-9_-]+\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/i.test(domain)) {
    verdict = {
      result: "none",
      mechanism: null,
      domain,
      reason: `"${domain}" is not a domain name`,
      exp: null,
    };
  } else {
    try {
      record = findRecord(ctx, domain, false);
      verdict = checkHost(ctx, domain, record);
    } catch (e) {
      verdict =
        e instanceof Abort
          ? { result: e.result, mechanism: null, domain, reason: e.reason, exp: null }
          : {
              result: "temperror",
              mechanism: null,
              domain,
              reason: `checker error: ${String(e)}`,
              exp: null,
            };
    }
  }
  const res: SpfResult = {
    result: verdict.result,
    identity,
    sender,
    domain,
    ip,
    helo,
    receiver: ctx.receiver,
    record,
    mechanism: verdict.mechanism,
    reason: verdict.reason,
    explanation: "",
    exp: verdict.exp,
    lookups,
  };
  res.explanation = explainSpf(res);
  return res;
}

/** One sentence for the event log and the diagram. */
export function explainSpf(r: SpfResult): string {
  const d = r.domain;
  switch (r.result) {
    case "pass":
      return `SPF pass: ${r.ip} is permitted by ${d} (${r.mechanism ?? "policy"})`;
    case "fail":
      return `SPF fail: ${r.ip} is not permitted by ${d}`;
    case "softfail":
      return `SPF softfail: ${d} says ${r.ip} is probably not permitted (${r.mechanism ?? "~all"})`;
    case "neutral":
      return `SPF neutral: ${d} makes no assertion about ${r.ip}`;
    case "none":
      return `SPF none: ${d} publishes no SPF record`;
    case "permerror":
      return `SPF permerror: ${d}'s SPF record cannot be used: ${r.reason}`;
    case "temperror":
      return `SPF temperror: ${r.reason}; try again later`;
  }
}

/** The comment Received-SPF and Authentication-Results carry, in pyspf/policyd-spf's words. */
export function spfComment(r: SpfResult): string {
  const who = `${r.receiver}: `;
  switch (r.result) {
    case "pass":
      return `${who}domain of ${r.sender} designates ${r.ip} as permitted sender`;
    case "fail":
      return `${who}domain of ${r.sender} does not designate ${r.ip} as permitted sender`;
    case "softfail":
      return `${who}domain of transitioning ${r.sender} does not designate ${r.ip} as permitted sender`;
    case "neutral":
      return `${who}${r.ip} is neither permitted nor denied by domain of ${r.sender}`;
    case "none":
      return `${who}${r.domain} does not designate permitted sender hosts`;
    case "permerror":
      return `${who}permanent error in processing during lookup of ${r.sender}: ${r.reason}`;
    case "temperror":
      return `${who}error in processing during lookup of ${r.sender}: ${r.reason}`;
  }
}
