/**
 * Terminal safety: nothing typed, pasted, echoed or linked can send control sequences to xterm;
 * pastes are linear; postconf names are own properties; saved history holds no credentials.
 */
import { describe, expect, it } from "vitest";
import { createWorld, type World } from "@/lib/smtp";
import { createLabSession } from "@/lib/shell/lab";
import { History, memoryHistoryStore } from "@/lib/shell/history";
import { Shell } from "@/lib/shell/shell";
import { sanitizeTerminalOutput, StringTerminal, stripAnsi } from "@/lib/shell/terminal";

const CSI8 = "\u009b"; // 8-bit CSI
const OSC8 = "\u009d"; // 8-bit OSC
const ESC = "\x1b";
const BEL = "\x07";

/** True when `out` holds nothing xterm would act on beyond the shell's own CSI sequences. */
function onlySafeSequences(out: string): boolean {
  if (/[\u0080-\u009f]/.test(out)) return false;
  // Every ESC must start one of the shell's CSI sequences (colours, cursor moves, erase).
  const escapes = out.split(ESC).slice(1);
  return escapes.every((rest) => /^\[(?:\d{1,4}(?:;\d{1,4})*)?[ABCDGHKm]|^\[[0-3]?J/.test(rest));
}

function lab(id = "isp-relay", history = memoryHistoryStore()) {
  const world = createWorld(id) as World;
  const session = createLabSession(world, history);
  const term = new StringTerminal();
  const shell = new Shell(term, session, 100);
  shell.start();
  const type = (data: string) => {
    const before = term.output.length;
    term.type(data);
    return term.output.slice(before);
  };
  return { session, term, shell, type, history };
}

describe("sanitizeTerminalOutput", () => {
  it("keeps the shell's colours, cursor moves and erases", () => {
    const s =
      "\x1b[1m\x1b[32mok\x1b[39m\x1b[22m\r\n\x1b[2A\r\x1b[12C\x1b[J\x1b[H\x1b[2J\x1b[3J" + BEL;
    expect(sanitizeTerminalOutput(s)).toBe(s);
  });
  it("shows an 8-bit CSI (U+009B) as text: echo of U+009B 2J cannot clear the screen", () => {
    expect(sanitizeTerminalOutput(`${CSI8}2J`)).toBe("<U+009B>2J");
  });
  it("defuses OSC 8 hyperlinks in both the ESC ] and the U+009D form", () => {
    const link = `${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL}`;
    const out = sanitizeTerminalOutput(link);
    expect(out).not.toContain(`${ESC}]`);
    expect(out).toContain("^[]8;;https://evil.example/");
    const c1 = `${OSC8}8;;https://evil.example/\u009cclick${OSC8}8;;\u009c`;
    const out1 = sanitizeTerminalOutput(c1);
    expect(onlySafeSequences(out1)).toBe(true);
    expect(out1).toContain("<U+009D>8;;https://evil.example/<U+009C>click");
  });
  it("shows other C0 controls in caret notation and is idempotent", () => {
    const out = sanitizeTerminalOutput("a\x00b\x1b[?1049hc\x7f");
    expect(out).toBe("a^@b^[[?1049hc^?");
    expect(sanitizeTerminalOutput(out)).toBe(out);
  });
});

describe("the shell's output never carries C0/C1 controls of the learner's", () => {
  it("echo of U+009B 2J: typed or pasted, nothing but text reaches the terminal", () => {
    const { type } = lab();
    const out = type(`echo ${CSI8}2J\r`);
    expect(onlySafeSequences(out)).toBe(true);
    expect(stripAnsi(out)).toContain("2J");
  });
  it("an OSC 8 hyperlink pasted as ESC ] or U+009D plants no link", () => {
    const { type } = lab();
    const a = type(`echo ${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL}\r`);
    const b = type(`echo ${OSC8}8;;https://evil.example/\u009cclick${OSC8}8;;\u009c\r`);
    expect(onlySafeSequences(a)).toBe(true);
    expect(onlySafeSequences(b)).toBe(true);
  });
  it("inside a telnet session too", () => {
    const { type } = lab();
    type("telnet mail.isp.example 25\r");
    const out = type(`EHLO ${CSI8}2J${OSC8}8;;x\r`);
    expect(onlySafeSequences(out)).toBe(true);
  });
});

describe("pasting", () => {
  it("a paste with the cursor mid-line redraws the line once", () => {
    const { type, shell } = lab();
    type("echo ab");
    type("\x1b[D"); // cursor between a and b
    const out = type("x".repeat(20_000));
    expect(out.split("\x1b[J").length - 1).toBe(1);
    const echoed = stripAnsi(type("\r"));
    expect(echoed).toContain(`a${"x".repeat(20_000)}b`);
    expect(shell).toBeDefined();
  });
  it("40k characters mid-line do not throw and the prompt comes back", () => {
    const { type } = lab();
    type("echo ab\x1b[D");
    expect(() => type("y".repeat(40_000))).not.toThrow();
    const out = stripAnsi(type("\r"));
    expect(out).toContain(`a${"y".repeat(40_000)}b`);
    expect(out).toMatch(/\$ $/);
  });
  it("a failure inside the interpreter is reported, not thrown", () => {
    const term = new StringTerminal();
    const broken = createLabSession(createWorld("isp-relay") as World);
    const shell = new Shell(term, {
      ...broken,
      prompt: () => "$ ",
      submit: () => {
        throw new RangeError("boom");
      },
      interrupt: () => "",
      eof: () => "",
      escape: () => "",
      complete: () => ({ insert: "", candidates: [] }),
      historyPrev: () => {
        throw new Error("history broke");
      },
      historyNext: () => undefined,
    });
    shell.start();
    expect(() => term.type("ls\r")).not.toThrow();
    expect(term.output).toContain("internal error: boom");
    expect(() => term.type("\x1b[A")).not.toThrow();
    expect(term.output).toContain("internal error: history broke");
  });
});

describe("postconf names are own properties", () => {
  it("postconf -e 'mydestination=$constructor' is refused and the server keeps working", () => {
    const { type, session } = lab("open-relay");
    type("ssh mx.corp.example\r");
    for (const ref of ["$constructor", "$__proto__", "${toString}"]) {
      const out = stripAnsi(type(`postconf -e 'mydestination=${ref}'\r`));
      expect(out).toContain("unknown parameter");
    }
    expect(stripAnsi(type("postconf -e constructor=x\r"))).toContain(
      "postconf: warning: constructor: unknown parameter",
    );
    expect(stripAnsi(type("postconf constructor __proto__\r"))).toContain(
      "postconf: warning: constructor: unknown parameter",
    );
    expect(session.world.postconf("mx.corp.example")!.mydestination).toBe(
      "$myhostname, $mydomain, localhost",
    );
    const out = stripAnsi(type("telnet mx.corp.example 25\r"));
    expect(out).toContain("220 mx.corp.example ESMTP Postfix");
  });
  it("telnet to a port named like an Object method is refused, not mistaken for a number", () => {
    const { type } = lab();
    const out = stripAnsi(type("telnet mail.isp.example constructor\r"));
    expect(out).not.toContain("internal error");
    expect(out).not.toContain("Connected");
  });
});

describe("saved history", () => {
  const PLAIN = "AUTH PLAIN AHlvdUBpc3AuZXhhbXBsZQBwYXNzd29yZA==";
  it("keeps shell command lines only: nothing typed inside telnet is saved", () => {
    const store = memoryHistoryStore();
    const { type } = lab("isp-relay", store);
    type("dig MX corp.example\r");
    type("telnet mail.isp.example 587\r");
    type("EHLO pc.home.example\r");
    type(`${PLAIN}\r`);
    type("AUTH LOGIN\r");
    type("eW91QGlzcC5leGFtcGxl\r");
    type("cGFzc3dvcmQ=\r");
    type("QUIT\r");
    type("AUTH PLAIN dG9rZW4=\r"); // at the shell prompt by mistake: not a command
    expect(store.load()).toEqual(["dig MX corp.example", "telnet mail.isp.example 587"]);
  });
  it("the arrow keys still recall session lines during the visit", () => {
    const { type } = lab();
    type("telnet mail.isp.example 25\r");
    type("EHLO pc.home.example\r");
    const out = stripAnsi(type("\x1b[A"));
    expect(out).toContain("EHLO pc.home.example");
  });
  it("cleans what older versions stored, and rewrites the store", () => {
    const store = memoryHistoryStore([
      "telnet mail.isp.example 587",
      "EHLO pc.home.example",
      PLAIN,
      "cGFzc3dvcmQ=",
      `echo ${CSI8}2J`,
      "mailq",
    ]);
    const { session } = lab("isp-relay", store);
    expect(session.history.list()).toEqual(["telnet mail.isp.example 587", "mailq"]);
    expect(store.load()).toEqual(["telnet mail.isp.example 587", "mailq"]);
  });
  it("History alone, without a command table, still drops control characters on load", () => {
    const h = new History(memoryHistoryStore(["ok", `bad${ESC}]8;;x${BEL}`]));
    expect(h.list()).toEqual(["ok"]);
  });
});
