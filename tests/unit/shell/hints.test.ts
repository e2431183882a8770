/** Hints for beginners' mistakes, and the postfix command, through the real shell and engine. */
import { describe, expect, it } from "vitest";
import { createWorld, type World } from "@/lib/smtp";
import { dataPauseHint, nearestDomain } from "@/lib/shell/hints";
import { createLabSession } from "@/lib/shell/lab";
import { Shell } from "@/lib/shell/shell";
import { stripAnsi } from "@/lib/shell/terminal";
import { lab } from "./harness";
import { Screen } from "./screen";

describe("an SMTP command typed at the shell", () => {
  it.each([
    "EHLO pc.home.example",
    "MAIL FROM:<you@isp.example>",
    "rcpt to:<bob@corp.example>",
    "DATA",
    "QUIT",
  ])("%s: says you're at the shell and how to connect", (line) => {
    const out = lab().type(line);
    expect(out).toContain("you're at the shell");
    expect(out).toContain("telnet mail.isp.example 25");
  });

  it("also after mail from:<...>, which runs the mail client by mistake", () => {
    expect(lab().type("mail from:<you@isp.example>")).toContain("connect first with telnet");
  });

  it("not for a real command that failed for another reason", () => {
    expect(lab().type("dig")).not.toContain("you're at the shell");
  });

  it("not inside a session, where the line goes to the server", () => {
    const out = lab().type("telnet mail.isp.example 25", "EHLO pc.home.example");
    expect(out).not.toContain("you're at the shell");
    expect(out).toContain("250-mail.isp.example");
  });
});

describe("telnet to port 465", () => {
  it("points to openssl s_client, since 465 is implicit TLS", () => {
    const out = lab("port-25-blocked").type("telnet mx.corp.example 465");
    expect(out).toContain("Connected to mx.corp.example");
    expect(out).toContain("implicit TLS (RFC 8314)");
    expect(out).toContain("openssl s_client -connect mx.corp.example:465");
  });

  it("port 25 gets no such hint", () => {
    expect(lab().type("telnet mail.isp.example 25")).not.toContain("implicit TLS");
  });
});

describe("a misspelt domain that bounces", () => {
  it("suggests the world's domain that is one typo away, when the bounce happens", () => {
    const { type } = lab();
    const out = type(
      "telnet mail.isp.example 25",
      "EHLO pc.home.example",
      "MAIL FROM:<you@isp.example>",
      "RCPT TO:<bob@corp.exmaple>",
      "DATA",
      "Subject: typo",
      "",
      "hello",
      ".",
    );
    expect(out).toContain("queued as");
    expect(out).toContain("corp.exmaple does not exist");
    expect(out).toContain("Did you mean bob@corp.example?");
  });

  it("nearestDomain ignores exact matches and names too far away", () => {
    const world = createWorld("isp-relay") as World;
    expect(nearestDomain(world, "corp.exmaple")).toBe("corp.example");
    expect(nearestDomain(world, "corp.example")).toBeNull();
    expect(nearestDomain(world, "totally-else.test")).toBeNull();
  });
});

describe("the DATA pause hint (timed by the component layer)", () => {
  it("applies only inside DATA after some message lines", () => {
    const { type, session } = lab();
    expect(dataPauseHint(session)).toBeNull();
    type("telnet mail.isp.example 25", "EHLO pc.home.example", "MAIL FROM:<you@isp.example>");
    type("RCPT TO:<bob@corp.example>", "DATA");
    expect(dataPauseHint(session)).toBeNull(); // nothing typed yet
    type("Subject: hi", "", "the body");
    expect(stripAnsi(dataPauseHint(session) ?? "")).toContain("a line holding only a dot (.)");
    type(".");
    expect(dataPauseHint(session)).toBeNull();
  });

  it("Shell.aside prints the hint above the line being typed and keeps what was typed", () => {
    const world = createWorld("isp-relay") as World;
    const session = createLabSession(world);
    const screen = new Screen(80);
    let listener: (d: string) => void = () => undefined;
    const shell = new Shell(
      {
        write: (d) => screen.write(d),
        onData: (l) => ((listener = l), () => undefined),
        reset: () => undefined,
      },
      session,
      80,
    );
    shell.start();
    listener("telnet mail.isp.example 25\r");
    listener("half a li");
    shell.aside("  ↳ a hint");
    listener("ne\r");
    const rows = screen.text();
    const at = rows.indexOf("  ↳ a hint");
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toBe("half a line");
    const sent = world.events().filter((e) => e.type === "command");
    expect(sent.at(-1)).toMatchObject({ line: "half a line" });
  });
});

describe("postfix", () => {
  it("reload names what changed since the last reload, then nothing", () => {
    const { type } = lab("open-relay");
    expect(type("ssh mx.corp.example", "postfix status")).toContain(
      "the running daemons use main.cf as it is now",
    );
    type("postconf -e 'mynetworks = 127.0.0.0/8'");
    expect(type("postfix status")).toContain("main.cf changed since the last reload (mynetworks)");
    const out = type("postfix reload");
    expect(out).toContain("postfix/postfix-script: refreshing the Postfix mail system");
    expect(out).toContain("mynetworks now governs every new connection");
    expect(type("postfix reload")).toContain("nothing new to pick up");
  });

  it("needs a mail server, and a known subcommand", () => {
    const { type } = lab("open-relay");
    expect(type("postfix reload")).toContain("runs no mail server");
    expect(type("ssh mx.corp.example", "postfix frobnicate")).toContain(
      "unknown command: 'frobnicate'",
    );
  });

  it("is in help and completes its subcommands", () => {
    const { type, session } = lab("open-relay");
    expect(type("help")).toMatch(/postfix\s/);
    type("ssh mx.corp.example");
    expect(session.complete("postfix re").insert).toBe("load ");
  });
});
