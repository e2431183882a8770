import { describe, expect, it } from "vitest";
import { BASIC_COMMANDS } from "@/lib/shell/commands/basic";
import { ShellSession } from "@/lib/shell/session";
import { Shell } from "@/lib/shell/shell";
import { StringTerminal, stripAnsi } from "@/lib/shell/terminal";
import type { Interaction } from "@/lib/shell/types";
import { Screen } from "./screen";

function setup() {
  const session = new ShellSession<null>({
    world: null,
    commands: BASIC_COMMANDS,
    home: { host: "pc.home.example", user: "you" },
  });
  const term = new StringTerminal();
  const shell = new Shell(term, session, 80);
  shell.start();
  const screen = () => {
    const s = new Screen(80);
    s.write(term.output);
    return s.text().map(stripAnsi);
  };
  return { session, term, shell, screen };
}

describe("shell with the basic commands", () => {
  it("shows who and where you are in the prompt", () => {
    const { screen } = setup();
    expect(stripAnsi(screen()[0]!)).toBe("you@pc.home.example:~$");
  });

  it("help lists every command with its summary, and help CMD shows usage and details", () => {
    const { session } = setup();
    const all = stripAnsi(session.run("help").output);
    for (const c of BASIC_COMMANDS) expect(all).toContain(c.usage);
    const one = stripAnsi(session.run("help base64").output);
    expect(one).toContain("Usage: base64 [-d] TEXT");
    expect(one).toContain("AGFsaWNlAHNlY3JldA==");
    expect(session.run("help nope").exitCode).toBe(1);
  });

  it("an unknown command says so, suggests a near name and points at help", () => {
    const { session } = setup();
    const r = session.run("hostnme");
    expect(r.exitCode).toBe(127);
    expect(stripAnsi(r.output)).toMatch(
      /hostnme: command not found\nDid you mean hostname\?\nType help/,
    );
  });

  it("hostname, whoami and base64 print what a real shell would", () => {
    const { term, screen } = setup();
    term.type("hostname\rwhoami\rbase64 \\0alice\\0secret\rbase64 -d AGFsaWNlAHNlY3JldA==\r");
    const s = screen();
    expect(s).toContain("pc.home.example");
    expect(s).toContain("you");
    expect(s).toContain("AGFsaWNlAHNlY3JldA==");
    expect(s).toContain("\\0alice\\0secret");
  });

  it("runs pasted lines in order", () => {
    const { term, screen } = setup();
    term.type("echo one\necho two\necho three\n");
    const s = screen().filter((l) => /^(one|two|three)$/.test(l));
    expect(s).toEqual(["one", "two", "three"]);
  });

  it("history lists and recalls earlier lines with the arrow keys", () => {
    const { term, session, screen } = setup();
    term.type("echo a\recho b\r");
    expect(stripAnsi(session.run("history").output)).toMatch(/1  echo a\n\s+2  echo b/);
    term.type("\x1b[A\x1b[A\r");
    expect(screen().filter((l) => l === "a")).toHaveLength(2);
  });

  it("Tab completes a unique command name and lists ambiguous ones on the second Tab", () => {
    const { term, screen } = setup();
    term.type("whoa\t\r");
    expect(screen()).toContain("you");
    term.type("h\t\t");
    expect(screen().some((l) => /help\s+history\s+hostname/.test(l))).toBe(true);
  });

  it("reports a bad quote instead of throwing", () => {
    const { session } = setup();
    expect(session.run(`echo "open`)).toEqual({
      output: 'bash: unexpected end of line while looking for matching "',
      exitCode: 2,
    });
  });

  it("clear wipes the screen and explain toggles explanations", () => {
    const { term, session, screen } = setup();
    term.type("echo hi\rclear\r");
    expect(screen().filter((l) => l)).toHaveLength(1);
    expect(session.run("explain off").output).toContain("off");
    expect(session.explain).toBe(false);
    expect(session.run("explain maybe").exitCode).toBe(1);
  });

  it("hands lines to an interactive program until it is done, and Ctrl+C leaves it", () => {
    const { term, session, screen } = setup();
    const seen: string[] = [];
    const prog: Interaction & { done: boolean } = {
      done: false,
      prompt: () => "> ",
      line(t) {
        seen.push(t);
        if (t === "bye") this.done = true;
        return `got ${t}\n`;
      },
      interrupt: () => "interrupted\n",
      eof: () => "",
    };
    session.interaction = prog;
    term.type("x\rbye\recho back\r");
    expect(seen).toEqual(["x", "bye"]);
    expect(screen()).toContain("back");
    session.interaction = { ...prog, done: false };
    term.type("\x03");
    expect(session.interaction).toBeNull();
    expect(screen()).toContain("interrupted");
  });
});
