import { describe, expect, it } from "vitest";
import { createWorld, type Session, type World } from "@/lib/smtp";
import { sendMessage } from "./helpers";

const DENIED = (rcpt: string): string => `554 5.7.1 <${rcpt}>: Relay access denied`;

/** The spammer, mid-transaction with corp.example's server. */
function spammer(world: World): Session {
  const s = world.connect({ from: "bulk.spammer.example", to: "mx.corp.example", port: 25 });
  s.send("EHLO bulk.spammer.example");
  s.send("MAIL FROM:<deals@spammer.example>");
  return s;
}

describe("a closed relay (reject_unauth_destination)", () => {
  it("denies a stranger relaying to another domain", () => {
    const s = spammer(createWorld("closed-relay"));
    expect(s.send("RCPT TO:<victim@partner.example>")).toBe(DENIED("victim@partner.example"));
  });
  it("still accepts mail for its own domains, in any case", () => {
    const s = spammer(createWorld("closed-relay"));
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("250 2.1.5 Ok");
    expect(s.send("RCPT TO:<BOB@CORP.EXAMPLE>")).toBe("250 2.1.5 Ok");
    expect(s.send("RCPT TO:<bob@mx.corp.example>")).toBe("250 2.1.5 Ok");
  });
  it("accepts <Postmaster> with no domain and postmaster@ (RFC 5321 4.5.1)", () => {
    const s = spammer(createWorld("closed-relay"));
    expect(s.send("RCPT TO:<Postmaster>")).toBe("250 2.1.5 Ok");
    expect(s.send("RCPT TO:<postmaster@corp.example>")).toBe("250 2.1.5 Ok");
  });
  it("rejects unknown local users with 550 5.1.1", () => {
    const s = spammer(createWorld("closed-relay"));
    expect(s.send("RCPT TO:<nobody@corp.example>")).toBe(
      "550 5.1.1 <nobody@corp.example>: Recipient address rejected: User unknown in local recipient table",
    );
  });
  it("does not let routed addresses slip through (percent hack, bang path, quoted @)", () => {
    const s = spammer(createWorld("closed-relay"));
    for (const rcpt of [
      "victim%partner.example@corp.example",
      "partner.example!victim@corp.example",
      '"victim@partner.example"@corp.example',
      "@corp.example:victim@partner.example",
    ]) {
      const reply = s.send(`RCPT TO:<${rcpt}>`);
      expect(reply, rcpt).toMatch(/^554 5\.7\.1 <.*>: Relay access denied$/);
    }
  });
  it("the null sender gets no relaying privilege", () => {
    const w = createWorld("closed-relay");
    const s = w.connect({ from: "bulk.spammer.example", to: "mx.corp.example", port: 25 });
    s.send("EHLO bulk.spammer.example");
    expect(s.send("MAIL FROM:<>")).toBe("250 2.1.0 Ok");
    expect(s.send("RCPT TO:<victim@partner.example>")).toBe(DENIED("victim@partner.example"));
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("250 2.1.5 Ok");
  });
  it("lets mynetworks clients relay", () => {
    const w = createWorld("closed-relay");
    const s = w.connect({ from: "ws.corp.example", to: "mx.corp.example", port: 25 });
    s.send("EHLO ws.corp.example");
    s.send("MAIL FROM:<admin@corp.example>");
    expect(s.send("RCPT TO:<victim@partner.example>")).toBe("250 2.1.5 Ok");
  });
  it("a message for the server's own domain is delivered even though relaying is denied", () => {
    const w = createWorld("closed-relay");
    const replies = sendMessage(w, {
      client: "bulk.spammer.example",
      server: "mx.corp.example",
      sender: "deals@spammer.example",
      rcpts: ["victim@partner.example", "bob@corp.example"],
    });
    expect(replies).toContain(DENIED("victim@partner.example"));
    w.runUntilIdle();
    expect(w.mailbox("bob@corp.example")).toHaveLength(1);
    expect(w.mailbox("victim@partner.example")).toEqual([]);
  });
});

describe("an open relay", () => {
  it("relays for anyone because mynetworks covers the whole internet", () => {
    const w = createWorld("open-relay");
    expect(w.postconf("mx.corp.example")?.mynetworks).toBe("0.0.0.0/0");
    const s = spammer(w);
    expect(s.send("RCPT TO:<victim@partner.example>")).toBe("250 2.1.5 Ok");
  });
  it("is closed by postconf -e mynetworks, for new connections", () => {
    const w = createWorld("open-relay");
    const before = spammer(w);
    expect(w.setPostconf("mx.corp.example", "mynetworks", "127.0.0.0/8, 10.0.0.0/24")).toEqual({
      ok: true,
    });
    expect(w.events().at(-1)).toMatchObject({ type: "postconf", name: "mynetworks" });
    const after = spammer(w);
    expect(after.send("RCPT TO:<victim@partner.example>")).toBe(DENIED("victim@partner.example"));
    // An existing smtpd process keeps the configuration it started with, as after postconf -e
    // without "postfix reload".
    expect(before.send("RCPT TO:<victim@partner.example>")).toBe("250 2.1.5 Ok");
  });
  it("is also closed by fixing smtpd_relay_restrictions", () => {
    const w = createWorld("open-relay");
    w.setPostconf(
      "mx.corp.example",
      "smtpd_relay_restrictions",
      "permit_sasl_authenticated, reject_unauth_destination",
    );
    expect(spammer(w).send("RCPT TO:<victim@partner.example>")).toBe(
      DENIED("victim@partner.example"),
    );
  });
  it("defer_unauth_destination (Postfix's default) answers 454 instead of 554", () => {
    const w = createWorld("closed-relay");
    w.setPostconf(
      "mx.corp.example",
      "smtpd_relay_restrictions",
      "permit_mynetworks, defer_unauth_destination",
    );
    expect(spammer(w).send("RCPT TO:<victim@partner.example>")).toBe(
      "454 4.7.1 <victim@partner.example>: Relay access denied",
    );
  });
  it("lists that can never reject are a configuration error (451 4.3.5), like Postfix", () => {
    const w = createWorld("closed-relay");
    w.setPostconf("mx.corp.example", "smtpd_relay_restrictions", "permit");
    expect(spammer(w).send("RCPT TO:<victim@partner.example>")).toBe(
      "451 4.3.5 Server configuration error",
    );
  });
});

describe("postconf", () => {
  it("shows defaults merged with the scenario's main.cf", () => {
    const conf = createWorld("isp-relay").postconf("mail.isp.example")!;
    expect(conf.myhostname).toBe("mail.isp.example");
    expect(conf.mydomain).toBe("isp.example");
    expect(conf.message_size_limit).toBe("10240000");
    expect(conf.mynetworks).toBe("127.0.0.0/8, 203.0.113.0/24");
    expect(createWorld("isp-relay").postconf("pc.home.example")).toBeNull();
  });
  it("refuses unknown parameters, bad values and read-only hosts with postconf's words", () => {
    const w = createWorld("open-relay");
    expect(w.setPostconf("mx.corp.example", "my_networks", "x")).toEqual({
      ok: false,
      error: "postconf: warning: my_networks: unknown parameter",
    });
    expect(w.setPostconf("mx.corp.example", "mynetworks", "10.0.0.0/33").ok).toBe(false);
    expect(w.setPostconf("mx.corp.example", "smtpd_relay_restrictions", "permit_everyone").ok).toBe(
      false,
    );
    expect(w.setPostconf("mx.corp.example", "smtpd_recipient_limit", "many").ok).toBe(false);
    expect(w.setPostconf("mx.partner.example", "mynetworks", "0.0.0.0/0")).toEqual({
      ok: false,
      error: "postconf: fatal: open /etc/postfix/main.cf for writing: Permission denied",
    });
    expect(w.setPostconf("ws.corp.example", "mynetworks", "0.0.0.0/0").ok).toBe(false);
    expect(w.postconf("mx.corp.example")!.mynetworks).toBe("0.0.0.0/0");
  });
  it("STARTTLS disappears with smtpd_tls_security_level = none", () => {
    const w = createWorld("closed-relay");
    w.setPostconf("mx.corp.example", "smtpd_tls_security_level", "none");
    const s = w.connect({ from: "ws.corp.example", to: "mx.corp.example", port: 25 });
    expect(s.send("EHLO ws.corp.example")).not.toContain("STARTTLS");
    expect(s.send("STARTTLS")).toBe("502 5.5.1 Error: command not implemented");
  });
});

describe("network rules", () => {
  it("the ISP drops outbound 25 from home, except to its own relay; 587 and 465 pass", () => {
    const w = createWorld("port-25-blocked");
    const blocked = w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 25 });
    expect(blocked).toMatchObject({ closed: true, greeting: "", error: "Connection timed out" });
    expect(w.events().at(-1)).toMatchObject({
      type: "refused",
      client: "pc.home.example",
      server: "mx.corp.example",
      port: 25,
    });
    expect(
      w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 }).greeting,
    ).toMatch(/^220 /);
    expect(
      w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 587 }).greeting,
    ).toMatch(/^220 /);
    expect(w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 465 }).closed).toBe(
      false,
    );
  });
  it("a mail server's firewall: inbound 25 open, outbound 25 dropped, the LAN unreachable", () => {
    const w = createWorld("mail-firewall");
    expect(
      w.connect({ from: "mx.partner.example", to: "mx.corp.example", port: 25 }).greeting,
    ).toMatch(/^220 /);
    expect(w.connect({ from: "mx.corp.example", to: "mx.partner.example", port: 25 }).error).toBe(
      "Connection timed out",
    );
    expect(w.connect({ from: "mx.partner.example", to: "ws.corp.example", port: 22 }).error).toBe(
      "Connection timed out",
    );
  });
});

describe("the loopback", () => {
  it("telnet localhost 25 on a server is a trusted local client", () => {
    const w = createWorld("closed-relay");
    const s = w.connect({ from: "mx.corp.example", to: "localhost", port: 25 });
    expect(s.greeting).toBe("220 mx.corp.example ESMTP Postfix");
    s.send("EHLO localhost");
    s.send("MAIL FROM:<root@corp.example>");
    expect(s.send("RCPT TO:<victim@partner.example>")).toBe("250 2.1.5 Ok");
    expect(w.connect({ from: "pc.home.example", to: "localhost", port: 25 }).error).toBe(
      "No route to host",
    );
  });
});

describe("VRFY applies the recipient checks", () => {
  it("a stranger cannot probe remote addresses through the relay", () => {
    const w = createWorld("closed-relay");
    const s = w.connect({ from: "bulk.spammer.example", to: "mx.corp.example", port: 25 });
    s.send("EHLO bulk.spammer.example");
    expect(s.send("VRFY victim@partner.example")).toBe(DENIED("victim@partner.example"));
    expect(s.send("VRFY <bob@corp.example>")).toBe("252 2.0.0 <bob@corp.example>");
  });
});
