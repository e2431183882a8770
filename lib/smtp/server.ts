/**
 * The Postfix-like SMTP server session: an explicit state machine with one handler per verb.
 * It knows nothing about networks or queues; the world passes a ServerEnv in.
 */
import { unstuffDataLine } from "./framing";
import {
  decodeBase64,
  parseCommand,
  parsePath,
  routedDomain,
  splitAddress,
  type Path,
  type Verb,
} from "./parse";
import { checkRecipient, type Cidr, type ParsedPolicy } from "./policy";
import {
  greetingReply,
  heloReply,
  queued,
  REPLY,
  unsupportedOption,
  userUnknown,
  vrfyOk,
  type Reply,
} from "./replies";

/**
 * The states a session passes through (RFC 5321 4.1.4 command ordering):
 * - "tls-wait": implicit-TLS port (465) waiting for the client's TLS handshake, no greeting yet.
 * - "init": greeted, waiting for HELO/EHLO.
 * - "ready": HELO/EHLO done, no transaction.
 * - "mail": MAIL accepted, no accepted recipient yet.
 * - "rcpt": at least one recipient accepted.
 * - "data": reading message lines until a lone ".".
 * - "auth": in the middle of a SASL exchange (334 sent).
 * - "tls-handshake": "220 Ready to start TLS" sent; the next thing must be a TLS handshake.
 * - "closed": QUIT, a 421, or a protocol violation ended the connection.
 */
export type SessionState =
  "tls-wait" | "init" | "ready" | "mail" | "rcpt" | "data" | "auth" | "tls-handshake" | "closed";

export interface ServerSettings {
  hostname: string;
  sizeLimit: number;
  recipientLimit: number;
  vrfyDisabled: boolean;
  heloRequired: boolean;
  /** smtpd_tls_security_level: none (no STARTTLS), may (offered), encrypt (required). */
  tlsLevel: "none" | "may" | "encrypt";
  /** smtpd_tls_wrappermode: implicit TLS (port 465). */
  wrapper: boolean;
  saslEnabled: boolean;
  tlsAuthOnly: boolean;
  mynetworks: Cidr[];
  policy: ParsedPolicy;
}

/** A transaction the server accepted at the final ".". */
export interface AcceptedMessage {
  heloName: string;
  esmtp: boolean;
  tls: boolean;
  authUser: string | null;
  clientName: string;
  clientIp: string;
  sender: string;
  recipients: string[];
  /** Message lines, dot-unstuffed, without the terminating ".". */
  lines: string[];
  size: number;
}

export interface ServerEnv {
  settings: ServerSettings;
  clientName: string;
  clientIp: string;
  isAuthDestination(domain: string): boolean;
  isLocalDomain(domain: string): boolean;
  isLocalUser(localPart: string): boolean;
  checkLogin(username: string, password: string): boolean;
  /** Scenario faults: a busy host answers RCPT with 450; a full mailbox fails DATA with 552. */
  rcptFault(rcpt: string): Reply | null;
  dataFault(recipients: readonly string[]): Reply | null;
  /**
   * Queue the message and return its queue id, or a milter's rejection (DMARC p=reject answers
   * 550 5.7.1 after DATA) and queue nothing.
   */
  accept(msg: AcceptedMessage): string | Reply;
  /** ETRN: flush the deferred queue. */
  flush(): void;
}

/** Postfix's smtpd_hard_error_limit: after this many errors the server hangs up. */
const HARD_ERROR_LIMIT = 20;
/** Postfix's line_length_limit for command lines. */
const LINE_LIMIT = 2048;

/** Commands allowed before STARTTLS where TLS is required (Postfix's SMTPD_CMD_FLAG_PRE_TLS). */
const PRE_TLS: ReadonlySet<Verb> = new Set(["HELO", "EHLO", "STARTTLS", "NOOP", "RSET", "QUIT"]);

type Handler = (s: ServerSession, args: string) => Reply;

export class ServerSession {
  state: SessionState;
  tls = false;
  authenticatedAs: string | null = null;
  heloName: string | null = null;
  esmtp = false;
  sender: string | null = null;
  recipients: string[] = [];
  errors = 0;
  private dataLines: string[] = [];
  private dataSize = 0;
  private authMech: "PLAIN" | "LOGIN" | null = null;
  /** The outcome of the last SASL exchange, for the world to log; it clears this after reading. */
  lastAuth: { mechanism: string; username: string; ok: boolean } | null = null;
  private loginUser: string | null = null;

  constructor(readonly env: ServerEnv) {
    this.state = env.settings.wrapper ? "tls-wait" : "init";
  }

  get settings(): ServerSettings {
    return this.env.settings;
  }

  greeting(): Reply {
    return cached(this.settings, "greeting", () => greetingReply(this.settings.hostname));
  }

  /** Whether STARTTLS would be offered now. */
  get offersStartTls(): boolean {
    return this.settings.tlsLevel !== "none" && !this.tls && !this.settings.wrapper;
  }

  /** Whether AUTH is active now (Postfix hides it before TLS when TLS is required for AUTH). */
  get saslActive(): boolean {
    const authOnly = this.settings.tlsAuthOnly || this.settings.tlsLevel === "encrypt";
    return this.settings.saslEnabled && (this.tls || !authOnly);
  }

  /** Handle one line from the client. Returns null while a DATA body is being read. */
  handle(line: string): Reply | null {
    switch (this.state) {
      case "closed":
      case "tls-wait":
      case "tls-handshake":
        // Plain text where a TLS handshake belongs: the server drops the connection.
        this.state = "closed";
        return null;
      case "data":
        return this.dataLine(line);
      case "auth":
        return this.authContinue(line);
      default:
        return this.count(this.command(line));
    }
  }

  /** The client completed a TLS handshake (after 220 to STARTTLS, or on port 465). */
  tlsEstablished(): boolean {
    if (this.state !== "tls-wait" && this.state !== "tls-handshake") return false;
    this.tls = true;
    // RFC 3207 4.2: discard all knowledge obtained from the client, including HELO.
    this.heloName = null;
    this.esmtp = false;
    this.authenticatedAs = null;
    this.resetTransaction();
    this.state = "init";
    return true;
  }

  private count(reply: Reply): Reply {
    if (reply.code >= 400) {
      this.errors++;
      if (this.errors >= HARD_ERROR_LIMIT && this.state !== "closed") {
        this.state = "closed";
        return { code: 421, lines: [`4.7.0 ${this.settings.hostname} Error: too many errors`] };
      }
    }
    return reply;
  }

  private command(line: string): Reply {
    if (line.length > LINE_LIMIT) return REPLY.lineTooLong;
    const cmd = parseCommand(line);
    if (cmd.kind === "empty") return REPLY.badSyntax;
    if (cmd.kind === "unknown") return REPLY.unknownCommand;
    if (this.settings.tlsLevel === "encrypt" && !this.tls && !PRE_TLS.has(cmd.verb)) {
      return REPLY.mustStartTls;
    }
    return HANDLERS[cmd.verb](this, cmd.args);
  }

  resetTransaction(): void {
    this.sender = null;
    this.recipients = [];
    this.dataLines = [];
    this.dataSize = 0;
    if (this.state === "mail" || this.state === "rcpt" || this.state === "data") {
      this.state = this.heloName === null ? "init" : "ready";
    }
  }

  // --- HELO / EHLO -------------------------------------------------------------------------

  helo(args: string, extended: boolean): Reply {
    if (args === "") return extended ? REPLY.ehloSyntax : REPLY.heloSyntax;
    this.resetTransaction();
    this.heloName = args.split(/\s+/)[0] ?? args;
    this.esmtp = extended;
    this.state = "ready";
    if (!extended) return cached(this.settings, "helo", () => heloReply(this.settings.hostname));
    const tls = this.offersStartTls;
    // Postfix keeps listing AUTH after a login; a second AUTH then gets 503.
    const auth = this.saslActive;
    return cached(this.settings, `ehlo${tls ? "+tls" : ""}${auth ? "+auth" : ""}`, () => {
      const lines = [this.settings.hostname, "PIPELINING", `SIZE ${this.settings.sizeLimit}`];
      if (!this.settings.vrfyDisabled) lines.push("VRFY");
      lines.push("ETRN");
      if (tls) lines.push("STARTTLS");
      if (auth) lines.push("AUTH PLAIN LOGIN");
      lines.push("ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8");
      return { code: 250, lines };
    });
  }

  // --- MAIL / RCPT / DATA ------------------------------------------------------------------

  mail(args: string): Reply {
    if (this.heloName === null && this.settings.heloRequired) return REPLY.heloFirst;
    if (this.sender !== null) return REPLY.nestedMail;
    const parsed = parsePath(args, "FROM");
    if (!parsed.ok) return parsed.error === "syntax" ? REPLY.mailSyntax : REPLY.badSender;
    const bad = this.mailParams(parsed.path);
    if (bad) return bad;
    this.sender = parsed.path.address;
    this.recipients = [];
    this.state = "mail";
    return REPLY.senderOk;
  }

  private mailParams(path: Path): Reply | null {
    let sawAuth = false;
    for (const p of path.params) {
      // Parameters are an ESMTP extension: after HELO there are none to give.
      if (!this.esmtp) return unsupportedOption(p.raw);
      switch (p.name) {
        case "SIZE": {
          if (p.value === null || !/^\d{1,15}$/.test(p.value)) return REPLY.badSize;
          if (this.settings.sizeLimit > 0 && Number(p.value) > this.settings.sizeLimit)
            return REPLY.sizeExceeded;
          break;
        }
        case "BODY":
          if (p.value === null || !/^(7BIT|8BITMIME)$/i.test(p.value)) return REPLY.badBody;
          break;
        case "RET":
          if (p.value === null || !/^(FULL|HDRS)$/i.test(p.value)) return REPLY.badRet;
          break;
        case "ENVID":
          if (p.value === null || p.value === "") return REPLY.badEnvid;
          break;
        case "SMTPUTF8":
          if (p.value !== null) return unsupportedOption(p.raw);
          break;
        case "AUTH":
          if (!this.saslActive) return REPLY.authDisabledParam;
          if (sawAuth) return { code: 503, lines: ["5.5.4 Error: multiple AUTH= options"] };
          sawAuth = true;
          break;
        default:
          return unsupportedOption(p.raw);
      }
    }
    return null;
  }

  rcpt(args: string): Reply {
    if (this.sender === null) return REPLY.needMail;
    const parsed = parsePath(args, "TO");
    if (!parsed.ok) return parsed.error === "syntax" ? REPLY.rcptSyntax : REPLY.badRecipient;
    const rcpt = parsed.path.address;
    if (rcpt === "") return REPLY.badRecipient;
    if (this.recipients.length >= this.settings.recipientLimit) return REPLY.tooManyRecipients;
    for (const p of parsed.path.params) {
      if (!this.esmtp) return unsupportedOption(p.raw);
      if (p.name === "NOTIFY") {
        // RFC 3461: NEVER alone, or any of SUCCESS, FAILURE, DELAY.
        const v = (p.value ?? "").toUpperCase().split(",");
        const ok =
          (v.length === 1 && v[0] === "NEVER") ||
          (v.length > 0 && v.every((x) => x === "SUCCESS" || x === "FAILURE" || x === "DELAY"));
        if (!ok) return REPLY.badNotify;
      } else if (p.name === "ORCPT") {
        if (p.value === null || !/^[A-Za-z0-9-]+;.+$/.test(p.value)) return REPLY.badOrcpt;
      } else return unsupportedOption(p.raw);
    }
    const verdict = this.checkRcpt(rcpt);
    if (verdict) return verdict;
    const fault = this.env.rcptFault(rcpt);
    if (fault) return fault;
    this.recipients.push(rcpt);
    this.state = "rcpt";
    return REPLY.recipientOk;
  }

  /** Relay policy, then the local recipient table (Postfix's order). */
  private checkRcpt(rcpt: string): Reply | null {
    const { local, domain } = splitAddress(rcpt);
    const routed = domain === "" ? this.settings.hostname : routedDomain(rcpt);
    const denied = checkRecipient(
      this.settings.policy,
      {
        clientName: this.env.clientName,
        clientIp: this.env.clientIp,
        authenticated: this.authenticatedAs !== null,
        mynetworks: this.settings.mynetworks,
        isAuthDestination: (d) => this.env.isAuthDestination(d),
      },
      rcpt,
      routed,
    );
    if (denied) return denied;
    const localDomain = domain === "" || this.env.isLocalDomain(domain);
    if (
      localDomain &&
      routed === (domain || this.settings.hostname) &&
      !this.env.isLocalUser(local)
    )
      return userUnknown(rcpt);
    return null;
  }

  data(args: string): Reply {
    if (args !== "") return REPLY.dataSyntax;
    if (this.sender === null) return REPLY.needRcpt;
    if (this.recipients.length === 0) return REPLY.noValidRecipients;
    this.state = "data";
    this.dataLines = [];
    this.dataSize = 0;
    return REPLY.startData;
  }

  private dataLine(line: string): Reply | null {
    if (line !== ".") {
      const text = unstuffDataLine(line);
      this.dataSize += text.length + 2;
      // Past the limit Postfix keeps reading but stops storing, then answers 552 at the end.
      if (this.settings.sizeLimit === 0 || this.dataSize <= this.settings.sizeLimit)
        this.dataLines.push(text);
      return null;
    }
    const over = this.settings.sizeLimit > 0 && this.dataSize > this.settings.sizeLimit;
    let reply: Reply;
    if (over) reply = REPLY.sizeExceeded;
    else {
      reply = this.env.dataFault(this.recipients) ?? this.queueMessage();
    }
    this.state = "ready";
    this.resetTransaction();
    return this.count(reply);
  }

  private queueMessage(): Reply {
    const id = this.env.accept({
      heloName: this.heloName ?? "",
      esmtp: this.esmtp,
      tls: this.tls,
      authUser: this.authenticatedAs,
      clientName: this.env.clientName,
      clientIp: this.env.clientIp,
      sender: this.sender ?? "",
      recipients: this.recipients.slice(),
      lines: this.dataLines,
      size: this.dataSize,
    });
    return typeof id === "string" ? queued(id) : id;
  }

  // --- AUTH (RFC 4954) ---------------------------------------------------------------------

  auth(args: string): Reply {
    if (this.heloName === null) return REPLY.heloFirst;
    if (!this.saslActive) {
      const authOnly = this.settings.tlsAuthOnly || this.settings.tlsLevel === "encrypt";
      return this.settings.saslEnabled && authOnly && !this.tls
        ? REPLY.authNeedsTls
        : REPLY.authNotEnabled;
    }
    if (this.sender !== null) return REPLY.authInTransaction;
    if (this.authenticatedAs !== null) return REPLY.authAlready;
    const parts = args.split(/\s+/).filter((p) => p !== "");
    if (parts.length < 1 || parts.length > 2) return REPLY.authSyntax;
    const mech = (parts[0] ?? "").toUpperCase();
    const initial = parts[1];
    if (mech === "PLAIN") {
      this.authMech = "PLAIN";
      if (initial === undefined) {
        this.state = "auth";
        return REPLY.plainChallenge;
      }
      return this.authPlain(initial, REPLY.authBadInitial);
    }
    if (mech === "LOGIN") {
      this.authMech = "LOGIN";
      this.state = "auth";
      if (initial === undefined) return REPLY.loginUser;
      const user = decodeBase64(initial);
      if (user === null) return this.authEnd(REPLY.authBadInitial);
      this.loginUser = user;
      return REPLY.loginPass;
    }
    return REPLY.authBadMechanism;
  }

  private authContinue(line: string): Reply {
    if (line.trim() === "*") return this.count(this.authEnd(REPLY.authAborted));
    if (this.authMech === "PLAIN") return this.count(this.authPlain(line, REPLY.authBadContinued));
    const decoded = decodeBase64(line);
    if (decoded === null) return this.count(this.authEnd(REPLY.authBadContinued));
    if (this.loginUser === null) {
      this.loginUser = decoded;
      return REPLY.loginPass;
    }
    return this.count(this.finishLogin(this.loginUser, decoded));
  }

  private authPlain(response: string, badBase64: Reply): Reply {
    const decoded = decodeBase64(response);
    if (decoded === null) return this.authEnd(badBase64);
    const parts = decoded.split("\0");
    if (parts.length !== 3) return this.authEnd(REPLY.authFailed);
    return this.finishLogin(parts[1] ?? "", parts[2] ?? "");
  }

  private finishLogin(user: string, pass: string): Reply {
    const ok = user !== "" && this.env.checkLogin(user, pass);
    if (ok) this.authenticatedAs = user;
    this.lastAuth = { mechanism: this.authMech ?? "", username: user, ok };
    return this.authEnd(ok ? REPLY.authOk : REPLY.authFailed);
  }

  private authEnd(reply: Reply): Reply {
    this.authMech = null;
    this.loginUser = null;
    this.state = this.heloName === null ? "init" : "ready";
    return reply;
  }

  /** The mechanism and user of the SASL exchange in progress or just finished (for events). */
  get authMechanism(): string | null {
    return this.authMech;
  }

  // --- the rest ----------------------------------------------------------------------------

  startTls(args: string): Reply {
    if (args !== "") return REPLY.starttlsSyntax;
    if (this.tls) return REPLY.tlsAlreadyActive;
    if (!this.offersStartTls) return REPLY.tlsNotAvailable;
    if (this.sender !== null) return REPLY.authInTransaction;
    this.state = "tls-handshake";
    return REPLY.readyTls;
  }

  vrfy(args: string): Reply {
    if (this.settings.vrfyDisabled) return REPLY.vrfyDisabled;
    if (args === "") return REPLY.vrfySyntax;
    // Postfix runs the same recipient checks as RCPT (relay policy, local recipient table).
    const addr = args.replace(/^<|>$/g, "");
    const verdict = this.checkRcpt(addr);
    return verdict ?? vrfyOk(args);
  }

  etrn(args: string): Reply {
    if (this.heloName === null) return REPLY.heloFirst;
    if (this.sender !== null) return REPLY.authInTransaction;
    if (args === "") return REPLY.etrnSyntax;
    this.env.flush();
    return REPLY.etrnOk;
  }
}

/** Replies that depend only on a server's settings, built once per settings object. */
const settingsReplies = new WeakMap<ServerSettings, Map<string, Reply>>();

function cached(settings: ServerSettings, key: string, make: () => Reply): Reply {
  let map = settingsReplies.get(settings);
  if (!map) {
    map = new Map();
    settingsReplies.set(settings, map);
  }
  let reply = map.get(key);
  if (!reply) {
    reply = make();
    map.set(key, reply);
  }
  return reply;
}

const HANDLERS: Record<Verb, Handler> = {
  HELO: (s, a) => s.helo(a, false),
  EHLO: (s, a) => s.helo(a, true),
  MAIL: (s, a) => s.mail(a),
  RCPT: (s, a) => s.rcpt(a),
  DATA: (s, a) => s.data(a),
  RSET: (s, a) => {
    if (a !== "") return REPLY.rsetSyntax;
    s.resetTransaction();
    return REPLY.ok;
  },
  NOOP: (_s, a) => (a === "" ? REPLY.ok : REPLY.noopSyntax),
  VRFY: (s, a) => s.vrfy(a),
  // Postfix does not implement HELP: it is an unknown command there.
  HELP: () => REPLY.unknownCommand,
  QUIT: (s) => {
    s.state = "closed";
    return REPLY.bye;
  },
  STARTTLS: (s, a) => s.startTls(a),
  AUTH: (s, a) => s.auth(a),
  ETRN: (s, a) => s.etrn(a),
};
