/**
 * main.cf parameters by their Postfix names, and the relay decision Postfix makes at RCPT.
 */
import { clientRejected, recipientRejected, relayDenied, REPLY, type Reply } from "./replies";

/**
 * Postfix defaults (postconf -d) for the main.cf and master.cf parameters a learner meets. Some
 * drive the simulation (relay policy, TLS, SASL, limits, queue timers, the banner); the others
 * (file paths, maps, daemon plumbing) are known so `postconf` shows and accepts them as Postfix
 * would, without changing what the simulation does. Any other name is refused, as postconf
 * refuses an unknown parameter. A null-prototype object, so "constructor" or "__proto__" is
 * never mistaken for a parameter.
 */
export const POSTCONF_DEFAULTS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    // Identity and addressing
    myhostname: "localhost.localdomain",
    mydomain: "localdomain",
    myorigin: "$myhostname",
    mydestination: "$myhostname, localhost.$mydomain, localhost",
    mynetworks: "127.0.0.0/8",
    mynetworks_style: "host",
    inet_interfaces: "all",
    inet_protocols: "all",
    mail_name: "Postfix",
    smtpd_banner: "$myhostname ESMTP $mail_name",
    compatibility_level: "3.6",
    // Routing and relaying
    relayhost: "",
    relay_domains: "",
    alias_maps: "hash:/etc/aliases",
    alias_database: "hash:/etc/aliases",
    home_mailbox: "",
    recipient_delimiter: "",
    virtual_alias_domains: "",
    virtual_alias_maps: "",
    transport_maps: "",
    // Restrictions
    smtpd_client_restrictions: "",
    smtpd_helo_restrictions: "",
    smtpd_sender_restrictions: "",
    smtpd_relay_restrictions:
      "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination",
    smtpd_recipient_restrictions: "",
    smtpd_delay_reject: "yes",
    smtpd_helo_required: "no",
    disable_vrfy_command: "no",
    // TLS (server side, then client side)
    smtpd_tls_security_level: "may",
    smtpd_tls_wrappermode: "no",
    smtpd_tls_auth_only: "no",
    smtpd_tls_cert_file: "",
    smtpd_tls_key_file: "",
    smtpd_tls_loglevel: "0",
    smtpd_tls_received_header: "no",
    smtp_tls_security_level: "may",
    // SASL
    smtpd_sasl_auth_enable: "no",
    smtpd_sasl_type: "cyrus",
    smtpd_sasl_path: "smtpd",
    smtpd_sasl_security_options: "noanonymous",
    smtpd_sasl_authenticated_header: "no",
    smtp_sasl_auth_enable: "no",
    smtp_sasl_password_maps: "",
    // Limits and queue timers
    message_size_limit: "10240000",
    mailbox_size_limit: "51200000",
    smtpd_recipient_limit: "1000",
    smtpd_hard_error_limit: "20",
    maximal_queue_lifetime: "5d",
    bounce_queue_lifetime: "5d",
    minimal_backoff_time: "300s",
    maximal_backoff_time: "4000s",
    queue_run_delay: "300s",
  }),
);

/** Whether `name` is a parameter postconf knows (an own property, never an inherited one). */
export const isKnownParam = (name: string): boolean => Object.hasOwn(POSTCONF_DEFAULTS, name);

/** A parameter's value in a main.cf-like table, reading own properties only. */
export const paramOf = (conf: Readonly<Record<string, string>>, name: string): string => {
  if (!Object.hasOwn(conf, name)) return "";
  const v = conf[name];
  return typeof v === "string" ? v : "";
};

export const RESTRICTIONS = [
  "permit",
  "reject",
  "defer",
  "permit_mynetworks",
  "permit_sasl_authenticated",
  "permit_auth_destination",
  "reject_unauth_destination",
  "defer_unauth_destination",
] as const;
type Restriction = (typeof RESTRICTIONS)[number];
const RESTRICTION_SET: ReadonlySet<string> = new Set(RESTRICTIONS);

const RESTRICTION_PARAMS = new Set([
  "smtpd_client_restrictions",
  "smtpd_helo_restrictions",
  "smtpd_sender_restrictions",
  "smtpd_relay_restrictions",
  "smtpd_recipient_restrictions",
]);

/** Expand $name and ${name} references, as Postfix does when it reads main.cf. */
export function expand(conf: Readonly<Record<string, string>>, value: string, depth = 0): string {
  if (depth > 8 || value.indexOf("$") === -1) return value;
  return value.replace(/\$\{?([a-zA-Z_0-9]+)\}?/g, (_m, name: string) =>
    expand(conf, paramOf(conf, name), depth + 1),
  );
}

export const listOf = (value: string): string[] =>
  value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Parse "10.0.0.0/24" into a numeric base and mask; null when malformed. */
export function parseCidr(text: string): { base: number; mask: number } | null {
  const m = /^\[?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\]?(?:\/(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  if (octets.some((o) => o > 255)) return null;
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (bits > 32) return null;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const base = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { base: (base & mask) >>> 0, mask };
}

export function ipToNumber(ip: string): number | null {
  const c = parseCidr(ip);
  return c && ip.indexOf("/") === -1 ? c.base : null;
}

export interface Cidr {
  base: number;
  mask: number;
}

/** Parse a list such as mynetworks once; malformed entries are skipped. */
export function parseNetworks(items: readonly string[]): Cidr[] {
  return items.map(parseCidr).filter((c): c is Cidr => c !== null);
}

export function inNetworks(ip: string, nets: readonly Cidr[]): boolean {
  const n = ipToNumber(ip);
  return n !== null && nets.some((c) => (n & c.mask) >>> 0 === c.base);
}

export function inCidr(ip: string, cidr: string): boolean {
  const n = ipToNumber(ip);
  const c = parseCidr(cidr);
  return n !== null && c !== null && (n & c.mask) >>> 0 === c.base;
}

const BOOLEAN_PARAMS: ReadonlySet<string> = new Set([
  "smtpd_sasl_auth_enable",
  "smtpd_tls_auth_only",
  "disable_vrfy_command",
  "smtpd_tls_wrappermode",
  "smtpd_helo_required",
  "smtpd_delay_reject",
  "smtpd_tls_received_header",
  "smtpd_sasl_authenticated_header",
  "smtp_sasl_auth_enable",
]);
const TIME_PARAMS: ReadonlySet<string> = new Set([
  "maximal_queue_lifetime",
  "bounce_queue_lifetime",
  "minimal_backoff_time",
  "maximal_backoff_time",
  "queue_run_delay",
]);

/** The $name and ${name} references in a value. */
const references = (value: string): string[] =>
  [...value.matchAll(/\$\{?([a-zA-Z_0-9]+)\}?/g)].map((m) => m[1]!);

/** Check a postconf -e change. Returns an error in postconf's words, or null when acceptable. */
export function validateParam(name: string, value: string): string | null {
  if (!isKnownParam(name)) {
    return `postconf: warning: ${name}: unknown parameter`;
  }

  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    return `postconf: fatal: ${name}: the value contains a control character`;
  }
  const unknownRef = references(value).find((r) => !isKnownParam(r));
  if (unknownRef !== undefined) {
    return `postconf: warning: ${name}: $${unknownRef}: unknown parameter`;
  }
  if (name === "mynetworks") {
    for (const item of listOf(value)) {
      if (item.startsWith("$")) continue;
      if (parseCidr(item) === null)
        return `postconf: warning: mynetworks: bad network address: "${item}"`;
    }
  }
  if (RESTRICTION_PARAMS.has(name)) {
    for (const item of listOf(value)) {
      if (!RESTRICTION_SET.has(item))
        return `postconf: fatal: ${name}: unknown smtpd restriction: "${item}"`;
    }
  }
  if ((/_limit$/.test(name) || name === "smtpd_tls_loglevel") && !/^\d+$/.test(value)) {
    return `postconf: fatal: bad numerical configuration: ${name} = ${value}`;
  }
  if (BOOLEAN_PARAMS.has(name) && !/^(yes|no)$/.test(value)) {
    return `postconf: fatal: bad boolean configuration: ${name} = ${value}`;
  }
  if (TIME_PARAMS.has(name) && !/^\d+[smhdw]?$/.test(value)) {
    return `postconf: fatal: bad time configuration: ${name} = ${value}`;
  }
  if (/tls_security_level$/.test(name) && !/^(none|may|encrypt)$/.test(value)) {
    return `postconf: warning: invalid ${name} value: ${value}`;
  }
  return null;
}

/** What a server needs to decide about one client or recipient. */
export interface RelayContext {
  clientName: string;
  clientIp: string;
  authenticated: boolean;
  mynetworks: readonly Cidr[];
  /** Is this domain one the server accepts mail for (mydestination or relay_domains)? */
  isAuthDestination(domain: string): boolean;
  /** The HELO/EHLO name and the envelope sender, for helo and sender restrictions. */
  heloName?: string | null;
  sender?: string | null;
}

export interface ParsedPolicy {
  client: Restriction[];
  helo: Restriction[];
  sender: Restriction[];
  relay: Restriction[];
  recipient: Restriction[];
  /** Postfix refuses to run when neither relay nor recipient list can ever reject. */
  misconfigured: boolean;
}

export function parsePolicy(conf: Readonly<Record<string, string>>): ParsedPolicy {
  const get = (name: string): Restriction[] =>
    listOf(expand(conf, paramOf(conf, name))).filter((r): r is Restriction =>
      RESTRICTION_SET.has(r),
    );
  const relay = get("smtpd_relay_restrictions");
  const recipient = get("smtpd_recipient_restrictions");
  const blocking = new Set<Restriction>([
    "reject",
    "defer",
    "reject_unauth_destination",
    "defer_unauth_destination",
  ]);
  const misconfigured = ![...relay, ...recipient].some((r) => blocking.has(r));
  return {
    client: get("smtpd_client_restrictions"),
    helo: get("smtpd_helo_restrictions"),
    sender: get("smtpd_sender_restrictions"),
    relay,
    recipient,
    misconfigured,
  };
}

type Stage = "client" | "helo" | "sender" | "relay" | "recipient";

/** The reply a plain reject (or defer) gives in each restriction list, in Postfix's words. */
function rejectReply(stage: Stage, ctx: RelayContext, rcpt: string, defer: boolean): Reply {
  const rep =
    stage === "client"
      ? clientRejected(ctx.clientName, ctx.clientIp)
      : stage === "helo"
        ? {
            code: 554,
            lines: [`5.7.1 <${ctx.heloName ?? ""}>: Helo command rejected: Access denied`],
          }
        : stage === "sender"
          ? {
              code: 554,
              lines: [`5.7.1 <${ctx.sender ?? ""}>: Sender address rejected: Access denied`],
            }
          : recipientRejected(rcpt);
  return defer ? { code: 450, lines: [rep.lines[0]!.replace(/^5\.7\.1/, "4.7.1")] } : rep;
}

/** Which restriction decided a recipient, and why: the engine's "policy" event carries this. */
export interface PolicyDecision {
  /** The list that decided: smtpd_client_, _helo_, _sender_, _relay_ or _recipient_restrictions. */
  stage: Stage;
  /** The restriction's Postfix name, or "(none)" when no restriction decided anything. */
  restriction: string;
  /** Why it matched, in a sentence fragment ("matched 10.0.0.0/24 (client 10.0.0.5)"). */
  detail: string;
  /** "dunno": no restriction permitted or rejected, so the recipient passed by default. */
  verdict: "permit" | "reject" | "defer" | "dunno";
}

const formatCidr = (c: Cidr): string => {
  let prefix = 0;
  for (let m = c.mask; m !== 0; m = (m << 1) >>> 0) prefix++;
  const b = c.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${prefix}`;
};

/**
/**
 * Run one restriction list for a check that has no recipient yet (smtpd_delay_reject = no: the
 * client list at connect, helo at HELO, sender at MAIL). Recipient-based restrictions do not
 * apply there, as Postfix skips them. Returns the rejecting reply, or null.
 */
function runEarly(stage: Stage, list: readonly Restriction[], ctx: RelayContext): Reply | null {
  for (const r of list) {
    const matched = matchRestriction(r, stage, ctx, null, "");
    if (matched === null) continue;
    return matched.reply; // a permit ends the list (null), a reject decides
  }
  return null;
}

/**
 * smtpd_delay_reject = no: the client restrictions run when the client connects. Returns the
 * rejecting reply (it replaces the 220 greeting), or null.
 */
export function checkClient(policy: ParsedPolicy, ctx: RelayContext): Reply | null {
  return runEarly("client", policy.client, ctx);
}

/** smtpd_delay_reject = no: the helo list runs at HELO/EHLO, the sender list at MAIL. */
export function checkEarly(
  policy: ParsedPolicy,
  stage: "helo" | "sender",
  ctx: RelayContext,
): Reply | null {
  return runEarly(stage, policy[stage], ctx);
}

/**
 * Evaluate the restriction lists for one RCPT. With smtpd_delay_reject = yes (the default)
 * Postfix runs them all here, in order: client, helo, sender, relay, recipient; with "no" the
 * first three already ran earlier and are skipped. A permit ends its own list only; a reject
 * ends the decision. Returns the rejecting reply (or null) and the restriction that decided:
 * the rejecting one, else the relay list's permit, else the last permit.
 */
export function evaluateRecipient(
  policy: ParsedPolicy,
  ctx: RelayContext,
  rcpt: string,
  routedDomain: string,
  delayReject = true,
): { reply: Reply | null; decision: PolicyDecision } {
  if (policy.misconfigured)
    return {
      reply: REPLY.configError,
      decision: {
        stage: "relay",
        restriction: "(none)",
        detail:
          "neither smtpd_relay_restrictions nor smtpd_recipient_restrictions can reject, so Postfix refuses to relay",
        verdict: "defer",
      },
    };
  const lists: Array<[Stage, Restriction[]]> = [
    ...(delayReject
      ? ([
          ["client", policy.client],
          ["helo", policy.helo],
          ["sender", policy.sender],
        ] as Array<[Stage, Restriction[]]>)
      : []),
    ["relay", policy.relay],
    ["recipient", policy.recipient],
  ];
  let permit: PolicyDecision | null = null;
  // A reject_unauth_destination that let a local domain through explains an accept best.
  let passed: PolicyDecision | null = null;
  for (const [stage, list] of lists) {
    for (const r of list) {
      const matched = matchRestriction(r, stage, ctx, rcpt, routedDomain);
      if (matched === null) {
        if (r === "reject_unauth_destination" || r === "defer_unauth_destination")
          passed ??= {
            stage,
            restriction: r,
            detail: `did not apply: ${routedDomain} is a domain this server accepts mail for`,
            verdict: "dunno",
          };
        continue;
      }
      const decision: PolicyDecision = {
        stage,
        restriction: r,
        detail: matched.detail,
        verdict: matched.reply === null ? "permit" : matched.reply.code < 500 ? "defer" : "reject",
      };
      if (matched.reply !== null) return { reply: matched.reply, decision };
      if (permit === null || permit.stage !== "relay") permit = decision;
      break; // a permit ends its own list
    }
  }
  return {
    reply: null,
    decision: permit ??
      passed ?? {
        stage: "recipient",
        restriction: "(none)",
        detail: "no restriction permitted or rejected it, so it passed by default",
        verdict: "dunno",
      },
  };
}

/** One restriction against one recipient: null when it does not apply (Postfix's DUNNO). */
function matchRestriction(
  r: Restriction,
  stage: Stage,
  ctx: RelayContext,
  rcpt: string | null,
  routedDomain: string,
): { reply: Reply | null; detail: string } | null {
  switch (r) {
    case "permit":
      return { reply: null, detail: "permits every client" };
    case "reject":
    case "defer":
      return {
        reply: rejectReply(stage, ctx, rcpt ?? "", r === "defer"),
        detail: `${r === "defer" ? "defers" : "rejects"} every client`,
      };
    case "permit_mynetworks": {
      const n = ipToNumber(ctx.clientIp);
      const hit =
        n === null ? undefined : ctx.mynetworks.find((c) => (n & c.mask) >>> 0 === c.base);
      return hit
        ? { reply: null, detail: `matched ${formatCidr(hit)} (client ${ctx.clientIp})` }
        : null;
    }
    case "permit_sasl_authenticated":
      return ctx.authenticated
        ? { reply: null, detail: "the client logged in with SASL AUTH" }
        : null;
    case "permit_auth_destination":
      return rcpt !== null && ctx.isAuthDestination(routedDomain)
        ? { reply: null, detail: `${routedDomain} is a domain this server accepts mail for` }
        : null;
    case "reject_unauth_destination":
    case "defer_unauth_destination":
      return rcpt === null || ctx.isAuthDestination(routedDomain)
        ? null
        : {
            reply: relayDenied(rcpt, r === "defer_unauth_destination"),
            detail: `${routedDomain} is not a domain this server accepts mail for, and nothing before it permitted the client (${ctx.clientIp})`,
          };
  }
}

/** The rejecting reply for one RCPT, or null (evaluateRecipient without the explanation). */
export function checkRecipient(
  policy: ParsedPolicy,
  ctx: RelayContext,
  rcpt: string,
  routedDomain: string,
  delayReject = true,
): Reply | null {
  return evaluateRecipient(policy, ctx, rcpt, routedDomain, delayReject).reply;
}

/** Parse Postfix time values ("300s", "5d", "4000"). */
export function parseDuration(value: string): number {
  const m = /^(\d+)([smhdw]?)$/.exec(value.trim());
  if (!m) return 0;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as "" | "s"] ?? 1;
  return Number(m[1]) * unit * 1000;
}
