import { describe, expect, it } from "vitest";
import { decodeKeys } from "@/lib/shell/keys";
import { LineEditor, visibleWidth } from "@/lib/shell/lineEditor";
import { Screen } from "./screen";

/** Types raw terminal input into an editor shown on a screen; returns the actions raised. */
function setup(cols = 80, prompt = "$ ") {
  const editor = new LineEditor(cols);
  const screen = new Screen(cols);
  screen.write(editor.begin(prompt));
  const type = (data: string) => {
    const actions = [];
    for (const key of decodeKeys(data)) {
      const r = editor.handle(key);
      screen.write(r.output);
      if (r.action) actions.push(r.action);
    }
    return actions;
  };
  /** The screen's cursor as an offset from the prompt start (row 0). */
  const cursor = () => screen.row * cols + screen.col;
  return { editor, screen, type, cursor };
}

describe("LineEditor", () => {
  it("echoes typed text after the prompt", () => {
    const { editor, screen, type } = setup();
    type("EHLO pc");
    expect(editor.line).toBe("EHLO pc");
    expect(screen.text()[0]).toBe("$ EHLO pc");
  });

  it("inserts in the middle after moving left", () => {
    const { editor, screen, type, cursor } = setup();
    type("HLO\x1b[D\x1b[D\x1b[DE");
    expect(editor.line).toBe("EHLO");
    expect(screen.text()[0]).toBe("$ EHLO");
    expect(cursor()).toBe(3);
  });

  it("Backspace and Delete remove the characters either side of the cursor", () => {
    const { editor, screen, type } = setup();
    type("abcd\x1b[D\x7f\x1b[3~");
    expect(editor.line).toBe("ab");
    expect(screen.text()[0]).toBe("$ ab");
  });

  it("Home/End and Ctrl+A/Ctrl+E move to the ends", () => {
    const { editor, type, cursor } = setup();
    type("hello\x01");
    expect(cursor()).toBe(2);
    type("\x05");
    expect(cursor()).toBe(7);
    type("\x1b[H>");
    expect(editor.line).toBe(">hello");
    type("\x1b[F!");
    expect(editor.line).toBe(">hello!");
  });

  it("Ctrl+U, Ctrl+K and Ctrl+W kill text", () => {
    const { editor, screen, type } = setup();
    type("MAIL FROM:<a@b>\x01\x1b[C\x1b[C\x1b[C\x1b[C\x0b");
    expect(editor.line).toBe("MAIL");
    type("\x05 TO x\x17");
    expect(editor.line).toBe("MAIL TO ");
    type("\x15");
    expect(editor.line).toBe("");
    expect(screen.text()[0]).toBe("$");
  });

  it("Enter submits the whole line even with the cursor in the middle", () => {
    const { type, screen } = setup();
    const actions = type("QUIT\x1b[D\x1b[D\r");
    expect(actions).toEqual([{ kind: "submit", line: "QUIT" }]);
    expect(screen.row).toBe(1);
    expect(screen.col).toBe(0);
  });

  it("raises actions for history, completion, Ctrl+C, Ctrl+] and Ctrl+L", () => {
    const { type } = setup();
    expect(type("\x1b[A\x1b[B\t\x1d\x0c").map((a) => a.kind)).toEqual([
      "historyPrev",
      "historyNext",
      "complete",
      "escape",
      "clearScreen",
    ]);
    expect(type("abc\x03")).toEqual([{ kind: "interrupt", line: "abc" }]);
  });

  it("Ctrl+D ends input only on an empty line, otherwise deletes", () => {
    const { editor, type } = setup();
    expect(type("ab\x01\x04")).toEqual([]);
    expect(editor.line).toBe("b");
    type("\x0b");
    expect(type("\x04")).toEqual([{ kind: "eof" }]);
  });

  it("keeps the cursor right when the line wraps past the terminal width", () => {
    const { editor, screen, type, cursor } = setup(10);
    type("0123456789abcdef");
    expect(screen.text().slice(0, 2)).toEqual(["$ 01234567", "89abcdef"]);
    expect(cursor()).toBe(18);
    // Move back across the wrap and insert.
    type("\x1b[D".repeat(9) + "X");
    expect(editor.line).toBe("0123456X789abcdef");
    expect(screen.text().slice(0, 2)).toEqual(["$ 0123456X", "789abcdef"]);
    expect(cursor()).toBe(10);
    type("\x05");
    expect(cursor()).toBe(19);
  });

  it("forces the wrap when the text exactly fills the row", () => {
    const { screen, type, cursor } = setup(10);
    type("01234567");
    expect(cursor()).toBe(10);
    type("z");
    expect(screen.text().slice(0, 2)).toEqual(["$ 01234567", "z"]);
  });

  it("setLine replaces the line for history recall, even across rows", () => {
    const { editor, screen, type } = setup(10);
    type("a very long line indeed");
    screen.write(editor.setLine("ls"));
    expect(screen.text().filter((l) => l)).toEqual(["$ ls"]);
  });

  it("measures prompts with colour codes by their visible width", () => {
    expect(visibleWidth("\x1b[1;32myou@pc\x1b[0m:~$ ")).toBe(10);
  });
});
