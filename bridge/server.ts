/**
 * The bridge: real SMTP listeners on this machine whose connections are played against the
 * simulated world in an open lab tab. The Node side only frames lines, does TLS and enforces
 * limits; every reply comes from the tab's world (lib/bridge/tab.ts), exactly as on the wire.
 *
 *   client --TCP/TLS--> Conn --lines--> WebSocket --> lab tab (world.connect, send, startTls)
 *   client <--replies-- Conn <--reply-- WebSocket <--
 */
import net from "node:net";
import tls from "node:tls";
import { WebSocketServer, type WebSocket } from "ws";
import {
  MAX_BATCH_LINES,
  PROTOCOL_VERSION,
  parseToBridge,
  type Listener,
  type ToBridge,
  type ToTab,
  type WorldPort,
} from "@/lib/bridge/protocol";
import { LineFramer } from "./framer";

export const DEFAULT_PORTS = { smtp: 2525, submission: 2587, submissions: 2465, ws: 2580 };
/** `npm start` and `npm run dev` both serve on port 3000. */
export const DEFAULT_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"];

export interface BridgeOptions {
  /** Address of the SMTP listeners. The WebSocket always stays on 127.0.0.1. */
  host: string;
  /** Real ports (0 picks a free one). */
  ports: { smtp: number; submission: number; submissions: number; ws: number };
  /** Page origins allowed to open the WebSocket. */
  origins: string[];
  /** Open SMTP connections at most; more get a 421. */
  maxConnections: number;
  /** A client silent this long gets a 421 (Postfix's smtpd_timeout is 300 s). */
  idleTimeoutMs: number;
  /** The tab must answer within this long, or the client gets a 421. */
  replyTimeoutMs: number;
  /** Certificate and key (PEM) for STARTTLS and implicit TLS. */
  tls: { key: string; cert: string };
  /** Where the bridge says what happens (one line at a time); quiet by default. */
  log?: (line: string) => void;
}

export interface Bridge {
  readonly host: string;
  readonly ports: { smtp: number; submission: number; submissions: number; ws: number };
  /** The lab page a client is told to open when no tab is connected. */
  readonly labUrl: string;
  connections(): number;
  tabConnected(): boolean;
  close(): Promise<void>;
}

/** Replies the bridge itself gives (the session in the tab cannot). Each is one wire line. */
export const BRIDGE_REPLIES = {
  noTab: (url: string) =>
    `421 4.3.2 Bridge: no Relay Lab tab is connected. Open ${url} in a browser on this computer (or press "Connect bridge" in the lab), then connect again.`,
  tabClosed: "421 4.3.2 Bridge: the Relay Lab tab closed or went away; closing connection",
  tabReplaced: "421 4.3.2 Bridge: another Relay Lab tab took over the bridge; closing connection",
  tabSilent: "421 4.3.2 Bridge: the Relay Lab tab did not answer in time; closing connection",
  tooMany: (max: number) =>
    `421 4.7.0 Bridge: too many connections (at most ${max} at once); try again later`,
  lineTooLong:
    "421 4.7.0 Bridge: line longer than 1000 octets (RFC 5321 4.5.3.1); closing connection",
  idle: (seconds: number) =>
    `421 4.4.2 Bridge: no command for ${seconds} s (timeout exceeded); closing connection`,
  tlsFailed: "421 4.7.0 Bridge: the TLS handshake failed; closing connection",
};

/** Lines a client may have waiting before the bridge stops reading its socket. */
const QUEUE_HIGH_WATER = 4 * MAX_BATCH_LINES;

type ConnState = "waiting" | "idle" | "handshake" | "closed";

interface Tab {
  ws: WebSocket;
  alive: boolean;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const log = options.log ?? (() => {});
  const secureContext = tls.createSecureContext({ key: options.tls.key, cert: options.tls.cert });
  const conns = new Map<number, Conn>();
  let nextId = 1;
  let tab: Tab | null = null;

  const send = (t: Tab, msg: ToTab): void => {
    if (t.ws.readyState === t.ws.OPEN) t.ws.send(JSON.stringify(msg));
  };

  /** One real SMTP connection. */
  class Conn {
    readonly id = nextId++;
    state: ConnState = "waiting";
    private readonly framer = new LineFramer();
    private queue: string[] = [];
    private idleTimer: NodeJS.Timeout | null = null;
    private replyTimer: NodeJS.Timeout | null = null;
    private readonly onData = (chunk: Buffer) => this.data(chunk);

    constructor(
      private socket: net.Socket,
      readonly tab: Tab,
      private readonly listener: Listener,
    ) {
      conns.set(this.id, this);
      this.watch(socket);
      if (listener.tls === "implicit")
        this.upgrade(() =>
          this.ask({ type: "open", conn: this.id, worldPort: listener.worldPort, tls: true }),
        );
      else this.ask({ type: "open", conn: this.id, worldPort: listener.worldPort, tls: false });
    }

    private watch(socket: net.Socket): void {
      socket.on("data", this.onData);
      socket.on("error", () => this.gone());
      socket.on("close", () => this.gone());
    }

    /** Send a message the tab must answer; the client waits meanwhile. */
    private ask(msg: ToTab): void {
      this.state = "waiting";
      this.clearIdle();
      this.replyTimer = setTimeout(
        () => this.fail(BRIDGE_REPLIES.tabSilent),
        options.replyTimeoutMs,
      );
      send(this.tab, msg);
    }

    private data(chunk: Buffer): void {
      if (this.state === "closed" || this.state === "handshake") return;
      const r = this.framer.push(chunk);
      this.queue.push(...r.lines);
      if (!r.ok) {
        // The lines before the long one would be answered after the 421: drop them.
        this.queue = [];
        this.fail(BRIDGE_REPLIES.lineTooLong);
        return;
      }
      if (this.queue.length > QUEUE_HIGH_WATER) this.socket.pause();
      this.pump();
    }

    private pump(): void {
      if (this.state !== "idle") return;
      if (this.queue.length === 0) {
        this.armIdle();
        if (this.socket.isPaused()) this.socket.resume();
        return;
      }
      const lines = this.queue.splice(0, MAX_BATCH_LINES);
      this.ask({ type: "lines", conn: this.id, lines });
    }

    reply(msg: Extract<ToBridge, { type: "reply" }>): void {
      if (this.state === "closed") return;
      this.clearReply();
      if (msg.text !== "") this.socket.write(msg.text);
      if (msg.close) {
        this.state = "closed";
        this.socket.end();
        this.cleanup();
        return;
      }
      if (msg.starttls) {
        // RFC 3207 5: whatever the client pipelined after STARTTLS is discarded.
        this.queue = [];
        this.framer.reset();
        this.upgrade(() => this.ask({ type: "tls", conn: this.id }));
        return;
      }
      this.state = "idle";
      this.pump();
    }

    /** A real TLS handshake on this socket (first thing on 465, after "220 Ready" otherwise). */
    private upgrade(then: () => void): void {
      this.state = "handshake";
      this.clearIdle();
      const plain = this.socket;
      plain.removeListener("data", this.onData);
      plain.removeAllListeners("close");
      plain.removeAllListeners("error");
      plain.on("error", () => this.gone());
      const secure = new tls.TLSSocket(plain, { isServer: true, secureContext });
      this.socket = secure;
      const timer = setTimeout(() => this.fail(BRIDGE_REPLIES.tlsFailed), options.idleTimeoutMs);
      secure.once("secure", () => {
        clearTimeout(timer);
        secure.on("data", this.onData);
        then();
      });
      secure.on("error", () => {
        clearTimeout(timer);
        this.gone();
      });
      secure.on("close", () => {
        clearTimeout(timer);
        this.gone();
      });
    }

    /** The bridge ends the connection with its own 421 and tells the tab the client is gone. */
    fail(text: string, tellTab = true): void {
      if (this.state === "closed") return;
      const handshaking = this.state === "handshake";
      this.state = "closed";
      // Mid-handshake there is no channel to write a reply on: just close.
      if (!handshaking) this.socket.write(text + "\r\n");
      this.socket.end();
      // A client that never reads its socket must not keep it open.
      setTimeout(() => this.socket.destroy(), 5000).unref();
      if (tellTab) send(this.tab, { type: "hangup", conn: this.id });
      this.cleanup();
    }

    /** The client closed or reset the connection. */
    private gone(): void {
      if (this.state === "closed") return;
      this.state = "closed";
      this.socket.destroy();
      send(this.tab, { type: "hangup", conn: this.id });
      this.cleanup();
    }

    private armIdle(): void {
      this.clearIdle();
      this.idleTimer = setTimeout(
        () => this.fail(BRIDGE_REPLIES.idle(Math.round(options.idleTimeoutMs / 1000))),
        options.idleTimeoutMs,
      );
    }

    private clearIdle(): void {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }

    private clearReply(): void {
      if (this.replyTimer) clearTimeout(this.replyTimer);
      this.replyTimer = null;
    }

    private cleanup(): void {
      this.clearIdle();
      this.clearReply();
      conns.delete(this.id);
    }
  }

  // --- SMTP listeners -------------------------------------------------------------------------

  const listen = (server: net.Server, port: number, host: string): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.removeListener("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });

  const ports = { ...options.ports };
  const labUrl = (): string =>
    `${options.origins[0] ?? DEFAULT_ORIGINS[0]}/lab?bridge=${ports.ws === DEFAULT_PORTS.ws ? "1" : ports.ws}`;

  const accept = (listener: () => Listener) => (socket: net.Socket) => {
    socket.setNoDelay(true);
    socket.on("error", () => socket.destroy());
    const refuse = (text: string) => {
      socket.end(text + "\r\n");
      setTimeout(() => socket.destroy(), 5000).unref();
    };
    const l = listener();
    // Before TLS there is nobody to read a plaintext 421 on an implicit-TLS port: just close.
    if (conns.size >= options.maxConnections) {
      log(`refused a connection on ${l.port}: ${options.maxConnections} already open`);
      return l.tls === "implicit"
        ? socket.destroy()
        : refuse(BRIDGE_REPLIES.tooMany(options.maxConnections));
    }
    if (!tab) {
      log(`refused a connection on ${l.port}: no lab tab connected`);
      if (l.tls === "implicit") {
        // Complete the handshake so the client can read why.
        const secure = new tls.TLSSocket(socket, { isServer: true, secureContext });
        secure.on("error", () => secure.destroy());
        secure.once("secure", () => {
          secure.end(BRIDGE_REPLIES.noTab(labUrl()) + "\r\n");
          setTimeout(() => secure.destroy(), 5000).unref();
        });
        return;
      }
      return refuse(BRIDGE_REPLIES.noTab(labUrl()));
    }
    new Conn(socket, tab, l);
  };

  const listeners: Array<{
    key: "smtp" | "submission" | "submissions";
    worldPort: WorldPort;
    tls: Listener["tls"];
  }> = [
    { key: "smtp", worldPort: 25, tls: "starttls" },
    { key: "submission", worldPort: 587, tls: "starttls" },
    { key: "submissions", worldPort: 465, tls: "implicit" },
  ];
  const servers: net.Server[] = [];
  const listenerInfo: Listener[] = [];
  try {
    for (const l of listeners) {
      const info: Listener = { port: 0, worldPort: l.worldPort, tls: l.tls };
      const server = net.createServer(accept(() => info));
      servers.push(server);
      info.port = await listen(server, options.ports[l.key], options.host);
      ports[l.key] = info.port;
      listenerInfo.push(info);
    }
  } catch (e) {
    for (const s of servers) s.close();
    throw e;
  }

  // --- the WebSocket to the lab tab -------------------------------------------------------------

  const origins = new Set(options.origins.map((o) => o.replace(/\/$/, "").toLowerCase()));
  const wss = new WebSocketServer({
    host: "127.0.0.1",
    port: options.ports.ws,
    maxPayload: 1024 * 1024,
    verifyClient: (info: { origin: string }) => {
      const ok = origins.has((info.origin ?? "").toLowerCase());
      if (!ok)
        log(
          `refused a WebSocket from origin "${info.origin}" (allowed: ${[...origins].join(", ")})`,
        );
      return ok;
    },
  });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", resolve);
    wss.once("error", reject);
  });
  ports.ws = (wss.address() as net.AddressInfo).port;

  const dropTab = (t: Tab, text: string): void => {
    for (const c of [...conns.values()]) if (c.tab === t) c.fail(text, false);
  };

  wss.on("connection", (ws) => {
    const previous = tab;
    const t: Tab = { ws, alive: true };
    tab = t;
    if (previous) {
      send(previous, { type: "replaced" });
      dropTab(previous, BRIDGE_REPLIES.tabReplaced);
      previous.ws.close(4000, "replaced");
    }
    log("a lab tab connected");
    ws.on("pong", () => {
      t.alive = true;
    });
    ws.on("message", (data, isBinary) => {
      const msg = isBinary ? null : parseToBridge(data.toString("utf8"));
      if (!msg) {
        log("ignored a malformed message from the tab");
        return;
      }
      if (msg.type === "attach") {
        log(`the tab shows scenario "${msg.scenario}"`);
        return;
      }
      const c = conns.get(msg.conn);
      if (c && c.tab === t) c.reply(msg);
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      if (tab === t) tab = null;
      dropTab(t, BRIDGE_REPLIES.tabClosed);
      log("the lab tab disconnected");
    });
    send(t, {
      type: "hello",
      version: PROTOCOL_VERSION,
      host: options.host,
      listeners: listenerInfo,
    });
  });

  // A tab that froze or lost its network without closing: ping it, and drop it if it stays silent.
  const heartbeat = setInterval(() => {
    const t = tab;
    if (!t) return;
    if (!t.alive) {
      t.ws.terminate();
      return;
    }
    t.alive = false;
    t.ws.ping();
  }, 15_000);
  heartbeat.unref();

  return {
    host: options.host,
    ports,
    labUrl: labUrl(),
    connections: () => conns.size,
    tabConnected: () => tab !== null,
    close: async () => {
      clearInterval(heartbeat);
      for (const c of [...conns.values()]) c.fail(BRIDGE_REPLIES.tabClosed);
      for (const client of wss.clients) client.terminate();
      await Promise.all([
        new Promise<void>((r) => wss.close(() => r())),
        ...servers.map((s) => new Promise<void>((r) => s.close(() => r()))),
      ]);
    },
  };
}
