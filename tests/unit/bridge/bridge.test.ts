// @vitest-environment node
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { receivedChain } from "@/lib/smtp";
import { BRIDGE_REPLIES, type Bridge } from "@/bridge/server";
import { bridgeOnFreePorts, connectTab, RawClient, until, type FakeTab } from "./harness";

let bridge: Bridge | null = null;
let tab: FakeTab | null = null;
afterEach(async () => {
  await tab?.close();
  await bridge?.close();
  tab = null;
  bridge = null;
});

const message = (from: string, to: string, subject: string, body: string) => ({
  from,
  to,
  subject,
  text: body,
  envelope: { from, to: [to] },
});

describe("bridge without a lab tab", () => {
  it("answers 421 4.3.2 naming the page to open, and hangs up", async () => {
    bridge = await bridgeOnFreePorts();
    const c = await RawClient.open(bridge.ports.smtp);
    await c.waitClosed();
    expect(c.text).toBe(BRIDGE_REPLIES.noTab(bridge.labUrl) + "\r\n");
    expect(c.text).toMatch(/^421 4\.3\.2 .*Open http:\/\/127\.0\.0\.1:3999\/lab\?bridge=\d+ /);
  });

  it("says the same over TLS on the implicit-TLS port", async () => {
    bridge = await bridgeOnFreePorts();
    const c = await RawClient.open(bridge.ports.submissions, true);
    await c.waitClosed();
    expect(c.text).toMatch(/^421 4\.3\.2 Bridge: no Relay Lab tab is connected/);
  });

  it("refuses a WebSocket from another origin", async () => {
    bridge = await bridgeOnFreePorts();
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.ports.ws}`, {
      origin: "http://evil.example",
    });
    const status = await new Promise<number>((resolve) => {
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.once("open", () => resolve(101));
    });
    expect(status).toBe(401);
    expect(bridge.tabConnected()).toBe(false);
  });
});

describe("bridge with a lab tab", () => {
  it("plays a raw session against the world, with dot-stuffing and the wire replies", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.expect(/^220 mail\.isp\.example ESMTP Postfix\r\n$/);
    // Pipelined, as PIPELINING allows, in odd chunks (a CRLF split across writes).
    c.write("EHLO client.test\r\nMAIL FROM:<you@isp.example>\r");
    c.write("\nRCPT TO:<bob@corp.example>\r\nDATA\r\n");
    await c.expect(/354 /);
    c.write("Subject: dots\r\n\r\n..leading dot\r\nplain\r\n.\r\n");
    await c.expect(/250 2\.0\.0 Ok: queued as /);
    c.write("QUIT\r\n");
    await c.waitClosed();
    expect(c.text).toMatch(/\r\n250-mail\.isp\.example\r\n250-PIPELINING\r\n/);
    expect(c.text).toMatch(/221 2\.0\.0 Bye\r\n$/);
    const box = tab.world.mailbox("bob@corp.example");
    expect(box).toHaveLength(1);
    expect(box[0]).toContain("\r\n.leading dot\r\nplain");
    expect(box[0]).not.toContain("..leading");
    expect(receivedChain(box[0]!)).toEqual(["mail.isp.example", "mx.corp.example"]);
    // From "your computer", which now stands in the learner's network.
    const you = tab.world.host("your-pc.home.example");
    expect(you).toMatchObject({ network: "home", role: "client" });
    expect(box[0]).toContain(`from client.test (your-pc.home.example [${you!.ip}])`);
  });

  it("nodemailer on the port-25 listener, plain", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const t = nodemailer.createTransport({
      host: "127.0.0.1",
      port: bridge.ports.smtp,
      secure: false,
      ignoreTLS: true,
    });
    const info = await t.sendMail(
      message("you@isp.example", "bob@corp.example", "Plain hello", "Hi Bob\n.\nbye"),
    );
    expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+$/);
    const box = tab.world.mailbox("bob@corp.example");
    expect(box).toHaveLength(1);
    expect(box[0]).toMatch(/Subject: Plain hello/);
    expect(box[0]).toMatch(/Hi Bob\r\n\.\r\nbye/);
  });

  it("nodemailer on 587: real STARTTLS mapped to startTls(), then AUTH PLAIN", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const t = nodemailer.createTransport({
      host: "127.0.0.1",
      port: bridge.ports.submission,
      secure: false,
      requireTLS: true,
      auth: { user: "you", pass: "correct-horse" },
      authMethod: "PLAIN",
      tls: { rejectUnauthorized: false },
    });
    await t.sendMail(message("you@isp.example", "bob@corp.example", "Submitted", "over TLS"));
    const events = tab.world.events();
    const tlsEvent = events.find((e) => e.type === "tls" && e.port === 587);
    expect(tlsEvent).toBeDefined();
    expect(events).toContainEqual(
      expect.objectContaining({ type: "auth", mechanism: "PLAIN", username: "you", ok: true }),
    );
    const box = tab.world.mailbox("bob@corp.example");
    expect(box[0]).toMatch(/with ESMTPSA/);
  });

  it("nodemailer on 465: implicit TLS", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const t = nodemailer.createTransport({
      host: "127.0.0.1",
      port: bridge.ports.submissions,
      secure: true,
      auth: { user: "you", pass: "correct-horse" },
      tls: { rejectUnauthorized: false },
    });
    await t.sendMail(message("you@isp.example", "bob@corp.example", "Implicit", "TLS first"));
    expect(tab.world.events()).toContainEqual(
      expect.objectContaining({ type: "connect", port: 465, tls: true }),
    );
    expect(tab.world.mailbox("bob@corp.example")).toHaveLength(1);
  });

  it("gives the client the world's own 554 when relaying is denied", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    tab.tab.setTarget("mx.corp.example");
    const t = nodemailer.createTransport({
      host: "127.0.0.1",
      port: bridge.ports.smtp,
      ignoreTLS: true,
    });
    const err = await t
      .sendMail(message("you@isp.example", "carol@partner.example", "Relay?", "no"))
      .then(
        () => null,
        (e: { response?: string; responseCode?: number }) => e,
      );
    expect(err?.responseCode).toBe(554);
    const rejection = tab.world
      .events()
      .find((e) => e.type === "reply" && e.code === 554 && e.client.startsWith("your-pc"));
    expect(rejection).toBeDefined();
    expect(err?.response).toBe(rejection!.type === "reply" ? rejection!.text : "");
    expect(err?.response).toBe("554 5.7.1 <carol@partner.example>: Relay access denied");
  });

  it("drops plaintext pipelined after STARTTLS (RFC 3207)", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.submission);
    await c.expect(/^220 /);
    c.write("EHLO x.test\r\n");
    await c.expect(/250 /);
    c.write("STARTTLS\r\nMAIL FROM:<injected@x.test>\r\n");
    await c.expect(/220 2\.0\.0 Ready to start TLS\r\n$/);
    const commands = tab.world.events().flatMap((e) => (e.type === "command" ? [e.line] : []));
    expect(commands).toEqual(["EHLO x.test", "STARTTLS"]);
    c.socket.destroy();
  });

  it("closes the client's connection with a 421 when the tab goes away mid-session", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    c.write("EHLO x.test\r\nMAIL FROM:<you@isp.example>\r\n");
    await c.expect(/250 2\.1\.0 Ok\r\n$/);
    await tab.close();
    await c.waitClosed();
    expect(c.text.endsWith(BRIDGE_REPLIES.tabClosed + "\r\n")).toBe(true);
    expect(bridge.connections()).toBe(0);
  });

  it("closes the client's connection with a 421 when the scenario changes under it", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.expect(/^220 /);
    for (const out of tab.tab.closeAll()) tab.ws.send(JSON.stringify(out));
    await c.waitClosed();
    expect(c.text).toMatch(/\r\n421 4\.3\.2 Bridge: this connection's lab session is gone/);
  });

  it("passes on the simulated network's refusal as a 421 and hangs up", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge, "port-25-blocked");
    tab.tab.setTarget("mx.corp.example");
    const c = await RawClient.open(bridge.ports.smtp);
    await c.waitClosed();
    expect(c.text).toBe(
      "421 4.4.1 Bridge: in the lab, your-pc.home.example could not connect to mx.corp.example port 25: Connection timed out\r\n",
    );
  });
});

describe("bridge limits", () => {
  it("refuses a line over 1000 octets with a 421", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.expect(/^220 /);
    c.write("EHLO " + "a".repeat(994) + "\r\n");
    await c.waitClosed();
    expect(c.text).toMatch(/\r\n421 4\.7\.0 Bridge: line longer than 1000 octets/);
    // Nothing of the long line reached the world.
    expect(tab.world.events().some((e) => e.type === "command")).toBe(false);
  });

  it("accepts a line of exactly 1000 octets with its CRLF", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.expect(/^220 /);
    c.write("HELO " + "a".repeat(993) + "\r\n");
    await c.expect(/250 mail\.isp\.example\r\n$/);
    c.socket.destroy();
  });

  it("refuses connections over the limit", async () => {
    bridge = await bridgeOnFreePorts({ maxConnections: 2 });
    tab = await connectTab(bridge);
    const a = await RawClient.open(bridge.ports.smtp);
    const b = await RawClient.open(bridge.ports.submission);
    await a.expect(/^220 /);
    await b.expect(/^220 /);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.waitClosed();
    expect(c.text).toBe(BRIDGE_REPLIES.tooMany(2) + "\r\n");
    a.socket.destroy();
    b.socket.destroy();
  });

  it("hangs up on an idle client with 421 4.4.2 and closes its world session", async () => {
    bridge = await bridgeOnFreePorts({ idleTimeoutMs: 300 });
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.waitClosed();
    expect(c.text).toMatch(/\r\n421 4\.4\.2 Bridge: no command for 0 s \(timeout exceeded\)/);
    await until(() => tab!.world.events().some((e) => e.type === "close"));
    expect(tab.tab.open).toBe(0);
  });

  it("ignores malformed messages from the tab", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.expect(/^220 /);
    tab.ws.send("not json");
    tab.ws.send(JSON.stringify({ type: "reply", conn: 1, text: "250 ok", consumed: 0 }));
    tab.ws.send(JSON.stringify({ type: "shell", command: "rm -rf /" }));
    c.write("NOOP\r\n");
    await c.expect(/^220 [^\r]*\r\n250 2\.0\.0 Ok\r\n$/);
    c.socket.destroy();
  });

  it("lets a newer tab take over and closes the older tab's clients", async () => {
    bridge = await bridgeOnFreePorts();
    tab = await connectTab(bridge);
    const c = await RawClient.open(bridge.ports.smtp);
    await c.expect(/^220 /);
    const older = tab;
    tab = await connectTab(bridge);
    await c.waitClosed();
    expect(c.text).toMatch(/another Relay Lab tab took over/);
    await until(() => older.received.some((m) => m.type === "replaced"));
    await older.close();
  });
});
