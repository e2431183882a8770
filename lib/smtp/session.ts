/**
 * Sessions as the client sees them. A live session wraps the server's state machine and logs
 * every line and reply, with the session id and both ends, through the world's recorder.
 */
import { replyText, splitLines } from "./framing";
import { text } from "./parse";
import type { Reply } from "./replies";
import type { ServerSession } from "./server";
import type { EngineEvent, Session } from "./types";

/** Virtual time a command/reply round trip takes, and a TLS handshake. */
export const RTT = 4;
export const TLS_TIME = 20;
export const TLS_PROTOCOL = "TLSv1.3";
export const TLS_CIPHER = "TLS_AES_256_GCM_SHA384";

/**
 * An event before the world stamps its time and serial number. Callers write `t: 0, seq: 0`
 * in the literal so the object has its final shape from the start (no property added later).
 */
export type NewEvent = EngineEvent;

/** What a session needs from the world: a log that also advances the clock. */
export interface Recorder {
  record(e: NewEvent, ms: number): void;
}

/** A connection the network refused: closed from the start. */
export class RefusedSession implements Session {
  readonly greeting = "";
  readonly closed = true;
  readonly tls = false;
  readonly authenticatedAs = null;
  readonly state = "closed" as const;
  readonly inData = false;
  constructor(
    readonly id: number,
    readonly client: string,
    readonly server: string,
    readonly port: number,
    readonly error: string,
  ) {}
  send(): string {
    return "";
  }
  startTls(): { ok: false; error: string } {
    return { ok: false, error: this.error };
  }
  close(): void {}
}

/** A live connection: every line and reply is logged with the session id and both ends. */
export class LiveSession implements Session {
  greeting = "";
  closed = false;
  error: string | null = null;

  constructor(
    private readonly world: Recorder,
    readonly id: number,
    readonly client: string,
    readonly server: string,
    readonly port: number,
    private readonly srv: ServerSession,
  ) {}

  get tls(): boolean {
    return this.srv.tls;
  }
  get authenticatedAs(): string | null {
    return this.srv.authenticatedAs;
  }
  get state() {
    return this.closed ? ("closed" as const) : this.srv.state;
  }
  get inData(): boolean {
    return !this.closed && this.srv.state === "data";
  }

  /** Called once by the world after connecting: the greeting (or none yet, on 465). */
  open(greeting: Reply | null, hangUp: boolean): void {
    if (greeting) this.greet(greeting);
    if (hangUp) this.hangUp("server", "Connection closed by foreign host.");
  }

  private greet(greeting: Reply): void {
    this.greeting = replyText(greeting);
    this.recordReply(greeting.code, this.greeting, 0);
  }

  private recordReply(code: number, text: string, ms: number): void {
    this.world.record(
      {
        t: 0,
        seq: 0,
        type: "reply",
        session: this.id,
        client: this.client,
        server: this.server,
        port: this.port,
        code,
        text,
      },
      ms,
    );
  }

  private hangUp(by: "client" | "server", error: string | null): void {
    if (this.closed) return;
    this.closed = true;
    this.srv.state = "closed";
    if (by === "server") this.error = error;
    this.world.record(
      {
        t: 0,
        seq: 0,
        type: "close",
        session: this.id,
        client: this.client,
        server: this.server,
        port: this.port,
        by,
      },
      0,
    );
  }

  send(input: string): string {
    if (this.closed) return "";
    const lines = splitLines(text(input));
    let out = "";
    for (const line of lines) {
      if (this.closed) break;
      const st = this.srv.state;
      const phase = st === "data" ? "data" : st === "auth" ? "auth" : "command";
      this.world.record(
        {
          t: 0,
          seq: 0,
          type: "command",
          session: this.id,
          client: this.client,
          server: this.server,
          port: this.port,
          line,
          phase,
        },
        0,
      );
      const reply = this.srv.handle(line);
      if (reply === null) {
        if (this.srv.state === "closed")
          this.hangUp("server", "Connection closed by foreign host.");
        continue;
      }
      const policy = this.srv.lastPolicy;
      if (policy) {
        this.srv.lastPolicy = null;
        this.world.record(
          {
            t: 0,
            seq: 0,
            type: "policy",
            session: this.id,
            client: this.client,
            server: this.server,
            port: this.port,
            recipient: policy.recipient,
            stage: policy.stage,
            restriction: policy.restriction,
            detail: policy.detail,
            verdict: policy.verdict,
          },
          0,
        );
      }
      const text = replyText(reply);
      this.recordReply(reply.code, text, RTT);
      const auth = this.srv.lastAuth;
      if (auth) {
        this.srv.lastAuth = null;
        this.world.record(
          {
            t: 0,
            seq: 0,
            type: "auth",
            session: this.id,
            client: this.client,
            server: this.server,
            port: this.port,
            mechanism: auth.mechanism,
            username: auth.username,
            ok: auth.ok,
          },
          0,
        );
      }
      out = out === "" ? text : out + "\r\n" + text;
      if (this.srv.state === "closed") this.hangUp("server", "Connection closed by foreign host.");
    }
    return out;
  }

  startTls(): { ok: true; greeting: string } | { ok: false; error: string } {
    if (this.closed) return { ok: false, error: this.error ?? "Connection closed" };
    const implicit = this.srv.state === "tls-wait";
    if (!this.srv.tlsEstablished())
      return { ok: false, error: "STARTTLS not accepted by the server" };
    this.world.record(
      {
        t: 0,
        seq: 0,
        type: "tls",
        session: this.id,
        client: this.client,
        server: this.server,
        port: this.port,
        protocol: TLS_PROTOCOL,
        cipher: TLS_CIPHER,
      },
      TLS_TIME,
    );
    if (implicit) this.greet(this.srv.greeting());
    return { ok: true, greeting: implicit ? this.greeting : "" };
  }

  close(): void {
    this.hangUp("client", null);
  }

  /** The client gives up (a failed TLS handshake). */
  fail(error: string): void {
    this.error = error;
    this.hangUp("client", null);
  }
}
