import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineFramer } from "@/bridge/framer";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("LineFramer", () => {
  it("ends lines at CRLF or a bare LF and keeps a partial line for the next chunk", () => {
    const f = new LineFramer();
    expect(f.push(bytes("EHLO a\r\nMAIL FROM:<x@y>\nRCPT"))).toEqual({
      ok: true,
      lines: ["EHLO a", "MAIL FROM:<x@y>"],
    });
    expect(f.buffered).toBe(4);
    expect(f.push(bytes(" TO:<b@c>\r"))).toEqual({ ok: true, lines: [] });
    expect(f.push(bytes("\n"))).toEqual({ ok: true, lines: ["RCPT TO:<b@c>"] });
    expect(f.buffered).toBe(0);
  });

  it("keeps dots as sent: unstuffing is the session's job", () => {
    const f = new LineFramer();
    expect(f.push(bytes("..a\r\n.\r\n")).lines).toEqual(["..a", "."]);
  });

  it("decodes UTF-8 per line, also when a character is split across chunks", () => {
    const f = new LineFramer();
    const all = bytes("Subject: Grüße\r\n");
    expect(f.push(all.subarray(0, 12)).lines).toEqual([]);
    expect(f.push(all.subarray(12)).lines).toEqual(["Subject: Grüße"]);
  });

  it("allows 998 octets before CRLF (1000 in all) and refuses 999", () => {
    expect(new LineFramer().push(bytes("a".repeat(998) + "\r\n"))).toEqual({
      ok: true,
      lines: ["a".repeat(998)],
    });
    expect(new LineFramer().push(bytes("a".repeat(999) + "\r\n")).ok).toBe(false);
    // Multi-byte characters count as octets.
    expect(new LineFramer().push(bytes("é".repeat(500) + "\r\n")).ok).toBe(false);
  });

  it("refuses an endless line as soon as it is over the limit, without buffering it", () => {
    const f = new LineFramer();
    expect(f.push(bytes("b".repeat(600))).ok).toBe(true);
    const r = f.push(bytes("b".repeat(600)));
    expect(r.ok).toBe(false);
    expect(f.buffered).toBeLessThanOrEqual(999);
  });

  it("returns the complete lines before a long one", () => {
    expect(new LineFramer().push(bytes("NOOP\r\n" + "x".repeat(2000)))).toEqual({
      ok: false,
      lines: ["NOOP"],
    });
  });

  it("drops a partial line on reset (after STARTTLS)", () => {
    const f = new LineFramer();
    f.push(bytes("MAIL FROM:<inj"));
    f.reset();
    expect(f.push(bytes("EHLO b\r\n")).lines).toEqual(["EHLO b"]);
  });

  it("gives the same lines however the stream is cut", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[ -~]{0,40}$/), { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }),
        (lines, cuts) => {
          const stream = bytes(lines.map((l) => l + "\r\n").join(""));
          const f = new LineFramer();
          const got: string[] = [];
          let at = 0;
          let i = 0;
          while (at < stream.length) {
            const n = cuts[i++ % cuts.length]!;
            const r = f.push(stream.subarray(at, at + n));
            expect(r.ok).toBe(true);
            got.push(...r.lines);
            at += n;
          }
          expect(got).toEqual(lines);
        },
      ),
    );
  });
});
