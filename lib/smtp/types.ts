/**
 * The engine's public types. Everything the UI, the shell and the tests read is declared here.
 */
import type { RuleSpec, ScenarioSpec } from "@/content/scenarios/schema";
import type { SessionState } from "./server";
import type { DkimResultCode, DmarcPolicy, DmarcResultCode, SpfResultCode } from "./auth";

export type { SessionState };
export type {
  ScenarioSpec,
  ScenarioInput,
  HostSpec,
  NetworkSpec,
  RuleSpec,
  FaultSpec,
  DemoStep,
  Expectation,
} from "@/content/scenarios/schema";

export interface WorldOptions {
  /** Seed for queue ids and anything else random. Default 1. */
  seed?: number;
  /** Keep only the newest N events (a ring); the default keeps all. For long runs and benches. */
  eventLimit?: number;
}

/** The parts every event shares: a virtual time in ms since the epoch and a serial number. */
interface EventBase {
  t: number;
  seq: number;
}

/** An event that belongs to one SMTP connection: its id and both ends. */
interface SessionEventBase extends EventBase {
  session: number;
  /** The client host's name. */
  client: string;
  /** The server host's name (or what the client asked for, when it could not be reached). */
  server: string;
  port: number;
}

export type EngineEvent =
  /** `tls`: the client opened with a TLS handshake (implicit TLS); a "tls" event confirms it. */
  | (SessionEventBase & { type: "connect"; tls: boolean })
  | (SessionEventBase & { type: "refused"; error: string })
  | (SessionEventBase & {
      type: "command";
      line: string;
      /** "command" for SMTP verbs, "data" for message lines, "auth" for SASL responses. */
      phase: "command" | "data" | "auth";
    })
  | (SessionEventBase & { type: "reply"; code: number; text: string })
  | (SessionEventBase & { type: "tls"; protocol: string; cipher: string })
  | (SessionEventBase & { type: "auth"; mechanism: string; username: string; ok: boolean })
  | (SessionEventBase & { type: "close"; by: "client" | "server" })
  /** The restriction that decided a RCPT (or VRFY) on `server`, logged just before its reply. */
  | (SessionEventBase & {
      type: "policy";
      recipient: string;
      /** The list that decided; "recipient" also covers the local recipient table. */
      stage: "client" | "helo" | "sender" | "relay" | "recipient";
      /** permit_mynetworks, reject_unauth_destination, local_recipient_maps, or "(none)". */
      restriction: string;
      detail: string;
      verdict: "permit" | "reject" | "defer" | "dunno";
    })
  | (EventBase & {
      type: "dns";
      /** Who asked. */
      host: string;
      name: string;
      rrtype: "A" | "MX" | "PTR" | "TXT";
      status: "NOERROR" | "NXDOMAIN";
      answers: string[];
    })
  | (EventBase & {
      type: "queued";
      host: string;
      queueId: string;
      sender: string;
      recipients: string[];
      /** The session that handed the message in; null for bounces made by the host itself. */
      session: number | null;
    })
  | (EventBase & {
      type: "hop";
      host: string;
      to: string;
      queueId: string;
      /** The queue id the next hop gave ("250 2.0.0 Ok: queued as ..."). */
      nextQueueId: string;
      recipients: string[];
      session: number;
    })
  | (EventBase & {
      type: "delivered";
      host: string;
      queueId: string;
      mailbox: string;
      sender: string;
      /** "Junk" when DMARC quarantine applied at the receiving MX. */
      folder: MailFolder;
    })
  | (EventBase & {
      type: "deferred";
      host: string;
      queueId: string;
      recipients: string[];
      reason: string;
      retryAt: number;
    })
  | (EventBase & {
      type: "bounced";
      host: string;
      queueId: string;
      recipients: string[];
      reason: string;
      /** The queue id of the DSN sent back, or null when the sender was <> (no bounce of a bounce). */
      dsnQueueId: string | null;
    })
  | (EventBase & { type: "postconf"; host: string; name: string; value: string })
  // --- email authentication (lib/smtp/auth) ---
  | (EventBase & {
      /** The receiving MX checked SPF for the session's MAIL FROM (or HELO for <>). */
      type: "spf";
      host: string;
      session: number;
      ip: string;
      identity: "mailfrom" | "helo";
      /** The checked identity, e.g. "ceo@corp.example" or "postmaster@helo.name". */
      sender: string;
      domain: string;
      result: SpfResultCode;
      /** The matching term ("-all", "mx"), or null. */
      mechanism: string | null;
      reason: string;
      /** "SPF fail: 203.0.113.10 is not permitted by corp.example" */
      explanation: string;
      /** DNS terms used (limit 10) and void answers (limit 2), RFC 7208 4.6.4. */
      lookups: { count: number; void: number };
    })
  | (EventBase & {
      /** One per DKIM-Signature the receiving MX verified; result "none" when there was none. */
      type: "dkim";
      host: string;
      session: number;
      result: DkimResultCode | "none";
      /** d= and s= ("" when none). */
      domain: string;
      selector: string;
      /** "body hash did not verify", "signature did not verify", "no key for signature at ..." */
      reason: string;
      explanation: string;
    })
  | (EventBase & {
      type: "dmarc";
      host: string;
      session: number;
      /** The header From domain. */
      fromDomain: string;
      result: DmarcResultCode;
      /** The published policy that applies (p=, or sp= for a subdomain), null without a record. */
      policy: DmarcPolicy | null;
      /** What the MX did: none (deliver), quarantine (Junk), reject (550 5.7.1). */
      disposition: DmarcPolicy;
      spfAligned: boolean;
      dkimAligned: boolean;
      explanation: string;
    })
  | (EventBase & {
      /** A relay signed an outgoing message (OpenDKIM in signing mode). */
      type: "dkimsign";
      host: string;
      queueId: string;
      domain: string;
      selector: string;
    })
  | (EventBase & {
      /** A relay was given a new DKIM signing key (opendkim-genkey); it signs with it from now on. */
      type: "dkimkey";
      host: string;
      domain: string;
      selector: string;
      /** The TXT record that publishes the public half at SELECTOR._domainkey.DOMAIN. */
      record: string;
    })
  | (EventBase & {
      /** A dynamic DNS update (nsupdate) was applied. */
      type: "dnsupdate";
      /** Who sent it. */
      host: string;
      op: "add" | "delete";
      name: string;
      rrtype: "TXT";
      /** The record text; "" for a delete of every TXT record at the name. */
      value: string;
    });

export type EngineEventType = EngineEvent["type"];

/** One SMTP connection, seen from the client side. */
export interface Session {
  readonly id: number;
  readonly client: string;
  readonly server: string;
  readonly port: number;
  /** The greeting exactly as on the wire; "" when refused or when TLS must come first (465). */
  readonly greeting: string;
  readonly closed: boolean;
  /** Why the connection failed or ended, in telnet's words; null while all is well. */
  readonly error: string | null;
  readonly tls: boolean;
  readonly authenticatedAs: string | null;
  readonly state: SessionState;
  /** True between "354" and the lone "." */
  readonly inData: boolean;
  /**
   * Send one line (or several, separated by newlines: a paste) and return the reply exactly as
   * on the wire, lines joined by CRLF. Inside DATA, returns "" until the lone ".". Never throws;
   * on a closed session returns "".
   */
  send(line: string): string;
  /**
   * Do the client side of a TLS handshake: after "220 2.0.0 Ready to start TLS", or first thing
   * on an implicit-TLS port. Returns the greeting on 465 (else ""), or an error.
   */
  startTls(): { ok: true; greeting: string } | { ok: false; error: string };
  /** The client hangs up (telnet's Ctrl+] quit, or Ctrl+C in nc). */
  close(): void;
}

export interface ConnectOptions {
  from: string;
  /** A host name or an IPv4 address. */
  to: string;
  port: number;
  /** Start with a TLS handshake (openssl s_client -connect host:465). */
  tls?: boolean;
}

export interface HostInfo {
  name: string;
  ip: string;
  network: string;
  role: "client" | "relay" | "mx" | "spammer" | "server";
  label: string;
  shell: boolean;
  /** Ports with a listening SMTP service. */
  ports: number[];
  /** Whether the host runs Postfix (so postconf and mailq apply). */
  mta: boolean;
  editable: boolean;
}

export interface NetworkInfo {
  id: string;
  name: string;
  cidr: string;
  kind: "isp" | "lan" | "internet" | "dmz";
}

export interface DomainInfo {
  domain: string;
  mx: Array<{ host: string; preference: number }>;
}

/** A mailbox's folders: the inbox, and Junk for what DMARC quarantined. */
export type MailFolder = "Inbox" | "Junk";

export type DnsAnswer =
  | { status: "NOERROR"; type: "A" | "PTR"; name: string; answers: string[] }
  /** One string per TXT record, its character-strings joined. */
  | { status: "NOERROR"; type: "TXT"; name: string; answers: string[] }
  | {
      status: "NOERROR";
      type: "MX";
      name: string;
      answers: Array<{ preference: number; exchange: string }>;
    }
  | { status: "NXDOMAIN"; type: "A" | "MX" | "PTR" | "TXT"; name: string; answers: [] };

/** nsupdate's "update add NAME TTL TXT ..." and "update delete NAME [TXT [...]]". */
export type DnsUpdate =
  | { op: "add"; name: string; type: "TXT"; value: string; ttl?: number }
  /** Without `value`, every TXT record at the name goes. */
  | { op: "delete"; name: string; type: "TXT"; value?: string };

export type DnsUpdateResult = { ok: true } | { ok: false; error: string };

/** A DKIM signing key installed on a relay (OpenDKIM's KeyTable + SigningTable entry). */
export interface DkimKeyInfo {
  host: string;
  domain: string;
  selector: string;
  /** The public key, base64, as p= publishes it. */
  publicKey: string;
  /** The TXT record to publish at `${selector}._domainkey.${domain}`. */
  record: string;
}

export interface QueueEntry {
  id: string;
  host: string;
  size: number;
  arrival: number;
  sender: string;
  /** Recipients still to deliver, with the last reason if deferred. */
  recipients: Array<{ address: string; reason: string | null }>;
  status: "active" | "deferred";
  nextAttempt: number;
  attempts: number;
}

export type PostconfResult = { ok: true } | { ok: false; error: string };

export interface World {
  readonly ok: true;
  readonly scenario: ScenarioSpec;
  connect(options: ConnectOptions): Session;
  /** Run scheduled work (queue runs, deliveries, retries) until nothing is left. Returns steps run. */
  runUntilIdle(): number;
  /**
   * Run the actions due up to virtual time `t`, then move the clock to `t` (if later). Lets a UI
   * play the world at its own pace instead of jumping through days of retries.
   */
  runUntil(t: number): number;
  /** Run one scheduled action; false when there is nothing to do. */
  step(): boolean;
  /** Virtual time of the next scheduled action, or null. */
  nextAt(): number | null;
  /** The virtual clock, ms since the epoch. */
  now(): number;
  /** Messages delivered to this address: raw RFC 5322 text with CRLF line ends. */
  mailbox(address: string): string[];
  /** All mailbox addresses that exist in the scenario. */
  mailboxes(): string[];
  events(): readonly EngineEvent[];
  subscribe(listener: (event: EngineEvent) => void): () => void;
  hosts(): HostInfo[];
  host(name: string): HostInfo | null;
  /**
   * Add a client host (no MTA) while the world runs, e.g. the bridge's "your computer". The
   * spec is a scenario host without `mta`, validated: its network must exist and contain its
   * IP; name and IP must be free. Never throws.
   */
  addHost(spec: unknown): { ok: true; host: HostInfo } | { ok: false; error: string };
  networks(): NetworkInfo[];
  domains(): DomainInfo[];
  /**
   * A DNS query made by `from` (default: the learner's host); logs a "dns" event. PTR takes an
   * IPv4 address (dig -x) and answers the host name.
   */
  resolve(name: string, type: "A" | "MX" | "PTR" | "TXT", from?: string): DnsAnswer;
  /** Messages in one folder of a mailbox: "Inbox" is `mailbox(address)`, "Junk" holds quarantined mail. */
  folder(address: string, folder: MailFolder): string[];
  /** Every TXT record in the world's DNS, sorted by name (scenario data plus nsupdate changes). */
  txtRecords(): Array<{ name: string; value: string }>;
  /** Apply a dynamic update (nsupdate's send); validated, logs a "dnsupdate" event, never throws. */
  updateDns(update: DnsUpdate, from?: string): DnsUpdateResult;
  /**
   * opendkim-genkey: make an Ed25519 key pair with the world's seeded generator and install the
   * private key on `host` for signing mail From `domain` (replacing that selector's key). The
   * TXT record is returned for the caller to publish; nothing is published by itself.
   */
  generateDkimKey(
    host: string,
    domain: string,
    selector: string,
  ): { ok: true; key: DkimKeyInfo } | { ok: false; error: string };
  /** The DKIM signing keys installed on a host (all hosts when omitted). */
  dkimKeys(host?: string): DkimKeyInfo[];
  /** The mailboxes a host's local delivery agent writes to (for `mail` on that host). */
  mailboxesOn(host: string): string[];
  /** The firewall rules, first match wins; anything unmatched is allowed. */
  rules(): RuleSpec[];
  /** Replace the firewall rules (e.g. open outbound 25 in mail-firewall); validated, never throws. */
  setRules(rules: unknown): { ok: true } | { ok: false; error: string };
  queue(host: string): QueueEntry[];
  /** main.cf as postconf shows it (defaults merged with the scenario's settings); null if no MTA. */
  postconf(host: string): Record<string, string> | null;
  /** postconf -e name=value; applies to connections made afterwards. */
  setPostconf(host: string, name: string, value: string): PostconfResult;
}

export interface WorldError {
  readonly ok: false;
  readonly error: string;
}
