/**
 * Answers checked against Postfix 3.x (smtpd.c, smtpd_sasl_proto.c, postconf). Each test quotes
 * the line the real server sends.
 */
import { describe, expect, it } from "vitest";
import { createWorld, POSTCONF_DEFAULTS } from "@/lib/smtp";
import { dialogue, homeSession, specOf, withPostconf, worldOf } from "./helpers";

describe("unknown verbs, HELP and NOOP", () => {
  it('unknown verbs and HELP: "500 5.5.2 Error: command not recognized" (Postfix 3.7)', () => {
    // Quoted from a real Postfix 3.7.11 session; Postfix 2.x sent 502 here. HELP is not in
    // smtpd's command table, so it is an unknown verb too.
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("HELP")).toBe("500 5.5.2 Error: command not recognized");
    expect(s.send("help smtp")).toBe("500 5.5.2 Error: command not recognized");
    expect(s.send("XYZZY")).toBe("500 5.5.2 Error: command not recognized");
  });
  it('NOOP with an argument, also a long one: "250 2.0.0 Ok" (RFC 5321 4.1.1.9)', () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("NOOP hello")).toBe("250 2.0.0 Ok");
    expect(s.send(`NOOP ${"x".repeat(1000)}`)).toBe("250 2.0.0 Ok");
    s.send("MAIL FROM:<you@isp.example>");
    expect(s.send("NOOP still here")).toBe("250 2.0.0 Ok");
    expect(s.state).toBe("mail");
  });
});

describe("smtpd_tls_auth_only = yes", () => {
  const world = () =>
    worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", {
        smtpd_sasl_auth_enable: "yes",
        smtpd_tls_auth_only: "yes",
      }),
    );
  it('before TLS: no AUTH in EHLO, and AUTH gets "503 5.5.1 Error: authentication not enabled"', () => {
    const s = world().connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    const ehlo = s.send("EHLO pc.home.example");
    expect(ehlo).toContain("STARTTLS");
    expect(ehlo).not.toContain("AUTH");
    expect(s.send("AUTH PLAIN AHlvdQBwdw==")).toBe("503 5.5.1 Error: authentication not enabled");
  });
  it("after STARTTLS and a new EHLO, AUTH is offered", () => {
    const s = world().connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    s.send("EHLO pc.home.example");
    expect(s.send("STARTTLS")).toBe("220 2.0.0 Ready to start TLS");
    expect(s.startTls().ok).toBe(true);
    expect(s.send("EHLO pc.home.example")).toContain("AUTH PLAIN LOGIN");
  });
});

describe("smtpd_delay_reject = no with a rejecting client restriction", () => {
  const world = () =>
    worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", {
        smtpd_delay_reject: "no",
        smtpd_client_restrictions: "permit_mynetworks, reject",
      }),
    );
  it('the greeting is "554 5.7.1 <host[ip]>: Client host rejected: Access denied"', () => {
    const w = world();
    const s = w.connect({ from: "mx.corp.example", to: "mail.isp.example", port: 25 });
    expect(s.greeting).toBe(
      "554 5.7.1 <mx.corp.example[192.0.2.25]>: Client host rejected: Access denied",
    );
    expect(s.closed).toBe(false);
  });
  it('every later command but QUIT: "503 5.7.0 Error: access denied for host[ip]"', () => {
    const s = world().connect({ from: "mx.corp.example", to: "mail.isp.example", port: 25 });
    const denied = "503 5.7.0 Error: access denied for mx.corp.example[192.0.2.25]";
    expect(
      dialogue(s, [
        "EHLO mx.corp.example",
        "HELO mx.corp.example",
        "MAIL FROM:<a@corp.example>",
        "NOOP",
        "BOGUS",
      ]),
    ).toEqual([denied, denied, denied, denied, denied]);
    expect(s.send("QUIT")).toBe("221 2.0.0 Bye");
    expect(s.closed).toBe(true);
  });
  it("a client the list permits gets the usual 220 and can relay", () => {
    const s = world().connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    expect(s.greeting).toBe("220 mail.isp.example ESMTP Postfix");
    s.send("EHLO pc.home.example");
    s.send("MAIL FROM:<you@isp.example>");
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("250 2.1.5 Ok");
  });
  it("with the default (yes) the same list rejects at RCPT, after a 220", () => {
    const w = worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", {
        smtpd_client_restrictions: "permit_mynetworks, reject",
      }),
    );
    const s = w.connect({ from: "mx.corp.example", to: "mail.isp.example", port: 25 });
    expect(s.greeting).toBe("220 mail.isp.example ESMTP Postfix");
    s.send("EHLO mx.corp.example");
    expect(s.send("MAIL FROM:<a@corp.example>")).toBe("250 2.1.0 Ok");
    expect(s.send("RCPT TO:<you@isp.example>")).toBe(
      "554 5.7.1 <mx.corp.example[192.0.2.25]>: Client host rejected: Access denied",
    );
  });
});

describe("main.cf parameters: known ones modelled, the rest refused by name", () => {
  it("smtpd_banner sets the greeting text", () => {
    const w = createWorld("open-relay");
    expect(w.setPostconf("mx.corp.example", "smtpd_banner", "$myhostname ESMTP").ok).toBe(true);
    const s = w.connect({ from: "ws.corp.example", to: "mx.corp.example", port: 25 });
    expect(s.greeting).toBe("220 mx.corp.example ESMTP");
  });
  it("smtpd_sender_restrictions = reject refuses at RCPT in Postfix's words", () => {
    const w = createWorld("open-relay");
    w.setPostconf("mx.corp.example", "smtpd_sender_restrictions", "reject");
    const s = w.connect({ from: "ws.corp.example", to: "mx.corp.example", port: 25 });
    s.send("EHLO ws.corp.example");
    s.send("MAIL FROM:<admin@corp.example>");
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe(
      "554 5.7.1 <admin@corp.example>: Sender address rejected: Access denied",
    );
  });
  it('"constructor", "__proto__" and other unknown names: "postconf: warning: NAME: unknown parameter"', () => {
    const w = createWorld("open-relay");
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "my_networks"]) {
      expect(w.setPostconf("mx.corp.example", name, "x")).toEqual({
        ok: false,
        error: `postconf: warning: ${name}: unknown parameter`,
      });
    }
    expect(Object.hasOwn(w.postconf("mx.corp.example")!, "constructor")).toBe(false);
  });
  it("a $reference to an unknown name is refused, and connecting still works", () => {
    const w = createWorld("open-relay");
    for (const ref of ["$constructor", "${__proto__}", "$toString", "$nosuch"]) {
      const r = w.setPostconf("mx.corp.example", "mydestination", ref);
      expect(r.ok).toBe(false);
    }
    expect(w.postconf("mx.corp.example")!.mydestination).toBe("$myhostname, $mydomain, localhost");
    const s = w.connect({ from: "ws.corp.example", to: "mx.corp.example", port: 25 });
    expect(s.greeting).toBe("220 mx.corp.example ESMTP Postfix");
  });
  it("bad booleans, times and control characters are refused", () => {
    const w = createWorld("open-relay");
    expect(w.setPostconf("mx.corp.example", "smtpd_delay_reject", "maybe")).toEqual({
      ok: false,
      error: "postconf: fatal: bad boolean configuration: smtpd_delay_reject = maybe",
    });
    expect(w.setPostconf("mx.corp.example", "maximal_queue_lifetime", "soon").ok).toBe(false);
    expect(w.setPostconf("mx.corp.example", "smtpd_banner", "hi\u009b2J").ok).toBe(false);
  });
  it("every parameter the scenarios set (main.cf and master.cf -o) is one postconf knows", () => {
    const w = createWorld("isp-relay");
    for (const h of w.scenario.hosts) {
      if (!h.mta) continue;
      for (const name of Object.keys(h.mta.postconf))
        expect(Object.hasOwn(POSTCONF_DEFAULTS, name), name).toBe(true);
      for (const svc of h.mta.services)
        for (const name of Object.keys(svc.overrides))
          expect(Object.hasOwn(POSTCONF_DEFAULTS, name), name).toBe(true);
    }
  });
});
