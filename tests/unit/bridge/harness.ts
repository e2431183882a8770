/**
 * A bridge on free ports with a tab played in Node: the same TabBridge the lab page uses, over a
 * real WebSocket, around a real world. Lets the unit tests drive real clients end to end.
 */
import net from "node:net";
import tls from "node:tls";
import { WebSocket } from "ws";
import { parseToTab, PROTOCOL_VERSION, type ToTab } from "@/lib/bridge/protocol";
import { TabBridge } from "@/lib/bridge/tab";
import { createWorld, type World } from "@/lib/smtp";
import { makeCertificate, type Pem } from "@/bridge/cert";
import { startBridge, type Bridge, type BridgeOptions } from "@/bridge/server";

export const ORIGIN = "http://127.0.0.1:3999";

let pem: Promise<Pem> | null = null;
export const certificate = (): Promise<Pem> => (pem ??= makeCertificate());

export async function bridgeOnFreePorts(over: Partial<BridgeOptions> = {}): Promise<Bridge> {
  return startBridge({
    host: "127.0.0.1",
    ports: { smtp: 0, submission: 0, submissions: 0, ws: 0 },
    origins: [ORIGIN],
    maxConnections: 100,
    idleTimeoutMs: 30_000,
    replyTimeoutMs: 30_000,
    tls: await certificate(),
    ...over,
  });
}

export interface FakeTab {
  world: World;
  tab: TabBridge;
  ws: WebSocket;
  received: ToTab[];
  close(): Promise<void>;
}

/** A tab in Node: connects with the app's origin and answers through TabBridge. */
export async function connectTab(
  bridge: Bridge,
  scenario = "isp-relay",
  origin = ORIGIN,
): Promise<FakeTab> {
  const world = createWorld(scenario);
  if (!world.ok) throw new Error(world.error);
  const ws = new WebSocket(`ws://127.0.0.1:${bridge.ports.ws}`, { origin });
  const fake: FakeTab = {
    world,
    ws,
    received: [],
    tab: null as unknown as TabBridge,
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once("close", () => resolve());
        ws.close();
      }),
  };
  fake.tab = new TabBridge(() => fake.world);
  ws.on("message", (data) => {
    const msg = parseToTab(String(data));
    if (!msg) return;
    fake.received.push(msg);
    for (const out of fake.tab.handle(msg)) ws.send(JSON.stringify(out));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  ws.send(JSON.stringify({ type: "attach", version: PROTOCOL_VERSION, scenario }));
  // The bridge counts the tab once its connection handler ran: wait for its hello.
  await until(() => fake.received.some((m) => m.type === "hello"));
  return fake;
}

export async function until(cond: () => boolean, what = "condition"): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A raw client: write lines, read what the server says. */
export class RawClient {
  text = "";
  closed = false;
  private constructor(readonly socket: net.Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => (this.text += d));
    socket.on("close", () => (this.closed = true));
    socket.on("error", () => {});
  }

  static async open(port: number, secure = false): Promise<RawClient> {
    const socket = secure
      ? tls.connect({ port, host: "127.0.0.1", rejectUnauthorized: false })
      : net.connect({ port, host: "127.0.0.1" });
    await new Promise<void>((resolve, reject) => {
      socket.once(secure ? "secureConnect" : "connect", () => resolve());
      socket.once("error", reject);
    });
    return new RawClient(socket);
  }

  write(data: string): void {
    this.socket.write(data);
  }

  /** Wait until the text received so far matches. */
  async expect(re: RegExp): Promise<string> {
    await until(() => re.test(this.text), `${re} in ${JSON.stringify(this.text)}`);
    return this.text;
  }

  async waitClosed(): Promise<void> {
    await until(() => this.closed, "the connection to close");
  }
}
