import { describe, expect, it } from "vitest";
import { estimateCols, keyData, screenRows, screenRuns } from "@/components/lab/terminalFacade";
import { Shell } from "@/lib/shell/shell";
import { StringTerminal, style } from "@/lib/shell/terminal";

const plain = (output: string) =>
  screenRuns(output)
    .map((r) => r.text)
    .join("");

describe("the terminal shown before xterm opens", () => {
  it("shows lines as a terminal would: CRLF breaks, a lone CR overwrites, erase sequences drop", () => {
    expect(plain("one\r\ntwo")).toBe("one\ntwo");
    expect(plain("abcdef\rXY")).toBe("XYcdef");
    expect(plain("typed\r\x1b[Jyou@pc:~$ ")).toBe("you@pc:~$ ");
    expect(plain(`${style.green("green")}\r\x1b[2Kpl`)).toBe("pleen");
  });

  it("keeps the shell's colours and bold as runs", () => {
    const runs = screenRuns(`${style.bold(style.green("you@pc"))}:${style.blue("~")}$ `);
    expect(runs).toEqual([
      { text: "you@pc", colour: 2, bold: true },
      { text: ":", colour: null, bold: false },
      { text: "~", colour: 4, bold: false },
      { text: "$ ", colour: null, bold: false },
    ]);
    expect(screenRuns(style.dim("muted"))).toEqual([{ text: "muted", colour: 8, bold: false }]);
  });

  it("shows the lab shell's real banner and prompt, escape sequences and all, as plain text", () => {
    const term = new StringTerminal();
    const shell = new Shell(
      term,
      {
        prompt: () => `${style.green("you@pc.home.example")}:~$ `,
        submit: () => "",
        interrupt: () => "",
        eof: () => "",
        escape: () => "",
        complete: () => ({ insert: "", candidates: [] }),
        historyPrev: () => undefined,
        historyNext: () => undefined,
      },
      60,
    );
    shell.start("Relay Lab: Sending through your ISP's relay\nType 'help'.\n");
    const shown = plain(term.output);
    expect(shown).toBe(
      "Relay Lab: Sending through your ISP's relay\nType 'help'.\nyou@pc.home.example:~$ ",
    );
    expect(shown).not.toMatch(/\x1b/);
  });

  it("lays the text out in rows as xterm does: a row per line, long lines continued after `cols`", () => {
    const rows = screenRows(`abcdefgh\r\n\r\n${style.green("you@pc")}:~$ `, 5);
    const text = rows.map((r) => r.map((s) => s.text).join(""));
    expect(text).toEqual(["abcde", "fgh", "", "you@p", "c:~$ "]);
    // A style run cut by the row's end keeps its style on both rows.
    expect(rows[3]).toEqual([{ text: "you@p", colour: 2, bold: false }]);
    expect(rows[4]![0]).toEqual({ text: "c", colour: 2, bold: false });
    expect(screenRows("", 80)).toEqual([[]]);
  });

  it("turns keys into the input xterm would send, and ignores what it would not", () => {
    const k = (
      key: string,
      mods: Partial<Record<"ctrlKey" | "altKey" | "metaKey", boolean>> = {},
    ) => keyData({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(k("h")).toBe("h");
    expect(k(" ")).toBe(" ");
    expect(k("Enter")).toBe("\r");
    expect(k("Backspace")).toBe("\x7f");
    expect(k("ArrowUp")).toBe("\x1b[A");
    expect(k("c", { ctrlKey: true })).toBe("\x03");
    expect(k("C", { ctrlKey: true })).toBe("\x03");
    expect(k("Shift")).toBeNull();
    expect(k("Tab")).toBeNull(); // moves the focus on, as on any page
    expect(k("v", { metaKey: true })).toBeNull(); // the browser's paste
    expect(k("Unidentified")).toBeNull();
  });

  it("counts the columns as xterm's fit addon will", () => {
    expect(estimateCols(814, 9)).toBe(88); // (814 - 14 px of scrollbar) / 9
    expect(estimateCols(815, 9.0309)).toBe(88);
    expect(estimateCols(20, 9)).toBe(2);
    expect(estimateCols(0, 9)).toBe(80);
    expect(estimateCols(800, Number.NaN)).toBe(80);
  });
});
