import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_HEADER_CHARS, prepareInput } from "@/lib/headers/input";
import { runAnalysis } from "@/lib/headers/read";
import { analyseText } from "./helpers";

const received = (i: number) =>
  `Received: from h${i}.example (h${i}.example [192.0.2.${i % 250}])\r\n\tby h${i + 1}.example (Postfix) with ESMTP id Q${i}\r\n\tfor <u@example.org>; Mon, 26 Oct 2020 12:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")} +0000`;

describe("bad input gets a clear message", () => {
  it("empty text", async () => {
    expect(await runAnalysis("  \n ")).toEqual({
      ok: false,
      error: expect.stringContaining("Nothing to analyse"),
    });
  });

  it("binary data", async () => {
    const bytes = Array.from({ length: 4000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join("");
    expect(await runAnalysis(bytes)).toEqual({
      ok: false,
      error: expect.stringContaining("binary"),
    });
  });

  it("text with no headers", async () => {
    expect(await runAnalysis("Hi Bob,\n\nsee you at noon.\n")).toEqual({
      ok: false,
      error: expect.stringContaining("No headers found"),
    });
  });

  it("a 10 MB paste: the header part is refused with its size, the body is never read", async () => {
    const huge = "X-Junk: " + "a".repeat(10_000_000);
    const r = await runAnalysis(huge);
    expect(r).toEqual({ ok: false, error: expect.stringContaining("10.0 MB") });
    // A normal message with a 10 MB body is fine: only the headers are analysed.
    const withBody = await runAnalysis(
      `From: a@b.example\r\nSubject: big\r\n\r\n${"b".repeat(10_000_000)}`,
    );
    expect(withBody.ok).toBe(true);
    expect(prepareInput("X: " + "y".repeat(MAX_HEADER_CHARS)).ok).toBe(false);
  });

  it("folded and encoded-word headers are unfolded and decoded", async () => {
    const a = await analyseText(
      "Subject: =?UTF-8?B?8J+PiCAgMjAxOSdzIE5vLjEgUmVjcnVpdA==?=\r\n =?ISO-8859-1?Q?_caf=E9?=\r\nFrom: =?utf-8?q?J=C3=B6rg_M=C3=BCller?=\r\n <joerg@example.de>\r\nDate: Fri, 26 Jan 2018 15:54:11\r\n -0600\r\n",
    );
    expect(a.subject).toBe("🏈  2019's No.1 Recruit café");
    expect(a.from).toEqual({
      name: "Jörg Müller",
      address: "joerg@example.de",
      domain: "example.de",
    });
    expect(a.date?.epochMs).toBe(Date.UTC(2018, 0, 26, 21, 54, 11));
  });

  it("broken dates leave the hop in the table without a delay", async () => {
    const a = await analyseText(
      "Received: from a by b; Mon, 32 Oct 2020 99:00:00 +0000\r\nReceived: from c by a; garbage\r\n",
    );
    expect(a.hops.map((h) => [h.by, h.date, h.delayMs])).toEqual([
      ["a", null, null],
      ["b", null, null],
    ]);
  });

  it("500 Received: headers are all read, in order", async () => {
    const text =
      Array.from({ length: 500 }, (_, i) => received(499 - i)).join("\r\n") +
      "\r\nFrom: a@example.org\r\n";
    const a = await analyseText(text);
    expect(a.hops).toHaveLength(500);
    expect(a.hops[0]!.by).toBe("h1.example");
    expect(a.hops[499]!.by).toBe("h500.example");
    expect(a.hops.slice(1).every((h) => h.delayMs === 1000)).toBe(true);
  });

  it("an mbox 'From ' line and leading blank lines are skipped", async () => {
    const a = await analyseText(
      "\n\nFrom MAILER-DAEMON Fri Jul  8 12:08:34 2011\nFrom: a@b.example\nSubject: x\n",
    );
    expect(a.subject).toBe("x");
  });

  it("never throws, whatever the text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc
            .array(
              fc.constantFrom(
                "Received: ",
                "from ",
                "by ",
                "(",
                ")",
                "[",
                "]",
                ";",
                "<",
                ">",
                '"',
                "\r\n",
                " ",
                "with ESMTPS",
                "1.2.3.4",
                "Mon, 26 Oct 2020 12:00:00 +0000",
                "Authentication-Results: ",
                "spf=",
                "=",
                "DKIM-Signature: ",
                "From: ",
                "=?utf-8?q?",
                "?=",
              ),
              { maxLength: 60 },
            )
            .map((a) => a.join("")),
        ),
        async (text) => {
          const r = await runAnalysis(text);
          expect(typeof r.ok).toBe("boolean");
        },
      ),
      { numRuns: 300 },
    );
  });
});
