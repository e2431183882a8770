import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitWords, parseOptions } from "@/lib/shell/args";
import { decodeBase64, encodeBase64, escapeControls, unescapeText } from "@/lib/shell/base64";
import { explainReply } from "@/lib/shell/explain";

describe("splitWords", () => {
  it("splits on whitespace and honours quotes", () => {
    expect(splitWords(`mail -s "Hello there" -r 'a b' bob@corp.example`)).toEqual({
      ok: true,
      words: ["mail", "-s", "Hello there", "-r", "a b", "bob@corp.example"],
    });
  });

  it("keeps \\0 so AUTH PLAIN strings can be typed unquoted", () => {
    expect(splitWords("base64 \\0alice\\0secret")).toEqual({
      ok: true,
      words: ["base64", "\\0alice\\0secret"],
    });
  });

  it("keeps empty quoted words and reports an unterminated quote", () => {
    expect(splitWords(`a "" b`)).toEqual({ ok: true, words: ["a", "", "b"] });
    expect(splitWords(`echo "oops`).ok).toBe(false);
  });
});

describe("parseOptions", () => {
  it("separates options with values, flags and positionals", () => {
    const o = parseOptions(["-connect", "h:465", "-crlf", "-starttls=smtp", "x", "-z"], {
      withValue: ["-connect", "-starttls"],
      flags: ["-crlf"],
    });
    expect(o.opts.get("-connect")).toBe("h:465");
    expect(o.opts.get("-starttls")).toBe("smtp");
    expect(o.opts.has("-crlf")).toBe(true);
    expect(o.positional).toEqual(["x"]);
    expect(o.unknown).toEqual(["-z"]);
  });
});

describe("base64", () => {
  it("builds the AUTH PLAIN string for alice/secret", () => {
    expect(encodeBase64(unescapeText("\\0alice\\0secret"))).toBe("AGFsaWNlAHNlY3JldA==");
  });

  it("decodes Postfix's AUTH LOGIN prompts", () => {
    expect(decodeBase64("VXNlcm5hbWU6")).toEqual({ ok: true, text: "Username:" });
    expect(decodeBase64("UGFzc3dvcmQ6")).toEqual({ ok: true, text: "Password:" });
  });

  it("round-trips any text, including non-ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(decodeBase64(encodeBase64(s))).toEqual({ ok: true, text: s });
      }),
    );
  });

  it("rejects garbage with a message instead of throwing", () => {
    expect(decodeBase64("not base64!")).toEqual({ ok: false, error: "invalid input" });
    expect(decodeBase64("A")).toEqual({ ok: false, error: "invalid input" });
  });

  it("shows NUL bytes the way they were typed", () => {
    expect(escapeControls("\0alice\0secret")).toBe("\\0alice\\0secret");
  });
});

describe("explainReply", () => {
  it("explains wrong command order", () => {
    expect(explainReply("503 5.5.1 Error: need MAIL command")).toBe(
      "503 5.5.1: wrong order: send MAIL FROM before RCPT TO",
    );
  });

  it("explains a relay denial", () => {
    expect(explainReply("554 5.7.1 <x@y.example>: Relay access denied")).toMatch(
      /^554 5\.7\.1: relay refused/,
    );
  });

  it("recognises a multi-line EHLO reply", () => {
    expect(explainReply("250-mail.isp.example\r\n250-PIPELINING\r\n250 SMTPUTF8")).toMatch(
      /^250: hello accepted/,
    );
  });

  it("decodes the base64 in a 334 challenge", () => {
    expect(explainReply("334 VXNlcm5hbWU6")).toContain('"Username:"');
  });

  it("falls back on the code family and ignores non-replies", () => {
    expect(explainReply("599 weird")).toBe("599: permanent failure: do not retry as is");
    expect(explainReply("")).toBeNull();
    expect(explainReply("Connection closed by foreign host.")).toBeNull();
  });
});
