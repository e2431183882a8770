/**
 * The four sessions of RFC 5321 Appendix D, replayed against the engine with .example names.
 * The RFC's replies are illustrative ("250 OK"); the engine answers as Postfix does, so each
 * step checks the Postfix wording with the same code.
 */
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "@/content/scenarios/schema";
import { receivedChain } from "./demo-runner";
import { dialogue, ehloReply, worldOf } from "./helpers";

const mtaHost = (name: string, ip: string, mynetworks: string) => ({
  name,
  ip,
  network: "internet",
  role: "mx" as const,
  label: name,
  mta: {
    postconf: {
      mydestination: "$myhostname, localhost",
      mynetworks,
      smtpd_relay_restrictions: "permit_mynetworks, reject_unauth_destination",
    },
    services: [{ port: 25, name: "smtp" as const, overrides: {} }],
  },
});

const APPENDIX_D: ScenarioInput = {
  id: "rfc5321-appendix-d",
  title: "RFC 5321 Appendix D",
  summary: "The RFC's example sessions.",
  description: "bar.example sends to foo.example, which also relays to xyz.example.",
  startsAt: "1998-05-21T12:33:29Z",
  learner: { host: "bar.example", user: "smith", address: "smith@bar.example" },
  networks: [{ id: "internet", name: "The internet", cidr: "198.51.100.0/24", kind: "internet" }],
  hosts: [
    { name: "bar.example", ip: "198.51.100.2", network: "internet", role: "client", label: "bar" },
    // foo.example trusts bar.example (its mynetworks), so it relays for it in D.3.
    mtaHost("foo.example", "198.51.100.3", "127.0.0.0/8, 198.51.100.2/32"),
    mtaHost("xyz.example", "198.51.100.4", "127.0.0.0/8"),
  ],
  mailboxes: [
    { address: "jones@foo.example", host: "foo.example" },
    { address: "brown@foo.example", host: "foo.example" },
    { address: "crispin@foo.example", host: "foo.example" },
    { address: "jones@xyz.example", host: "xyz.example" },
  ],
  demo: [{ caption: "-", input: ["telnet foo.example 25"] }],
};

const EHLO_FOO = ehloReply("foo.example");

function open() {
  const w = worldOf(APPENDIX_D);
  const s = w.connect({ from: "bar.example", to: "foo.example", port: 25 });
  return { w, s };
}

describe("RFC 5321 Appendix D", () => {
  it("D.1 a typical transaction: one of three recipients unknown", () => {
    const { w, s } = open();
    expect(s.greeting).toBe("220 foo.example ESMTP Postfix");
    expect(
      dialogue(s, [
        "EHLO bar.example",
        "MAIL FROM:<Smith@bar.example>",
        "RCPT TO:<Jones@foo.example>",
        "RCPT TO:<Green@foo.example>",
        "RCPT TO:<Brown@foo.example>",
        "DATA",
        "Blah blah blah...",
        "...etc. etc. etc.",
        ".",
        "QUIT",
      ]),
    ).toEqual([
      EHLO_FOO,
      "250 2.1.0 Ok",
      "250 2.1.5 Ok",
      "550 5.1.1 <Green@foo.example>: Recipient address rejected: User unknown in local recipient table",
      "250 2.1.5 Ok",
      "354 End data with <CR><LF>.<CR><LF>",
      "",
      "",
      expect.stringMatching(/^250 2\.0\.0 Ok: queued as [0-9A-F]{11}$/),
      "221 2.0.0 Bye",
    ]);
    w.runUntilIdle();
    expect(w.mailbox("jones@foo.example")).toHaveLength(1);
    expect(w.mailbox("brown@foo.example")).toHaveLength(1);
    // "...etc" was dot-stuffed by nobody: the server removed one leading dot.
    expect(w.mailbox("jones@foo.example")[0]).toContain("\r\n..etc. etc. etc.\r\n");
    // Two recipients: Received has no "for" clause.
    expect(w.mailbox("jones@foo.example")[0]).toMatch(
      /with ESMTP id [0-9A-F]{11};\r\n\tThu, 21 May 1998 12:33:29 \+0000 \(UTC\)/,
    );
  });

  it("D.2 an aborted transaction: RSET, then QUIT, and nothing is delivered", () => {
    const { w, s } = open();
    expect(
      dialogue(s, [
        "EHLO bar.example",
        "MAIL FROM:<Smith@bar.example>",
        "RCPT TO:<Jones@foo.example>",
        "RCPT TO:<Green@foo.example>",
        "RSET",
        "QUIT",
      ]),
    ).toEqual([
      EHLO_FOO,
      "250 2.1.0 Ok",
      "250 2.1.5 Ok",
      "550 5.1.1 <Green@foo.example>: Recipient address rejected: User unknown in local recipient table",
      "250 2.0.0 Ok",
      "221 2.0.0 Bye",
    ]);
    w.runUntilIdle();
    expect(w.mailbox("jones@foo.example")).toEqual([]);
    expect(w.events().some((e) => e.type === "queued")).toBe(false);
  });

  it("D.3 relayed mail: bar -> foo -> xyz, with a Received: line per hop", () => {
    const { w, s } = open();
    const replies = dialogue(s, [
      "EHLO bar.example",
      "MAIL FROM:<JQP@bar.example>",
      "RCPT TO:<Jones@XYZ.EXAMPLE>",
      "DATA",
      "Date: Thu, 21 May 1998 05:33:22 -0700",
      "From: John Q. Public <JQP@bar.example>",
      "Subject: The Next Meeting of the Board",
      "To: Jones@xyz.example",
      "",
      "Bill:",
      "The next meeting of the board of directors will be",
      "on Tuesday.",
      "                                   John.",
      ".",
      "QUIT",
    ]);
    expect(replies[2]).toBe("250 2.1.5 Ok");
    expect(replies[13]).toMatch(/^250 2\.0\.0 Ok: queued as /);
    w.runUntilIdle();
    const [msg] = w.mailbox("jones@xyz.example");
    expect(receivedChain(msg!)).toEqual(["foo.example", "xyz.example"]);
    expect(msg).toContain("Received: from foo.example (foo.example [198.51.100.3])");
    expect(msg).toContain("Received: from bar.example (bar.example [198.51.100.2])");
    expect(msg).toContain("\tfor <Jones@XYZ.EXAMPLE>; Thu, 21 May 1998 12:33:29 +0000 (UTC)");
    expect(msg).toContain("\r\nSubject: The Next Meeting of the Board\r\n");
    // xyz.example has no MX record: the relay used its A record (the implicit MX, RFC 5321 5.1).
    expect(
      w
        .events()
        .some(
          (e) =>
            e.type === "dns" &&
            e.rrtype === "MX" &&
            e.name === "xyz.example" &&
            e.answers.length === 0,
        ),
    ).toBe(true);
  });

  it("D.4 verifying and sending", () => {
    const { w, s } = open();
    expect(
      dialogue(s, [
        "EHLO bar.example",
        // The RFC's server answers "250 Mark Crispin <Admin.MRC@foo.com>"; Postfix does not look up
        // full names and answers 252 (cannot verify, will accept) with the argument as given.
        "VRFY Crispin",
        "MAIL FROM:<EAK@bar.example>",
        "RCPT TO:<Crispin@foo.example>",
        "DATA",
        "Hello Mark.",
        ".",
        "QUIT",
      ]).slice(1, 5),
    ).toEqual([
      "252 2.0.0 Crispin",
      "250 2.1.0 Ok",
      "250 2.1.5 Ok",
      "354 End data with <CR><LF>.<CR><LF>",
    ]);
    w.runUntilIdle();
    expect(w.mailbox("crispin@foo.example")).toHaveLength(1);
  });
});
