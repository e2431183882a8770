import { describe, expect, it } from "vitest";
import { createWorld } from "@/lib/smtp";

describe("createWorld", () => {
  it("relays a hand-typed message through the ISP relay to Bob's mailbox", () => {
    const world = createWorld("isp-relay");
    const s = world.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    expect(s.greeting).toBe("220 mail.isp.example ESMTP Postfix");
    expect(s.send("EHLO pc.home.example").split("\r\n")[0]).toBe("250-mail.isp.example");
    expect(s.send("MAIL FROM:<you@isp.example>")).toBe("250 2.1.0 Ok");
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("250 2.1.5 Ok");
    expect(s.send("DATA")).toBe("354 End data with <CR><LF>.<CR><LF>");
    expect(s.send("Subject: hi")).toBe("");
    expect(s.send("")).toBe("");
    expect(s.send("..a stuffed line")).toBe("");
    expect(s.send(".")).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]{11}$/);
    expect(s.send("QUIT")).toBe("221 2.0.0 Bye");
    expect(s.closed).toBe(true);
    world.runUntilIdle();
    const box = world.mailbox("bob@corp.example");
    expect(box).toHaveLength(1);
    const received = box[0]!.match(/^Received: from \S+/gm);
    expect(received).toEqual(["Received: from mail.isp.example", "Received: from pc.home.example"]);
    expect(box[0]).toContain("\r\n.a stuffed line\r\n");
  });

  it("returns an error object for an unknown scenario, never throws", () => {
    const w = createWorld("no-such-scenario");
    expect(w.ok).toBe(false);
  });
});
