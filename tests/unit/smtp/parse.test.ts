import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, parseCommand, parsePath } from "@/lib/smtp";
import { routedDomain } from "@/lib/smtp/parse";

describe("parseCommand", () => {
  it("recognises verbs case-insensitively", () => {
    expect(parseCommand("ehlo a.example")).toEqual({
      kind: "verb",
      verb: "EHLO",
      args: "a.example",
    });
    expect(parseCommand("MaIl FROM:<a@b.example>")).toEqual({
      kind: "verb",
      verb: "MAIL",
      args: "FROM:<a@b.example>",
    });
  });
  it("trims and tolerates tabs", () => {
    expect(parseCommand("  QUIT  ")).toEqual({ kind: "verb", verb: "QUIT", args: "" });
    expect(parseCommand("HELO\tx.example")).toEqual({
      kind: "verb",
      verb: "HELO",
      args: "x.example",
    });
  });
  it("unknown words and empty lines are values, not errors", () => {
    expect(parseCommand("EXPN staff")).toEqual({ kind: "unknown", word: "EXPN" });
    expect(parseCommand("   ")).toEqual({ kind: "empty" });
  });
});

describe("parsePath", () => {
  it("parses a plain reverse-path", () => {
    expect(parsePath("FROM:<alice@isp.example>", "FROM")).toEqual({
      ok: true,
      path: { address: "alice@isp.example", params: [] },
    });
  });
  it("accepts the null sender <>", () => {
    const r = parsePath("FROM:<>", "FROM");
    expect(r.ok && r.path.address).toBe("");
  });
  it("accepts <Postmaster> without a domain", () => {
    const r = parsePath("TO:<Postmaster>", "TO");
    expect(r.ok && r.path.address).toBe("Postmaster");
  });
  it("reads ESMTP parameters, upper-casing their names", () => {
    const r = parsePath("FROM:<a@b.example> size=1000 BODY=8BITMIME SMTPUTF8", "FROM");
    expect(r.ok && r.path.params).toEqual([
      { name: "SIZE", value: "1000", raw: "size=1000" },
      { name: "BODY", value: "8BITMIME", raw: "BODY=8BITMIME" },
      { name: "SMTPUTF8", value: null, raw: "SMTPUTF8" },
    ]);
  });
  it("tolerates a space after the colon and missing brackets, like Postfix", () => {
    const a = parsePath("FROM: <a@b.example>", "FROM");
    const b = parsePath("TO:a@b.example", "TO");
    expect(a.ok && a.path.address).toBe("a@b.example");
    expect(b.ok && b.path.address).toBe("a@b.example");
  });
  it("drops a source route (RFC 5321 Appendix C)", () => {
    const r = parsePath("TO:<@relay.example,@hub.example:bob@corp.example>", "TO");
    expect(r.ok && r.path.address).toBe("bob@corp.example");
  });
  it("keeps a quoted local part with spaces", () => {
    const r = parsePath('TO:<"john smith"@corp.example>', "TO");
    expect(r.ok && r.path.address).toBe('"john smith"@corp.example');
  });
  it("tells a wrong keyword (syntax) from a bad address", () => {
    expect(parsePath("TO:<a@b.example>", "FROM")).toEqual({ ok: false, error: "syntax" });
    expect(parsePath("FROM", "FROM")).toEqual({ ok: false, error: "syntax" });
    expect(parsePath("FROM:", "FROM")).toEqual({ ok: false, error: "syntax" });
    for (const bad of [
      "<a b@c.example>",
      "<a@>",
      "<@c.example>",
      "<a@b..example>",
      "<a@b.example",
      "<a@b.example>x",
    ]) {
      expect(parsePath(`FROM:${bad}`, "FROM"), bad).toEqual({ ok: false, error: "address" });
    }
  });
});

describe("routedDomain", () => {
  it("follows the percent hack, bang paths and quoted @", () => {
    expect(routedDomain("bob@corp.example")).toBe("corp.example");
    expect(routedDomain("victim%partner.example@corp.example")).toBe("partner.example");
    expect(routedDomain("partner.example!victim@corp.example")).toBe("partner.example");
    expect(routedDomain('"victim@partner.example"@corp.example')).toBe("partner.example");
  });
});

describe("base64", () => {
  it("round-trips, including NUL separators", () => {
    const s = "\0alice\0s3cret";
    expect(decodeBase64(encodeBase64(s))).toBe(s);
    expect(encodeBase64("Username:")).toBe("VXNlcm5hbWU6");
  });
  it("returns null for text that is not base64", () => {
    expect(decodeBase64("not base64!")).toBeNull();
    expect(decodeBase64("abc")).toBeNull();
  });
});
