/**
 * The header analyser's model: plain data, so a Web Worker can post it back and the UI can
 * render it as text. Nothing here holds HTML.
 */

/** One header field as the parser unfolded it, in message order (newest first). */
export interface HeaderField {
  /** As written, e.g. "Received". */
  name: string;
  /** Unfolded; encoded words left as they are (decode for display only). */
  value: string;
}

/** A date read from a header with the zone it was written in. */
export interface HeaderDate {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number;
  /** The writer's offset from UTC in minutes (e.g. -420 for -0700). */
  offsetMinutes: number;
  /** The date as written, trimmed. */
  text: string;
  /** The date was written with fractions of a second. */
  subSecond: boolean;
}

/** Address ranges that say something about where a hop came from. */
export type IpScope =
  "public" | "private" | "loopback" | "link-local" | "shared" | "documentation" | "unspecified";

export interface HopIp {
  address: string;
  version: 4 | 6;
  scope: IpScope;
}

/** One Received: header, read. Fields the header does not record are null. */
export interface Hop {
  /** 1 = the first server the message reached. */
  index: number;
  /** The name the client gave in HELO/EHLO ("from" word). */
  fromHelo: string | null;
  /** The name the receiving server found for the client's address (reverse DNS). */
  fromRdns: string | null;
  fromIp: HopIp | null;
  /** The receiving server. */
  by: string | null;
  byIp: HopIp | null;
  /** Software the receiving server named in a comment ("Postfix", "Exim 4.96"...). */
  software: string | null;
  /** The "with" protocol as written: SMTP, ESMTP, ESMTPS, ESMTPSA, LMTP, HTTP, mapi... */
  protocol: string | null;
  /** "via" clause (Exchange: "Frontend Transport"). */
  via: string | null;
  tls: { version: string | null; cipher: string | null } | null;
  /** True when the client logged in (ESMTPA/ESMTPSA or an "Authenticated sender" comment). */
  authenticated: boolean;
  authenticatedAs: string | null;
  id: string | null;
  for: string | null;
  envelopeFrom: string | null;
  date: HeaderDate | null;
  /** The date part as written (after the last ";"), readable or not. */
  dateText: string | null;
  /** Milliseconds since the previous hop (null when either date is missing or unreadable). */
  delayMs: number | null;
  /** The previous hop's date is later than this one's: one of the clocks is wrong. */
  clockSkew: boolean;
  /** The Received: value as it came. */
  raw: string;
}

/** RFC 8601 result words, plus what older software writes. */
export type AuthResultCode =
  | "pass"
  | "fail"
  | "softfail"
  | "neutral"
  | "none"
  | "temperror"
  | "permerror"
  | "policy"
  | "hardfail"
  | "bestguesspass"
  | "skipped"
  /** Exchange Online's compauth: probably genuine, short of a pass. */
  | "softpass"
  | "unknown";

export type AuthSource =
  "Authentication-Results" | "ARC-Authentication-Results" | "Received-SPF" | "DKIM-Signature";

/** One method's verdict (spf=pass, dkim=fail...), from whichever header reported it. */
export interface AuthCheck {
  method: string;
  result: AuthResultCode;
  /** The domain the check was about: SPF's MAIL FROM domain, DKIM's d=, DMARC's From domain. */
  domain: string | null;
  /** Who reported it (authserv-id, or the Received-SPF receiver). */
  reporter: string | null;
  source: AuthSource;
  /** ARC instance (i=) for ARC-Authentication-Results. */
  instance: number | null;
  reason: string | null;
  comment: string | null;
  /** ptype.property=value pairs, e.g. { "smtp.mailfrom": "a@b.example", "header.d": "b.example" }. */
  props: Record<string, string>;
}

/** One Authentication-Results (or ARC-Authentication-Results) header, parsed. */
export interface AuthResultsHeader {
  source: "Authentication-Results" | "ARC-Authentication-Results";
  authservId: string;
  instance: number | null;
  checks: AuthCheck[];
  raw: string;
}

export interface DkimSignature {
  domain: string | null;
  selector: string | null;
  algorithm: string | null;
  /** Signed header names, lower case, in order. */
  headers: string[];
  identity: string | null;
  canonicalization: string | null;
  /** Signing time (t=), seconds since the epoch. */
  timestamp: number | null;
  raw: string;
}

export interface Mailbox {
  name: string;
  address: string;
  domain: string | null;
}

export type AlignmentState = "exact" | "relaxed" | "none" | "unknown";

export interface AlignmentRow {
  /** What is compared with the header From domain. */
  label: string;
  domain: string | null;
  state: AlignmentState;
}

export type WarningKind =
  | "reply-to"
  | "display-name"
  | "return-path-org"
  | "lookalike"
  | "auth-failed"
  | "private-after-public"
  | "clock-skew"
  | "unreadable";

export interface Warning {
  kind: WarningKind;
  severity: "high" | "medium" | "info";
  title: string;
  /** Plain words: what was seen and why it matters. */
  detail: string;
}

export interface AuthVerdict {
  result: AuthResultCode | null;
  domain: string | null;
  /** Plain-words explanation of the verdict. */
  words: string;
  reporter: string | null;
}

export interface AuthSummary {
  spf: AuthVerdict;
  dkim: AuthVerdict[];
  dmarc: AuthVerdict;
  arc: AuthVerdict | null;
  results: AuthResultsHeader[];
  receivedSpf: AuthCheck[];
  signatures: DkimSignature[];
}

/** Exchange Online's own verdicts, read from its X-MS-Exchange-* and X-Forefront-* fields. */
export interface ExchangeVerdicts {
  /** Spam confidence level: -1 (filtering skipped) to 9. */
  scl: number | null;
  direction: "inbound" | "outbound" | "internal" | null;
  /** X-MS-Exchange-Organization-AuthAs: Anonymous, Internal, Partner... */
  authAs: string | null;
  /** CIP: the address Exchange saw connecting. */
  connectingIp: string | null;
  /** CTRY: the country Exchange placed that address in. */
  country: string | null;
  /** compauth= from Exchange's Authentication-Results. */
  compauth: { result: AuthResultCode; reason: string | null } | null;
  /** Plain-words sentences, one per verdict present. */
  words: string[];
}

export interface Analysis {
  headerCount: number;
  subject: string | null;
  from: Mailbox | null;
  replyTo: Mailbox | null;
  returnPath: Mailbox | null;
  sender: Mailbox | null;
  to: string | null;
  messageId: string | null;
  date: HeaderDate | null;
  hops: Hop[];
  /** First hop to last hop, when both dates are readable. */
  totalMs: number | null;
  auth: AuthSummary;
  fromOrg: string | null;
  alignment: AlignmentRow[];
  /** Null unless the message passed through Exchange (Online). */
  exchange: ExchangeVerdicts | null;
  warnings: Warning[];
  /** Received: headers that could not be read at all (kept so nothing is hidden). */
  unreadableReceived: string[];
}

export type AnalyseOutcome =
  { ok: true; analysis: Analysis; headerBlock: string } | { ok: false; error: string };
