import { describe, expect, it } from "vitest";
import { decodeKeys } from "@/lib/shell/keys";

describe("decodeKeys", () => {
  it("turns printable text into one char key per character", () => {
    expect(decodeKeys("ab")).toEqual([
      { kind: "char", text: "a" },
      { kind: "char", text: "b" },
    ]);
  });

  it("keeps an emoji (surrogate pair) as one character", () => {
    expect(decodeKeys("😀")).toEqual([{ kind: "char", text: "😀" }]);
  });

  it("decodes arrows in normal and application cursor mode", () => {
    expect(decodeKeys("\x1b[A\x1bOB\x1b[C\x1b[D").map((k) => k.kind)).toEqual([
      "up",
      "down",
      "right",
      "left",
    ]);
  });

  it("decodes Home, End, Delete and the control keys", () => {
    expect(
      decodeKeys("\x1b[H\x1b[F\x1b[3~\x01\x05\x03\x04\x1d\x0c\x15\x0b\x17\t\x7f").map(
        (k) => k.kind,
      ),
    ).toEqual([
      "home",
      "end",
      "delete",
      "home",
      "end",
      "interrupt",
      "eof",
      "escape",
      "clearScreen",
      "killToStart",
      "killToEnd",
      "killWord",
      "tab",
      "backspace",
    ]);
  });

  it("treats CR, LF and CRLF each as a single Enter", () => {
    expect(decodeKeys("a\r\nb\nc\r").map((k) => k.kind)).toEqual([
      "char",
      "enter",
      "char",
      "enter",
      "char",
      "enter",
    ]);
  });

  it("drops unknown escape sequences and stray control characters", () => {
    expect(decodeKeys("\x1b[15~x\x07\x1b[200~y")).toEqual([
      { kind: "char", text: "x" },
      { kind: "char", text: "y" },
    ]);
  });
});
