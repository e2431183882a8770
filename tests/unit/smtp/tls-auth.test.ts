import { describe, expect, it } from "vitest";
import { createWorld, encodeBase64, type Session, type World } from "@/lib/smtp";
import { dialogue } from "./helpers";

const PLAIN_OK = `AUTH PLAIN ${encodeBase64("\0alice\0s3cret-alice")}`;
const PLAIN_BAD = `AUTH PLAIN ${encodeBase64("\0alice\0wrong")}`;

function submission(port = 587): { s: Session; w: World } {
  const w = createWorld("telecommuter");
  const s = w.connect({ from: "pc.home.example", to: "mx.corp.example", port });
  return { s, w };
}

/** 587 after STARTTLS and a fresh EHLO. */
function secured(): { s: Session; w: World } {
  const r = submission();
  r.s.send("EHLO pc.home.example");
  r.s.send("STARTTLS");
  r.s.startTls();
  r.s.send("EHLO pc.home.example");
  return r;
}

describe("STARTTLS (RFC 3207) on submission, port 587", () => {
  it("offers STARTTLS but not AUTH before TLS, and requires TLS for mail", () => {
    const { s } = submission();
    const ehlo = s.send("EHLO pc.home.example");
    expect(ehlo).toContain("250-STARTTLS");
    expect(ehlo).not.toContain("AUTH");
    expect(s.send("MAIL FROM:<alice@corp.example>")).toBe(
      "530 5.7.0 Must issue a STARTTLS command first",
    );
    expect(s.send(PLAIN_OK)).toBe("530 5.7.0 Must issue a STARTTLS command first");
    expect(s.send("NOOP")).toBe("250 2.0.0 Ok");
  });
  it("220 Ready to start TLS, then the handshake resets the session", () => {
    const { s, w } = submission();
    s.send("EHLO pc.home.example");
    expect(s.send("STARTTLS")).toBe("220 2.0.0 Ready to start TLS");
    expect(s.state).toBe("tls-handshake");
    expect(s.startTls()).toEqual({ ok: true, greeting: "" });
    expect(s.tls).toBe(true);
    expect(s.state).toBe("init");
    expect(w.events().some((e) => e.type === "tls" && e.session === s.id)).toBe(true);
    // The server forgot the EHLO: a new one is needed (smtpd_helo_required = yes here).
    expect(s.send("MAIL FROM:<alice@corp.example>")).toBe("503 5.5.1 Error: send HELO/EHLO first");
    const ehlo = s.send("EHLO pc.home.example");
    expect(ehlo).not.toContain("STARTTLS");
    expect(ehlo).toContain("250-AUTH PLAIN LOGIN");
    expect(s.send("STARTTLS")).toBe("554 5.5.1 Error: TLS already active");
  });
  it("plain text typed after 220 (telnet cannot do TLS) makes the server hang up", () => {
    const { s } = submission();
    s.send("EHLO pc.home.example");
    s.send("STARTTLS");
    expect(s.send("MAIL FROM:<alice@corp.example>")).toBe("");
    expect(s.closed).toBe(true);
    expect(s.error).toBe("Connection closed by foreign host.");
  });
  it("STARTTLS takes no argument", () => {
    const { s } = submission();
    s.send("EHLO pc.home.example");
    expect(s.send("STARTTLS now")).toBe("501 5.5.4 Syntax: STARTTLS");
  });
  it("a relay with no authenticated user still refuses to relay after TLS", () => {
    const { s } = secured();
    expect(s.send("MAIL FROM:<alice@corp.example>")).toBe("250 2.1.0 Ok");
    expect(s.send("RCPT TO:<carol@partner.example>")).toBe(
      "554 5.7.1 <pc.home.example[203.0.113.10]>: Client host rejected: Access denied",
    );
  });
});

describe("AUTH (RFC 4954)", () => {
  it("PLAIN with an initial response: 235, then relaying is allowed", () => {
    const { s, w } = secured();
    expect(s.send(PLAIN_OK)).toBe("235 2.7.0 Authentication successful");
    expect(s.authenticatedAs).toBe("alice");
    expect(w.events().some((e) => e.type === "auth" && e.ok && e.username === "alice")).toBe(true);
    expect(
      dialogue(s, ["MAIL FROM:<alice@corp.example>", "RCPT TO:<carol@partner.example>"]),
    ).toEqual(["250 2.1.0 Ok", "250 2.1.5 Ok"]);
  });
  it("PLAIN without an initial response: an empty 334 challenge", () => {
    const { s } = secured();
    expect(s.send("AUTH PLAIN")).toBe("334 ");
    expect(s.state).toBe("auth");
    expect(s.send(encodeBase64("\0alice\0s3cret-alice"))).toBe(
      "235 2.7.0 Authentication successful",
    );
  });
  it("LOGIN: Username: and Password: prompts in base64", () => {
    const { s } = secured();
    expect(s.send("AUTH LOGIN")).toBe("334 VXNlcm5hbWU6");
    expect(s.send(encodeBase64("alice"))).toBe("334 UGFzc3dvcmQ6");
    expect(s.send(encodeBase64("s3cret-alice"))).toBe("235 2.7.0 Authentication successful");
  });
  it("LOGIN with the user name as initial response skips the first prompt", () => {
    const { s } = secured();
    expect(s.send(`AUTH LOGIN ${encodeBase64("alice")}`)).toBe("334 UGFzc3dvcmQ6");
    expect(s.send(encodeBase64("nope"))).toBe(
      "535 5.7.8 Error: authentication failed: authentication failure",
    );
    expect(s.authenticatedAs).toBeNull();
  });
  it("bad credentials: 535 5.7.8, and relaying stays closed", () => {
    const { s, w } = secured();
    expect(s.send(PLAIN_BAD)).toBe(
      "535 5.7.8 Error: authentication failed: authentication failure",
    );
    expect(w.events().some((e) => e.type === "auth" && !e.ok)).toBe(true);
    s.send("MAIL FROM:<alice@corp.example>");
    expect(s.send("RCPT TO:<carol@partner.example>")).toMatch(/^554 5\.7\.1 /);
  });
  it("* cancels the exchange", () => {
    const { s } = secured();
    s.send("AUTH LOGIN");
    expect(s.send("*")).toBe("501 5.7.0 Authentication aborted");
    expect(s.state).toBe("ready");
  });
  it("bad base64 in a response", () => {
    const { s } = secured();
    s.send("AUTH PLAIN");
    expect(s.send("!!!")).toBe(
      "535 5.7.8 Error: authentication failed: Invalid base64 data in continued response",
    );
    expect(s.send("AUTH PLAIN !!!")).toBe(
      "535 5.7.8 Error: authentication failed: Invalid base64 data in initial response",
    );
  });
  it("no second AUTH, no AUTH inside a transaction, unknown mechanisms refused", () => {
    const { s } = secured();
    expect(s.send("AUTH CRAM-MD5")).toBe(
      "535 5.7.8 Error: authentication failed: Invalid authentication mechanism",
    );
    expect(s.send("AUTH")).toBe("501 5.5.4 Syntax: AUTH mechanism");
    s.send("MAIL FROM:<alice@corp.example>");
    expect(s.send(PLAIN_OK)).toBe("503 5.5.1 Error: MAIL transaction in progress");
    s.send("RSET");
    expect(s.send(PLAIN_OK)).toBe("235 2.7.0 Authentication successful");
    expect(s.send(PLAIN_OK)).toBe("503 5.5.1 Error: already authenticated");
  });
  it("AUTH on the MTA port 25 is not enabled", () => {
    const w = createWorld("telecommuter");
    const s = w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 25 });
    s.send("EHLO pc.home.example");
    expect(s.send(PLAIN_OK)).toBe("503 5.5.1 Error: authentication not enabled");
  });
  it("AUTH before EHLO: send HELO/EHLO first", () => {
    const w = createWorld("telecommuter");
    const s = w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 465, tls: true });
    expect(s.send(PLAIN_OK)).toBe("503 5.5.1 Error: send HELO/EHLO first");
  });
});

describe("implicit TLS on 465 (RFC 8314)", () => {
  it("a plaintext client gets no greeting, and is dropped once it types", () => {
    const { s } = submission(465);
    expect(s.greeting).toBe("");
    expect(s.closed).toBe(false);
    expect(s.state).toBe("tls-wait");
    expect(s.send("EHLO pc.home.example")).toBe("");
    expect(s.closed).toBe(true);
  });
  it("a TLS client is greeted after the handshake and sees AUTH at once", () => {
    const { s } = submission(465);
    const r = s.startTls();
    expect(r).toEqual({ ok: true, greeting: "220 mx.corp.example ESMTP Postfix" });
    expect(s.greeting).toBe("220 mx.corp.example ESMTP Postfix");
    const ehlo = s.send("EHLO pc.home.example");
    expect(ehlo).toContain("250-AUTH PLAIN LOGIN");
    expect(ehlo).not.toContain("STARTTLS");
  });
  it("connect({ tls: true }) does the handshake for openssl s_client", () => {
    const w = createWorld("telecommuter");
    const s = w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 465, tls: true });
    expect(s.tls).toBe(true);
    expect(s.greeting).toBe("220 mx.corp.example ESMTP Postfix");
  });
  it("TLS to a plaintext port fails without throwing", () => {
    const w = createWorld("telecommuter");
    const s = w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 25, tls: true });
    expect(s.closed).toBe(true);
    expect(s.error).toMatch(/TLS handshake failed/);
  });
  it("the Received: header records ESMTPSA, the cipher and the login", () => {
    const w = createWorld("telecommuter");
    const s = w.connect({ from: "pc.home.example", to: "mx.corp.example", port: 465, tls: true });
    dialogue(s, [
      "EHLO pc.home.example",
      PLAIN_OK,
      "MAIL FROM:<alice@corp.example>",
      "RCPT TO:<carol@partner.example>",
      "DATA",
      "Subject: hi",
      "",
      "x",
      ".",
      "QUIT",
    ]);
    w.runUntilIdle();
    const [msg] = w.mailbox("carol@partner.example");
    expect(msg).toMatch(
      /Received: from pc\.home\.example \(pc\.home\.example \[203\.0\.113\.10\]\)\r\n\t\(using TLSv1\.3 with cipher TLS_AES_256_GCM_SHA384 \(256\/256 bits\)\)\r\n\t\(Authenticated sender: alice\)\r\n\tby mx\.corp\.example \(Postfix\) with ESMTPSA id [0-9A-F]{11}\r\n\tfor <carol@partner\.example>; Sat, 28 Nov 2026 09:00:\d\d \+0000 \(UTC\)/,
    );
  });
});
