/**
 * The interactive side of telnet, nc and openssl s_client: every line typed goes to the server and
 * its reply prints exactly as sent, optionally followed by a one-line explanation.
 */
import { explainReply } from "./explain";
import { style } from "./terminal";
import type { Interaction } from "./types";

/** The part of an engine session this needs. */
export interface SmtpConnection {
  readonly closed: boolean;
  send(line: string): string;
  /** Where the session goes and how far it got (the engine's Session has them; the coach reads them). */
  readonly server?: string;
  readonly port?: number;
  readonly state?: string;
  readonly tls?: boolean;
  readonly authenticatedAs?: string | null;
  /** Drops the connection without QUIT (Ctrl+], Ctrl+C). */
  close?(): void;
}

export type ClientProgram = "telnet" | "nc" | "openssl";

export interface ClientOptions {
  conn: SmtpConnection;
  program: ClientProgram;
  /** Whether to explain replies (read on every reply, so `explain off` applies at once). */
  explain: () => boolean;
  /** Runs after each line (the lab lets the world deliver what was queued). */
  afterLine?: () => void;
  /** Extra hints after a reply (e.g. a bounce for a misspelt domain); "" for none. */
  notes?: () => string;
}

/** SMTP verbs offered by Tab inside a session. */
export const SMTP_VERBS = [
  "EHLO ",
  "HELO ",
  "MAIL FROM:<",
  "RCPT TO:<",
  "DATA",
  "RSET",
  "NOOP",
  "VRFY ",
  "STARTTLS",
  "AUTH PLAIN ",
  "AUTH LOGIN",
  "QUIT",
] as const;

/** A reply as printed, with its explanation beneath it when asked for. */
export function showReply(reply: string, explain: boolean): string {
  if (reply === "") return "";
  let out = reply.replace(/\r\n/g, "\n") + "\n";
  const why = explain ? explainReply(reply) : null;
  if (why) out += style.dim(`  ↳ ${why}`) + "\n";
  return out;
}

export class SmtpClientInteraction implements Interaction {
  done = false;
  /** Between the 354 and the lone dot. */
  inData = false;
  /** Message lines typed since the 354 (the DATA pause hint and the coach read it). */
  dataLines = 0;

  constructor(private readonly opts: ClientOptions) {}

  /** The connection behind the program (server, port and SMTP state, for the coach). */
  get connection(): SmtpConnection {
    return this.opts.conn;
  }

  prompt(): string {
    return "";
  }

  line(text: string): string {
    const { conn, program } = this.opts;
    if (conn.closed) return this.finish();
    if (program === "openssl" && !this.inData) {
      // s_client's connected commands: a line of just "Q" quits; "R" would renegotiate.
      if (text === "Q") return this.drop("DONE\n");
      if (text === "R") return "RENEGOTIATING\n";
    }
    let reply: string;
    try {
      reply = conn.send(text);
    } catch (e) {
      reply = `(lab: the server failed: ${e instanceof Error ? e.message : String(e)})`;
    }
    if (this.inData && reply === "") this.dataLines++;
    if (/^354[ -]/.test(reply)) {
      this.inData = true;
      this.dataLines = 0;
    } else if (this.inData && reply !== "") this.inData = false;
    this.opts.afterLine?.();
    const out = showReply(reply, this.opts.explain()) + (this.opts.notes?.() ?? "");
    return conn.closed ? out + this.finish() : out;
  }

  interrupt(): string {
    return this.drop(this.opts.program === "telnet" ? "Connection closed.\n" : "");
  }

  eof(): string {
    // End of input: nc and s_client hang up; telnet ignores it in line mode.
    if (this.opts.program === "telnet") return "";
    return this.drop(this.opts.program === "openssl" ? "DONE\n" : "");
  }

  escape(): string {
    if (this.opts.program !== "telnet") return "";
    return this.drop("telnet> quit\nConnection closed.\n");
  }

  complete(): readonly string[] {
    return this.inData ? [] : SMTP_VERBS;
  }

  private drop(message: string): string {
    try {
      this.opts.conn.close?.();
    } catch {
      // ignore
    }
    this.opts.afterLine?.();
    this.done = true;
    return message;
  }

  private finish(): string {
    this.done = true;
    const { program } = this.opts;
    if (program === "telnet") return "Connection closed by foreign host.\n";
    return program === "openssl" ? "closed\n" : "";
  }
}
