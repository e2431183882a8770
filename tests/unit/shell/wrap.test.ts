/**
 * What the shell prints wraps at word boundaries to the terminal's width (30, 40 and 80 columns
 * here), while SMTP replies stay exactly as on the wire.
 */
import { describe, expect, it } from "vitest";
import { createWorld, type World } from "@/lib/smtp";
import { banner, createLabSession } from "@/lib/shell/lab";
import { Shell } from "@/lib/shell/shell";
import { StringTerminal, stripAnsi } from "@/lib/shell/terminal";
import { visibleWidth, wrapLine, wrapText } from "@/lib/shell/wrap";

function lab(cols: number) {
  const world = createWorld("isp-relay") as World;
  const session = createLabSession(world);
  const term = new StringTerminal();
  const shell = new Shell(term, session, cols);
  shell.start(banner(world));
  const type = (...lines: string[]) => {
    const before = term.output.length;
    term.type(lines.map((l) => l + "\r").join(""));
    return stripAnsi(term.output.slice(before)).replace(/\r\n/g, "\n");
  };
  return { term, type, shell, session };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const isReply = (row: string) => /^[2-5]\d\d[ -]/.test(row);

/** Every row fits, unless it is an SMTP reply or a single word longer than a row. */
function expectFits(output: string, cols: number) {
  for (const row of output.split("\n")) {
    if (visibleWidth(row) <= cols) continue;
    expect(isReply(row) || words(row).length === 1, `row too wide at ${cols}: ${row}`).toBe(true);
  }
}

describe.each([30, 40, 80])("at %i columns", (cols) => {
  it("help fits and loses no words", () => {
    const { type } = lab(cols);
    const out = type("help");
    expectFits(out, cols);
    const wide = lab(400).type("help");
    expect(words(out)).toEqual(words(wide));
  });

  it("the scenario intro fits", () => {
    const { type } = lab(cols);
    const out = type("scenario");
    expectFits(out, cols);
    // The first words are the echo of the typed command, which the line editor wraps itself.
    const wide = words(lab(400).type("scenario")).slice(1);
    expect(words(out).slice(-wide.length)).toEqual(wide);
  });

  it("the banner fits", () => {
    const { term } = lab(cols);
    expectFits(stripAnsi(term.output).replace(/\r\n/g, "\n"), cols);
  });

  it("dig and host output fit", () => {
    const { type } = lab(cols);
    expectFits(type("dig MX corp.example"), cols);
    expectFits(type("host mx.corp.example"), cols);
  });

  it("explanations under replies wrap; the replies themselves stay as on the wire", () => {
    const { type } = lab(cols);
    type("telnet mail.isp.example 25");
    const out = type("EHLO pc.home.example", "RCPT TO:<bob@corp.example>");
    expectFits(out, cols);
    expect(out).toContain("250-mail.isp.example\n");
    expect(out).toContain("503 5.5.1 Error: need MAIL command\n");
    const why = out.split("\n").filter((r) => r.includes("↳"));
    expect(why.length).toBeGreaterThan(0);
  });
});

describe("wrapLine", () => {
  it("breaks at spaces and indents continuation rows under the bullet", () => {
    const line = "  ↳ recipient accepted: add more RCPT TO lines, or type DATA to send the message";
    const rows = wrapLine(line, 30).split("\n");
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(visibleWidth(r)).toBeLessThanOrEqual(30);
    for (const r of rows.slice(1)) expect(r.startsWith("    ") && r[4] !== " ").toBe(true);
    expect(words(rows.join(" "))).toEqual(words(line));
  });

  it("indents a two-column listing under its second column", () => {
    const line = "  telnet HOST PORT   open a TCP connection to a server and talk to it in SMTP";
    const rows = wrapLine(line, 60).split("\n");
    expect(rows[1]!.indexOf("a") >= 0).toBe(true);
    expect(rows[1]!.length - rows[1]!.trimStart().length).toBe(line.indexOf("open"));
  });

  it("keeps ANSI colours out of the width and leaves a long token whole", () => {
    const colored = "\x1b[90m" + "word ".repeat(12).trim() + "\x1b[39m";
    for (const r of wrapLine(colored, 30).split("\n"))
      expect(visibleWidth(r)).toBeLessThanOrEqual(30);
    const token = "AHlvdQBjb3JyZWN0LWhvcnNlAHlvdQBjb3JyZWN0LWhvcnNl";
    expect(wrapLine(`base64: ${token}`, 30)).toBe(`base64:\n${token}`);
  });

  it("never touches an SMTP reply, however long", () => {
    const reply = "554 5.7.1 <victim@partner.example>: Relay access denied and some more words";
    expect(wrapText(reply, 30)).toBe(reply);
  });

  it("does nothing below 20 columns", () => {
    expect(wrapText("a b c d e f g h i j k l m n o p q r s t u v w", 10)).toBe(
      "a b c d e f g h i j k l m n o p q r s t u v w",
    );
  });
});
