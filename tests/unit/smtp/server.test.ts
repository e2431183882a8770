import { describe, expect, it } from "vitest";
import { createWorld } from "@/lib/smtp";
import { dialogue, ehloReply, homeSession, specOf, withPostconf, worldOf } from "./helpers";

const EHLO_25 = ehloReply("mail.isp.example");

describe("greeting and HELO/EHLO (state init)", () => {
  it("greets like Postfix and answers HELO with the host name", () => {
    const w = createWorld("isp-relay");
    const s = w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    expect(s.greeting).toBe("220 mail.isp.example ESMTP Postfix");
    expect(s.state).toBe("init");
    expect(s.send("HELO pc.home.example")).toBe("250 mail.isp.example");
    expect(s.state).toBe("ready");
  });
  it("lists the port-25 capabilities on EHLO: STARTTLS, no AUTH", () => {
    const s = createWorld("isp-relay").connect({
      from: "pc.home.example",
      to: "mail.isp.example",
      port: 25,
    });
    expect(s.send("EHLO pc.home.example")).toBe(EHLO_25);
  });
  it("needs a host name argument (501 without an enhanced code)", () => {
    const s = createWorld("isp-relay").connect({
      from: "pc.home.example",
      to: "mail.isp.example",
      port: 25,
    });
    expect(s.send("HELO")).toBe("501 Syntax: HELO hostname");
    expect(s.send("EHLO")).toBe("501 Syntax: EHLO hostname");
  });
  it("wants HELO/EHLO before MAIL where smtpd_helo_required = yes", () => {
    const s = createWorld("isp-relay").connect({
      from: "pc.home.example",
      to: "mail.isp.example",
      port: 25,
    });
    expect(s.send("MAIL FROM:<you@isp.example>")).toBe("503 5.5.1 Error: send HELO/EHLO first");
  });
  it("accepts MAIL without HELO under Postfix's default smtpd_helo_required = no", () => {
    const w = worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", { smtpd_helo_required: "no" }),
    );
    const s = w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    expect(s.send("MAIL FROM:<you@isp.example>")).toBe("250 2.1.0 Ok");
  });
  it("hides VRFY and refuses it when disable_vrfy_command = yes", () => {
    const w = worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", { disable_vrfy_command: "yes" }),
    );
    const s = homeSession(w);
    s.send("RSET");
    expect(s.send("EHLO pc.home.example")).not.toContain("VRFY");
    expect(s.send("VRFY bob")).toBe("502 5.5.1 VRFY command is disabled");
  });
});

describe("command sequence (states ready, mail, rcpt)", () => {
  it("needs MAIL before RCPT and RCPT before DATA", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("503 5.5.1 Error: need MAIL command");
    expect(s.send("DATA")).toBe("503 5.5.1 Error: need RCPT command");
    expect(s.send("MAIL FROM:<you@isp.example>")).toBe("250 2.1.0 Ok");
    expect(s.state).toBe("mail");
    expect(s.send("MAIL FROM:<you@isp.example>")).toBe("503 5.5.1 Error: nested MAIL command");
    expect(s.send("DATA")).toBe("554 5.5.1 Error: no valid recipients");
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("250 2.1.5 Ok");
    expect(s.state).toBe("rcpt");
    expect(s.send("DATA x")).toBe("501 5.5.4 Syntax: DATA");
    expect(s.send("DATA")).toBe("354 End data with <CR><LF>.<CR><LF>");
    expect(s.state).toBe("data");
    expect(s.inData).toBe(true);
  });
  it("RSET clears the transaction; NOOP changes nothing", () => {
    const s = homeSession(createWorld("isp-relay"));
    s.send("MAIL FROM:<you@isp.example>");
    expect(s.send("NOOP")).toBe("250 2.0.0 Ok");
    expect(s.send("NOOP x")).toBe("250 2.0.0 Ok");
    expect(s.state).toBe("mail");
    expect(s.send("RSET")).toBe("250 2.0.0 Ok");
    expect(s.state).toBe("ready");
    expect(s.send("RSET now")).toBe("501 5.5.4 Syntax: RSET");
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("503 5.5.1 Error: need MAIL command");
  });
  it("a new EHLO also resets the transaction", () => {
    const s = homeSession(createWorld("isp-relay"));
    s.send("MAIL FROM:<you@isp.example>");
    s.send("EHLO pc.home.example");
    expect(s.state).toBe("ready");
    expect(s.send("MAIL FROM:<you@isp.example>")).toBe("250 2.1.0 Ok");
  });
  it("syntax errors: 501 with the right enhanced code", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("MAIL you@isp.example")).toBe("501 5.5.4 Syntax: MAIL FROM:<address>");
    expect(s.send("MAIL FROM:<a b@isp.example>")).toBe("501 5.1.7 Bad sender address syntax");
    s.send("MAIL FROM:<you@isp.example>");
    expect(s.send("RCPT bob@corp.example")).toBe("501 5.5.4 Syntax: RCPT TO:<address>");
    expect(s.send("RCPT TO:<bob@>")).toBe("501 5.1.3 Bad recipient address syntax");
    expect(s.send("RCPT TO:<>")).toBe("501 5.1.3 Bad recipient address syntax");
  });
  it("unknown verbs and HELP get Postfix's 500 command not recognized; an empty line bad syntax", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("HELP")).toBe("500 5.5.2 Error: command not recognized");
    expect(s.send("EXPN staff")).toBe("500 5.5.2 Error: command not recognized");
    expect(s.send("")).toBe("500 5.5.2 Error: bad syntax");
    expect(s.send("X".repeat(3000))).toBe("500 5.5.2 Error: line too long");
  });
  it("QUIT says goodbye and closes; later sends return nothing", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("quit")).toBe("221 2.0.0 Bye");
    expect(s.closed).toBe(true);
    expect(s.state).toBe("closed");
    expect(s.send("NOOP")).toBe("");
  });
  it("hangs up with 421 after too many errors (smtpd_hard_error_limit)", () => {
    const s = homeSession(createWorld("isp-relay"));
    const replies = dialogue(
      s,
      Array.from({ length: 20 }, () => "BOGUS"),
    );
    expect(replies[18]).toBe("500 5.5.2 Error: command not recognized");
    expect(replies[19]).toBe("421 4.7.0 mail.isp.example Error: too many errors");
    expect(s.closed).toBe(true);
  });
});

describe("ESMTP parameters", () => {
  it("SIZE over message_size_limit is refused at MAIL with 552", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("MAIL FROM:<you@isp.example> SIZE=99999999")).toBe(
      "552 5.3.4 Message size exceeds fixed limit",
    );
    expect(s.send("MAIL FROM:<you@isp.example> SIZE=1000 BODY=8BITMIME")).toBe("250 2.1.0 Ok");
  });
  it("unknown parameters get 555; a bad BODY gets 501", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("MAIL FROM:<you@isp.example> FOO=BAR")).toBe(
      "555 5.5.4 Unsupported option: FOO=BAR",
    );
    expect(s.send("MAIL FROM:<you@isp.example> BODY=BINARY")).toBe(
      "501 5.5.4 Bad BODY keyword value",
    );
    s.send("MAIL FROM:<you@isp.example>");
    expect(s.send("RCPT TO:<bob@corp.example> FOO=1")).toBe("555 5.5.4 Unsupported option: FOO=1");
    expect(s.send("RCPT TO:<bob@corp.example> NOTIFY=SOMETIMES")).toBe(
      "501 5.5.4 Error: Bad NOTIFY parameter syntax",
    );
    expect(s.send("RCPT TO:<bob@corp.example> ORCPT=bob")).toBe(
      "501 5.5.4 Error: Bad ORCPT parameter syntax",
    );
    expect(
      s.send("RCPT TO:<bob@corp.example> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@corp.example"),
    ).toBe("250 2.1.5 Ok");
  });
  it("parameters after HELO (not EHLO) are not allowed", () => {
    const w = createWorld("isp-relay");
    const s = w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    s.send("HELO pc.home.example");
    expect(s.send("MAIL FROM:<you@isp.example> SIZE=10")).toBe(
      "555 5.5.4 Unsupported option: SIZE=10",
    );
  });
  it("a message larger than the limit gets 552 after the dot", () => {
    const w = worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", { message_size_limit: "200" }),
    );
    const s = homeSession(w);
    dialogue(s, ["MAIL FROM:<you@isp.example>", "RCPT TO:<bob@corp.example>", "DATA"]);
    for (let i = 0; i < 10; i++) expect(s.send("x".repeat(50))).toBe("");
    expect(s.send(".")).toBe("552 5.3.4 Message size exceeds fixed limit");
    expect(s.state).toBe("ready");
    w.runUntilIdle();
    expect(w.mailbox("bob@corp.example")).toEqual([]);
  });
  it("more recipients than smtpd_recipient_limit: 452 4.5.3", () => {
    const w = worldOf(
      withPostconf(specOf("isp-relay"), "mail.isp.example", { smtpd_recipient_limit: "2" }),
    );
    const s = homeSession(w);
    s.send("MAIL FROM:<you@isp.example>");
    expect(s.send("RCPT TO:<bob@corp.example>")).toBe("250 2.1.5 Ok");
    expect(s.send("RCPT TO:<postmaster@corp.example>")).toBe("250 2.1.5 Ok");
    expect(s.send("RCPT TO:<you@isp.example>")).toBe("452 4.5.3 Error: too many recipients");
  });
});

describe("VRFY", () => {
  it("252 for a local user, 550 5.1.1 for an unknown one", () => {
    const s = homeSession(createWorld("isp-relay"));
    expect(s.send("VRFY you")).toBe("252 2.0.0 you");
    expect(s.send("VRFY nobody@isp.example")).toBe(
      "550 5.1.1 <nobody@isp.example>: Recipient address rejected: User unknown in local recipient table",
    );
    expect(s.send("VRFY")).toBe("501 5.5.4 Syntax: VRFY address");
  });
});

describe("DATA mode", () => {
  it("returns '' for each line, unstuffs dots, and stores the body", () => {
    const w = createWorld("isp-relay");
    const s = homeSession(w);
    dialogue(s, ["MAIL FROM:<you@isp.example>", "RCPT TO:<you@isp.example>", "DATA"]);
    expect(
      dialogue(s, ["Subject: dots", "", "..leading", "QUIT", "MAIL FROM:<x@y.example>"]),
    ).toEqual(["", "", "", "", ""]);
    expect(s.send(".")).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]{11}$/);
    w.runUntilIdle();
    const [msg] = w.mailbox("you@isp.example");
    expect(msg).toContain("\r\n.leading\r\nQUIT\r\nMAIL FROM:<x@y.example>\r\n");
  });
  it("a pasted block (several lines in one send) is handled line by line", () => {
    const w = createWorld("isp-relay");
    const s = w.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
    const out = s.send(
      "EHLO pc.home.example\r\nMAIL FROM:<you@isp.example>\r\nRCPT TO:<bob@corp.example>\r\n",
    );
    expect(out.split("\r\n").slice(-2)).toEqual(["250 2.1.0 Ok", "250 2.1.5 Ok"]);
  });
});

describe("connections", () => {
  it("an unknown name: Name or service not known, as a closed session", () => {
    const s = createWorld("isp-relay").connect({
      from: "pc.home.example",
      to: "nowhere.example",
      port: 25,
    });
    expect(s.closed).toBe(true);
    expect(s.greeting).toBe("");
    expect(s.error).toBe("Name or service not known");
    expect(s.send("EHLO x")).toBe("");
  });
  it("a port with no service: Connection refused", () => {
    const s = createWorld("isp-relay").connect({
      from: "pc.home.example",
      to: "mx.corp.example",
      port: 110,
    });
    expect(s.error).toBe("Connection refused");
  });
  it("an address with no host: Connection timed out; by IP works too", () => {
    const w = createWorld("isp-relay");
    expect(w.connect({ from: "pc.home.example", to: "192.0.2.99", port: 25 }).error).toBe(
      "Connection timed out",
    );
    expect(w.connect({ from: "pc.home.example", to: "192.0.2.25", port: 25 }).greeting).toBe(
      "220 mx.corp.example ESMTP Postfix",
    );
  });
  it("nonsense arguments never throw", () => {
    const w = createWorld("isp-relay");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const bad: any[] = [
      {},
      { from: null, to: 5, port: "x" },
      { from: "pc.home.example", to: "", port: -1 },
    ];
    for (const b of bad) expect(w.connect(b).closed).toBe(true);
  });
});
