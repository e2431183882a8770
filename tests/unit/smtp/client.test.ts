/** The relay's outbound SMTP client, seen through what the next hop receives. */
import { describe, expect, it } from "vitest";
import type { EngineEvent, World } from "@/lib/smtp";
import { sendMessage, specOf, withPostconf, worldOf } from "./helpers";

function relayLines(w: World): string[] {
  const relay = w.events().find((e) => e.type === "connect" && e.client === "mail.isp.example");
  return w
    .events()
    .filter((e): e is Extract<EngineEvent, { type: "command" }> => e.type === "command")
    .filter((e) => relay && e.session === (relay as { session: number }).session)
    .map((e) => e.line);
}

describe("the relay as an SMTP client", () => {
  it("without STARTTLS at the next hop it sends in clear, and Received says ESMTP", () => {
    const w = worldOf(
      withPostconf(specOf("isp-relay"), "mx.corp.example", { smtpd_tls_security_level: "none" }),
    );
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntilIdle();
    expect(relayLines(w)).not.toContain("STARTTLS");
    expect(w.mailbox("bob@corp.example")[0]).toMatch(
      /Received: from mail\.isp\.example \(mail\.isp\.example \[198\.51\.100\.25\]\)\r\n\tby mx\.corp\.example \(Postfix\) with ESMTP id/,
    );
  });

  it("smtp_tls_security_level = encrypt defers when the next hop offers no TLS", () => {
    let spec = withPostconf(specOf("isp-relay"), "mx.corp.example", {
      smtpd_tls_security_level: "none",
    });
    spec = withPostconf(spec, "mail.isp.example", { smtp_tls_security_level: "encrypt" });
    const w = worldOf(spec);
    sendMessage(w, { sender: "you@isp.example", rcpts: ["bob@corp.example"] });
    w.runUntil(w.now() + 60_000);
    expect(w.queue("mail.isp.example")[0]!.recipients[0]!.reason).toBe(
      "TLS is required, but was not offered by host mx.corp.example[192.0.2.25]",
    );
  });

  it("dot-stuffs message lines that start with a dot", () => {
    const w = worldOf(specOf("isp-relay"));
    sendMessage(w, {
      sender: "you@isp.example",
      rcpts: ["bob@corp.example"],
      // As typed by the learner: the client's own stuffing of ".one dot".
      body: ["Subject: dots", "", "..one dot"],
    });
    w.runUntilIdle();
    expect(relayLines(w)).toContain("..one dot");
    expect(w.mailbox("bob@corp.example")[0]).toContain("\r\n.one dot\r\n");
  });

  it("a relayhost takes all remote mail, without an MX lookup", () => {
    const spec = withPostconf(specOf("port-25-blocked"), "mx.corp.example", {
      relayhost: "[mail.isp.example]",
    });
    // The ISP relay must accept relaying from corp.example's server for this to work.
    const isp = spec.hosts.find((h) => h.name === "mail.isp.example")!;
    isp.mta!.postconf = {
      ...isp.mta!.postconf,
      mynetworks: "127.0.0.0/8, 203.0.113.0/24, 192.0.2.25/32",
    };
    const w = worldOf(spec);
    sendMessage(w, {
      client: "mx.corp.example",
      server: "localhost",
      sender: "alice@corp.example",
      rcpts: ["carol@partner.example"],
    });
    w.runUntilIdle();
    const dnsFromCorp = w.events().filter((e) => e.type === "dns" && e.host === "mx.corp.example");
    expect(dnsFromCorp.map((e) => (e as { rrtype: string }).rrtype)).toEqual(["A"]);
    const [msg] = w.mailbox("carol@partner.example");
    expect(msg).toBeDefined();
    expect(msg).toContain("by mail.isp.example (Postfix)");
    // HELO name first, then what the connection really was: the loopback.
    expect(msg).toContain("Received: from mx.corp.example (localhost [127.0.0.1])");
  });

  it("5xx to MAIL FROM bounces every recipient of that transaction", () => {
    const spec = withPostconf(specOf("isp-relay"), "mx.corp.example", {
      message_size_limit: "100",
    });
    const w = worldOf(spec);
    sendMessage(w, {
      sender: "you@isp.example",
      rcpts: ["bob@corp.example", "postmaster@corp.example"],
    });
    w.runUntilIdle();
    const bounced = w.events().find((e) => e.type === "bounced") as Extract<
      EngineEvent,
      { type: "bounced" }
    >;
    expect(bounced.recipients).toEqual(["bob@corp.example", "postmaster@corp.example"]);
    expect(bounced.reason).toMatch(
      /said: 552 5\.3\.4 Message size exceeds fixed limit \(in reply to MAIL FROM command\)$/,
    );
  });
});
