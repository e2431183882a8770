/**
 * The tab's half of the bridge, without the WebSocket: turns the bridge's messages into
 * `world.connect` / `send` / `startTls` / `close` on real sessions and answers with the
 * server's replies exactly as on the wire. Pure: the hook in components/lab owns the socket.
 */
import type { Session, World } from "@/lib/smtp";
import { settle } from "@/lib/shell/world";
import { defaultTarget, ensureYourComputer } from "./host";
import type { ToBridge, ToTab } from "./protocol";

/** RFC 5321 ends every reply line with CRLF; the engine's text has CRLF between lines only. */
const wire = (reply: string): string => (reply === "" ? "" : reply + "\r\n");

/** A reply the bridge makes itself (the session is not there to make one), then a hang-up. */
function hangUp(conn: number, text: string): ToBridge {
  return { type: "reply", conn, text: wire(text), consumed: 0, starttls: false, close: true };
}

export const NOT_IN_WORLD =
  "421 4.3.2 Bridge: this connection's lab session is gone (the scenario was changed or reset); closing connection";

interface Live {
  session: Session;
  world: World;
}

export class TabBridge {
  private readonly live = new Map<number, Live>();
  private target: string | null = null;

  constructor(private readonly world: () => World) {}

  /** The world host real clients talk to; null or an unknown name picks the scenario's default. */
  setTarget(name: string | null): void {
    this.target = name;
  }

  /** Open bridge sessions (for the panel). */
  get open(): number {
    return this.live.size;
  }

  /** The host a new connection would reach now. */
  currentTarget(): string | null {
    const w = this.world();
    const asked = this.target;
    return asked && w.host(asked)?.mta ? asked : defaultTarget(w);
  }

  /** Handle one message from the bridge; returns what to send back (possibly nothing). */
  handle(msg: ToTab): ToBridge[] {
    switch (msg.type) {
      case "open":
        return [this.openSession(msg.conn, msg.worldPort, msg.tls)];
      case "lines":
        return [this.lines(msg.conn, msg.lines)];
      case "tls":
        return [this.handshake(msg.conn)];
      case "hangup": {
        const l = this.live.get(msg.conn);
        this.live.delete(msg.conn);
        if (l && !l.session.closed) {
          l.session.close();
          settle(l.world);
        }
        return [];
      }
      default:
        return [];
    }
  }

  /**
   * The world was replaced (scenario load or reset): its sessions end. Each real client gets a
   * 421 and its connection closes, as when a server restarts.
   */
  closeAll(): ToBridge[] {
    const out: ToBridge[] = [];
    for (const [conn, l] of this.live) {
      l.session.close();
      out.push(hangUp(conn, NOT_IN_WORLD));
    }
    this.live.clear();
    return out;
  }

  private openSession(conn: number, port: number, tls: boolean): ToBridge {
    const world = this.world();
    const you = ensureYourComputer(world);
    const target = this.currentTarget();
    if (!you || !target)
      return hangUp(conn, "421 4.3.2 Bridge: this scenario has no mail server to connect to");
    const session = world.connect({ from: you.name, to: target, port, tls });
    settle(world);
    if (session.closed) {
      // A busy server's 421 greeting, or a connection the simulated network refused.
      const why = session.error ?? "Connection closed";
      return hangUp(
        conn,
        session.greeting ||
          `421 4.4.1 Bridge: in the lab, ${you.name} could not connect to ${target} port ${port}: ${why}`,
      );
    }
    this.live.set(conn, { session, world });
    return {
      type: "reply",
      conn,
      text: wire(session.greeting),
      consumed: 0,
      starttls: false,
      close: false,
    };
  }

  private lines(conn: number, lines: readonly string[]): ToBridge {
    const l = this.live.get(conn);
    if (!l) return hangUp(conn, NOT_IN_WORLD);
    let text = "";
    let consumed = 0;
    for (const line of lines) {
      consumed++;
      text += wire(l.session.send(line));
      // After "220 Ready to start TLS" or a hang-up, the lines the client sent next are not
      // the session's: RFC 3207 5 says to drop plaintext pipelined after STARTTLS.
      if (l.session.closed || l.session.state === "tls-handshake") break;
    }
    settle(l.world);
    const close = l.session.closed;
    if (close) this.live.delete(conn);
    return {
      type: "reply",
      conn,
      text,
      consumed,
      starttls: !close && l.session.state === "tls-handshake",
      close,
    };
  }

  private handshake(conn: number): ToBridge {
    const l = this.live.get(conn);
    if (!l) return hangUp(conn, NOT_IN_WORLD);
    const r = l.session.startTls();
    settle(l.world);
    if (!r.ok) {
      this.live.delete(conn);
      l.session.close();
      return hangUp(conn, `421 4.7.0 Bridge: the lab session refused TLS: ${r.error}`);
    }
    return {
      type: "reply",
      conn,
      text: wire(r.greeting),
      consumed: 0,
      starttls: false,
      close: false,
    };
  }
}
