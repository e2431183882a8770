import { describe, expect, it } from "vitest";
import { NOT_IN_WORLD, TabBridge } from "@/lib/bridge/tab";
import { bridgePortFrom } from "@/components/lab/BridgePanel";
import { createWorld } from "@/lib/smtp";

const world = () => {
  const w = createWorld("telecommuter");
  return { w, tab: new TabBridge(() => w) };
};

describe("TabBridge (the tab's half, without sockets)", () => {
  it("answers an open with the greeting, CRLF-ended, from your-pc to the default server", () => {
    const { w, tab } = world();
    expect(tab.handle({ type: "open", conn: 1, worldPort: 587, tls: false })).toEqual([
      {
        type: "reply",
        conn: 1,
        text: "220 mx.corp.example ESMTP Postfix\r\n",
        consumed: 0,
        starttls: false,
        close: false,
      },
    ]);
    expect(w.events()).toContainEqual(
      expect.objectContaining({
        type: "connect",
        client: "your-pc.home.example",
        server: "mx.corp.example",
        port: 587,
      }),
    );
  });

  it("stops at STARTTLS, says so, and starts TLS in the session on the bridge's word", () => {
    const { w, tab } = world();
    tab.handle({ type: "open", conn: 1, worldPort: 587, tls: false });
    const [r] = tab.handle({
      type: "lines",
      conn: 1,
      lines: ["EHLO me", "STARTTLS", "MAIL FROM:<a@b>"],
    });
    expect(r).toMatchObject({ consumed: 2, starttls: true, close: false });
    expect(r!.type === "reply" && r!.text.endsWith("220 2.0.0 Ready to start TLS\r\n")).toBe(true);
    expect(tab.handle({ type: "tls", conn: 1 })).toEqual([
      { type: "reply", conn: 1, text: "", consumed: 0, starttls: false, close: false },
    ]);
    expect(w.events().some((e) => e.type === "tls")).toBe(true);
    const [ehlo] = tab.handle({ type: "lines", conn: 1, lines: ["EHLO me"] });
    expect(ehlo!.type === "reply" && ehlo!.text).toContain("250-AUTH PLAIN LOGIN\r\n");
  });

  it("closes on QUIT and forgets the connection; later lines get a 421", () => {
    const { tab } = world();
    tab.handle({ type: "open", conn: 4, worldPort: 25, tls: false });
    expect(tab.handle({ type: "lines", conn: 4, lines: ["QUIT", "NOOP"] })).toEqual([
      {
        type: "reply",
        conn: 4,
        text: "221 2.0.0 Bye\r\n",
        consumed: 1,
        starttls: false,
        close: true,
      },
    ]);
    expect(tab.open).toBe(0);
    expect(tab.handle({ type: "lines", conn: 4, lines: ["NOOP"] })).toEqual([
      {
        type: "reply",
        conn: 4,
        text: NOT_IN_WORLD + "\r\n",
        consumed: 0,
        starttls: false,
        close: true,
      },
    ]);
  });

  it("implicit TLS: the open carries the handshake and the greeting follows it", () => {
    const { w, tab } = world();
    const [r] = tab.handle({ type: "open", conn: 2, worldPort: 465, tls: true });
    expect(r).toMatchObject({ text: "220 mx.corp.example ESMTP Postfix\r\n", close: false });
    expect(w.events()).toContainEqual(
      expect.objectContaining({ type: "connect", port: 465, tls: true }),
    );
  });

  it("hangup closes the world session by the client", () => {
    const { w, tab } = world();
    tab.handle({ type: "open", conn: 3, worldPort: 25, tls: false });
    expect(tab.handle({ type: "hangup", conn: 3 })).toEqual([]);
    expect(w.events()).toContainEqual(expect.objectContaining({ type: "close", by: "client" }));
  });

  it("follows the chosen server, and falls back to the default for an unknown one", () => {
    const { w, tab } = world();
    tab.setTarget("mx.partner.example");
    tab.handle({ type: "open", conn: 1, worldPort: 25, tls: false });
    tab.setTarget("nowhere.example");
    expect(tab.currentTarget()).toBe("mx.corp.example");
    expect(
      w
        .events()
        .filter((e) => e.type === "connect")
        .map((e) => "server" in e && e.server),
    ).toEqual(["mx.partner.example"]);
  });
});

describe("?bridge= in the lab's address", () => {
  it("1 means the default port, a number that port; absent means no bridge", () => {
    expect(bridgePortFrom(null)).toBeNull();
    expect(bridgePortFrom("1")).toBe(2580);
    expect(bridgePortFrom("34567")).toBe(34567);
    expect(bridgePortFrom("80")).toBe(2580);
    expect(bridgePortFrom("nonsense")).toBe(2580);
  });
});
