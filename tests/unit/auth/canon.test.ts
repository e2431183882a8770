import { describe, expect, it } from "vitest";
import { canonBody, canonHeader, splitMessage } from "@/lib/smtp/auth";

// RFC 6376 3.4.5: the example message and its four canonical forms.
const EXAMPLE = ["A: X ", "B : Y\t", "\tZ  ", "", " C \t", "D \t E ", "", ""];

describe("RFC 6376 3.4.5 canonicalization examples", () => {
  const { headers, body } = splitMessage(EXAMPLE);

  it("3.4.2 relaxed header: lower-case names, unfolded, one space, no space around the colon", () => {
    expect(headers.map((h) => canonHeader(h, "relaxed")).join("")).toBe("a:X\r\nb:Y Z\r\n");
  });

  it("3.4.4 relaxed body: whitespace runs become one space, line ends trimmed, empty tail gone", () => {
    expect(canonBody(body, "relaxed")).toBe(" C\r\nD E\r\n");
  });

  it("3.4.1 simple header: unchanged, folding kept", () => {
    expect(headers.map((h) => canonHeader(h, "simple")).join("")).toBe(
      "A: X \r\nB : Y\t\r\n\tZ  \r\n",
    );
  });

  it("3.4.3 simple body: unchanged except the empty lines at the end", () => {
    expect(canonBody(body, "simple")).toBe(" C \t\r\nD \t E \r\n");
  });
});

describe("empty bodies (RFC 6376 3.4.3, 3.4.4 and erratum 1384)", () => {
  it("simple: one CRLF", () => {
    expect(canonBody([], "simple")).toBe("\r\n");
    expect(canonBody(["", ""], "simple")).toBe("\r\n");
  });
  it("relaxed: nothing at all", () => {
    expect(canonBody([], "relaxed")).toBe("");
    expect(canonBody(["  ", "\t"], "relaxed")).toBe("");
  });
});

describe("splitMessage", () => {
  it("folds continuation lines into their field and keeps the body as lines", () => {
    const m = splitMessage(["Subject: a", " b", "From: x@y.example", "", "body", ""]);
    expect(m.headers.map((h) => h.raw)).toEqual(["Subject: a\r\n b", "From: x@y.example"]);
    expect(m.body).toEqual(["body", ""]);
  });
  it("ends the header at a line that is not a field", () => {
    const m = splitMessage(["From: x@y.example", "not a header", "more"]);
    expect(m.headers).toHaveLength(1);
    expect(m.body).toEqual(["not a header", "more"]);
  });
});
