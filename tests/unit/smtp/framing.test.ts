import { describe, expect, it } from "vitest";
import { formatReply, parseReply, readDataLine, splitLines, stuffDataLine } from "@/lib/smtp";

describe("splitLines", () => {
  it("keeps a single line as it is", () => {
    expect(splitLines("EHLO a.example")).toEqual(["EHLO a.example"]);
  });
  it("splits CRLF, LF and CR, and ignores the final line end", () => {
    expect(splitLines("a\r\nb\nc\rd\r\n")).toEqual(["a", "b", "c", "d"]);
  });
  it("keeps empty lines in the middle (the header/body separator)", () => {
    expect(splitLines("Subject: x\r\n\r\nbody\r\n")).toEqual(["Subject: x", "", "body"]);
  });
  it("an empty string is one empty line", () => {
    expect(splitLines("")).toEqual([""]);
  });
});

describe("readDataLine (DATA mode)", () => {
  it("a lone dot ends the message", () => {
    expect(readDataLine(".")).toEqual({ end: true });
  });
  it("removes one leading dot (RFC 5321 4.5.2)", () => {
    expect(readDataLine("..")).toEqual({ end: false, line: "." });
    expect(readDataLine("...x")).toEqual({ end: false, line: "..x" });
  });
  it("leaves other lines alone, including a dot with trailing space", () => {
    expect(readDataLine("hello")).toEqual({ end: false, line: "hello" });
    expect(readDataLine(". ")).toEqual({ end: false, line: " " });
  });
  it("stuffDataLine is the inverse for lines starting with a dot", () => {
    for (const l of [".", ".x", "x", "", ".."]) {
      const r = readDataLine(stuffDataLine(l));
      expect(r).toEqual({ end: false, line: l });
    }
  });
});

describe("formatReply", () => {
  it("single line: code, space, text", () => {
    expect(formatReply(250, ["2.0.0 Ok"])).toBe("250 2.0.0 Ok");
  });
  it("multi-line: hyphen on every line but the last, CRLF between", () => {
    expect(formatReply(250, ["a", "b", "c"])).toBe("250-a\r\n250-b\r\n250 c");
  });
  it("an empty text keeps the space (the PLAIN challenge '334 ')", () => {
    expect(formatReply(334, [""])).toBe("334 ");
  });
});

describe("parseReply", () => {
  it("parses single and multi-line replies", () => {
    expect(parseReply("221 2.0.0 Bye")).toEqual({ code: 221, lines: ["2.0.0 Bye"] });
    expect(parseReply("250-x\r\n250 y")).toEqual({ code: 250, lines: ["x", "y"] });
  });
  it("rejects malformed replies", () => {
    expect(parseReply("")).toBeNull();
    expect(parseReply("25 x")).toBeNull();
    expect(parseReply("250-x")).toBeNull(); // last line with a hyphen
    expect(parseReply("250 x\r\n250 y")).toBeNull(); // a space before the last line
    expect(parseReply("250-x\r\n251 y")).toBeNull(); // codes differ
    expect(parseReply("hello")).toBeNull();
  });
});
