import { describe, expect, it } from "vitest";
import { stripAnsi } from "@/lib/shell/terminal";
import { lab } from "./harness";

const DIALOGUE = [
  "telnet mail.isp.example 25",
  "EHLO pc.home.example",
  "MAIL FROM:<you@isp.example>",
  "RCPT TO:<bob@corp.example>",
  "DATA",
  "From: <you@isp.example>",
  "To: <bob@corp.example>",
  "Subject: Hello",
  "",
  "Hi Bob.",
  ".",
  "QUIT",
];

describe("telnet", () => {
  it("a hand-typed dialogue through the ISP relay reaches Bob's mailbox", () => {
    const { type, world } = lab();
    const out = type(...DIALOGUE);
    expect(out).toContain(
      "Trying 198.51.100.25...\nConnected to mail.isp.example.\nEscape character is '^]'.",
    );
    expect(out).toMatch(/^220 mail\.isp\.example ESMTP Postfix$/m);
    expect(out).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+$/m);
    expect(out).toMatch(/^221 2\.0\.0 Bye$/m);
    expect(out.trimEnd().split("\n").slice(-2)[0]).toBe("Connection closed by foreign host.");
    const box = world().mailbox("bob@corp.example");
    expect(box).toHaveLength(1);
    expect(box[0]).toMatch(/by mx\.corp\.example/);
    expect(box[0]).toMatch(/by mail\.isp\.example/);
  });

  it("explains replies beneath them, and stops when explain is off", () => {
    const { type } = lab();
    expect(type("telnet mail.isp.example 25", "RCPT TO:<bob@corp.example>")).toContain(
      "503 5.5.1 Error: need MAIL command\n  ↳ 503 5.5.1: wrong order: send MAIL FROM before RCPT TO",
    );
    type("\x1d");
    type("explain off");
    expect(type("telnet mail.isp.example 25", "NOOP")).not.toContain("↳");
  });

  it("returns to the shell prompt on Ctrl+]", () => {
    const { type, term } = lab();
    type("telnet mail.isp.example 25");
    term.type("\x1d");
    expect(stripAnsi(term.output)).toContain("telnet> quit\r\nConnection closed.");
    expect(type("hostname")).toContain("pc.home.example");
  });

  it("reports refused connections and explains telnet's default port", () => {
    const { type } = lab();
    const out = type("telnet mail.isp.example");
    expect(out).toContain("telnet: Unable to connect to remote host: Connection refused");
    expect(out).toContain("port 23");
    expect(type("telnet nowhere.example 25")).toContain(
      "telnet: could not resolve nowhere.example/25: Name or service not known",
    );
  });

  it("Tab completes host names and SMTP verbs", () => {
    const { term, world } = lab();
    term.type("telnet mail.i\t25\r");
    expect(stripAnsi(term.output)).toContain("Connected to mail.isp.example.");
    term.type("ehl\t pc.home.example\r");
    expect(stripAnsi(term.output)).toMatch(/250-mail\.isp\.example/);
    term.type("MAIL\tyou@isp.example>\r");
    expect(stripAnsi(term.output)).toContain("250 2.1.0 Ok");
    expect(
      world()
        .events()
        .some((e) => e.type === "command" && e.line === "MAIL FROM:<you@isp.example>"),
    ).toBe(true);
  });

  it("a pasted dialogue runs line by line, as typed", () => {
    const { term, world } = lab();
    term.type(DIALOGUE.join("\n") + "\n");
    expect(world().mailbox("bob@corp.example")).toHaveLength(1);
  });
});

describe("nc and openssl", () => {
  it("nc is silent on connect and leaves on Ctrl+C", () => {
    const { type, term, session } = lab();
    expect(type("nc mail.isp.example 25")).toMatch(/^220 mail\.isp\.example ESMTP Postfix$/m);
    term.type("\x03");
    expect(session.interaction).toBeNull();
  });

  it("openssl s_client on 465 shows a certificate summary and the greeting over TLS", () => {
    const { type, world } = lab();
    const out = type("openssl s_client -connect mail.isp.example:465 -crlf");
    expect(out).toContain("subject=CN = mail.isp.example");
    expect(out).toContain("New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384");
    expect(out).toMatch(/^220 mail\.isp\.example ESMTP Postfix$/m);
    expect(
      world()
        .events()
        .some((e) => e.type === "tls"),
    ).toBe(true);
  });

  it("openssl -starttls smtp on 587 upgrades; AUTH then works", () => {
    const { type } = lab();
    type("openssl s_client -connect mail.isp.example:587 -starttls smtp");
    const ehlo = type("EHLO pc.home.example");
    expect(ehlo).toMatch(/AUTH PLAIN LOGIN/);
    expect(type("AUTH PLAIN AHlvdQBjb3JyZWN0LWhvcnNl")).toMatch(
      /^235 2\.7\.0 Authentication successful$/m,
    );
    expect(type("Q")).toContain("DONE");
  });

  it("openssl without -starttls on port 25 fails the handshake and says why", () => {
    const { type } = lab();
    const out = type("openssl s_client -connect mail.isp.example:25");
    expect(out.replace(/\s+/g, " ")).toContain("wrong version number");
    expect(out).toContain("-starttls smtp");
  });
});

describe("dns commands", () => {
  it("dig, host and nslookup show corp.example's MX and log DNS events", () => {
    const { type, world } = lab();
    expect(type("dig MX corp.example")).toMatch(
      /corp\.example\.\s+3600\s+IN\s+MX\s+10 mx\.corp\.example\./,
    );
    expect(type("dig +short MX corp.example")).toContain("10 mx.corp.example.");
    expect(type("host -t mx corp.example")).toContain(
      "corp.example mail is handled by 10 mx.corp.example.",
    );
    expect(type("host mx.corp.example")).toContain("mx.corp.example has address 192.0.2.25");
    expect(type("nslookup -type=mx corp.example")).toContain(
      "mail exchanger = 10 mx.corp.example.",
    );
    expect(type("host nope.example")).toContain("Host nope.example not found: 3(NXDOMAIN)");
    expect(
      world()
        .events()
        .filter((e) => e.type === "dns").length,
    ).toBeGreaterThanOrEqual(5);
  });
});

describe("mail", () => {
  it("submits through the configured relay and shows the dialogue", () => {
    const { type, world } = lab();
    type('mail -s "Lunch?" bob@corp.example', "Are you free?", ".");
    const out = stripAnsi(type("")); // nothing more
    expect(out).toBeDefined();
    const box = world().mailbox("bob@corp.example");
    expect(box).toHaveLength(1);
    expect(box[0]).toContain("Subject: Lunch?");
    expect(box[0]).toContain("Are you free?");
  });

  it("prints each client and server line", () => {
    const { term } = lab();
    term.type("mail -s Hi bob@corp.example\rbody\r.\r");
    const out = stripAnsi(term.output);
    expect(out).toContain("C: MAIL FROM:<you@isp.example>");
    expect(out).toContain("C: RCPT TO:<bob@corp.example>");
    expect(out).toMatch(/S: 250 2\.0\.0 Ok: queued as/);
  });

  it("rejects bad usage with a message", () => {
    const { type } = lab();
    expect(type("mail bob@corp.example")).toContain("subject");
    expect(type("mail -s x notanaddress")).toContain("not a mail address");
  });
});

describe("ssh, mailq and postconf", () => {
  it("ssh changes the prompt and exit comes back", () => {
    const { type, term, session } = lab();
    type("ssh mx.corp.example");
    expect(session.host).toBe("mx.corp.example");
    expect(stripAnsi(term.output)).toContain("root@mx.corp.example:~#");
    expect(type("hostname")).toContain("mx.corp.example");
    expect(type("exit")).toContain("Connection to mx.corp.example closed.");
    expect(session.host).toBe("pc.home.example");
    expect(type("ssh mail.isp.example")).toContain("port 22: Connection refused");
  });

  it("postconf reads settings and reports unknown names like Postfix", () => {
    const { type } = lab();
    expect(type("postconf mynetworks")).toContain("No such file or directory");
    type("ssh mx.corp.example");
    expect(type("postconf mynetworks")).toContain("mynetworks = 127.0.0.0/8, 10.0.0.0/24");
    expect(type("postconf bogus_name")).toContain(
      "postconf: warning: bogus_name: unknown parameter",
    );
    expect(type("mailq")).toContain("Mail queue is empty");
  });

  it("postconf -e takes each NAME=VALUE as one argument and refuses the batch otherwise, as Postfix does", () => {
    const { type, world } = lab("open-relay");
    type("ssh mx.corp.example");
    const mynetworks = () => world().postconf("mx.corp.example")?.mynetworks;
    const before = mynetworks();
    // Unquoted, the shell makes three arguments of it; Postfix reads "mynetworks" first and stops.
    const out = type("postconf -e mynetworks = 10.0.0.0/24");
    expect(out).toContain(`postconf: fatal: missing '=' after attribute name: "mynetworks"`);
    expect(out).toContain("quote it");
    expect(mynetworks()).toBe(before);
    // One bad argument refuses the batch: the good one before it is not applied either.
    expect(type("postconf -e mynetworks=10.0.0.0/24, 127.0.0.0/8")).toContain(
      `missing '=' after attribute name: "127.0.0.0/8"`,
    );
    expect(mynetworks()).toBe(before);
    expect(type("postconf -e '=10.0.0.0/24'")).toContain(
      `postconf: fatal: missing attribute name: "=10.0.0.0/24"`,
    );
    // An unknown name refuses the batch too, before anything is written.
    expect(type("postconf -e mynetworks=10.0.0.0/24 bogus_name=1")).toContain(
      "postconf: warning: bogus_name: unknown parameter",
    );
    expect(mynetworks()).toBe(before);
    // Quoted, blanks around '=' are fine; several settings in one command all apply.
    type("postconf -e 'mynetworks = 127.0.0.0/8' smtpd_banner=$myhostname");
    expect(mynetworks()).toBe("127.0.0.0/8");
    expect(type("postconf smtpd_banner")).toContain("smtpd_banner = $myhostname");
  });
});

describe("scenario", () => {
  it("lists, describes, resets and refuses unknown ids", () => {
    const { type, session } = lab();
    expect(type("scenario list")).toContain("* isp-relay");
    expect(type("scenario")).toContain("Sending through your ISP's relay");
    type("ssh mx.corp.example");
    let changed = 0;
    session.onWorldChange(() => changed++);
    type("scenario reset");
    expect(changed).toBe(1);
    expect(session.host).toBe("pc.home.example");
    expect(type("scenario load nope")).toContain('Unknown scenario "nope"');
  });
});

describe("robustness", () => {
  it("no command line throws, whatever is typed", () => {
    const { session } = lab();
    const junk = [
      "",
      " ",
      "telnet",
      "telnet a b c",
      "nc -z",
      "openssl",
      "openssl s_client -connect",
      "dig",
      "dig -x 1",
      "host -t",
      "postconf -e",
      "ssh",
      "mail -s",
      "scenario load",
      "sleep x",
      "base64 -d !!!",
      '"',
      "'",
      "exit",
      "mailq",
      "sleep 10",
    ];
    for (const line of junk) expect(() => session.run(line)).not.toThrow();
  });
});

describe("firewall and reverse DNS", () => {
  it("mail-firewall: outbound 25 is dropped until a rule lets the MX out", () => {
    const { type, world } = lab("mail-firewall");
    expect(type("firewall")).toMatch(/drop\s+mx\.corp\.example/);
    type("ssh ws.corp.example");
    type("telnet mx.corp.example 25", "EHLO ws.corp.example", "MAIL FROM:<admin@corp.example>");
    type("RCPT TO:<carol@partner.example>", "DATA", "Subject: Hi", "", "Ping.", ".", "QUIT");
    expect(world().mailbox("carol@partner.example")).toHaveLength(0);
    const dropRule =
      world()
        .rules()
        .findIndex((r) => r.action === "drop") + 1;
    expect(type(`firewall insert ${dropRule} allow mx.corp.example * 25 outbound SMTP`)).toMatch(
      /allow\s+mx\.corp\.example/,
    );
    type("sleep 1h");
    expect(world().mailbox("carol@partner.example")).toHaveLength(1);
    expect(type("firewall delete 99")).toContain("no rule 99");
    expect(type("firewall insert 1 maybe a b 25")).toContain("allow, drop or reject");
  });

  it("dig -x and host IP answer with the PTR name", () => {
    const { type } = lab();
    expect(type("dig +short -x 192.0.2.25")).toContain("mx.corp.example.");
    expect(type("host 192.0.2.25")).toContain(
      "25.2.0.192.in-addr.arpa domain name pointer mx.corp.example.",
    );
  });
});
