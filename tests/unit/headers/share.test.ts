import { describe, expect, it } from "vitest";
import { decodeFragment, encodeFragment } from "@/lib/headers/share/fragment";
import { fixture } from "./helpers";

describe("shareable fragment", () => {
  it("round-trips a header set, compressed", async () => {
    const text = fixture("gmail-forwarded-dmarc-fail.eml").split("\n\n")[0]!;
    const frag = await encodeFragment(text);
    expect(frag).toMatch(/^h=[A-Za-z0-9_-]+$/);
    expect(frag.length).toBeLessThan(text.length);
    expect(await decodeFragment(`#${frag}`)).toEqual({ ok: true, text });
  });

  it("round-trips non-ASCII text", async () => {
    const text = "Subject: Grüße ✔\r\nFrom: Jörg <j@example.de>";
    expect(await decodeFragment(await encodeFragment(text))).toEqual({ ok: true, text });
  });

  it("says clearly when a link is damaged, and ignores other fragments", async () => {
    const frag = await encodeFragment("From: a@b.example\r\nSubject: hello there");
    const cut = await decodeFragment(`#${frag.slice(0, frag.length - 6)}`);
    expect(cut).toEqual({ ok: false, error: expect.stringContaining("cut short") });
    expect(await decodeFragment("#h=%%%")).toEqual({
      ok: false,
      error: expect.stringContaining("damaged"),
    });
    expect(await decodeFragment("#main")).toBeNull();
    expect(await decodeFragment("")).toBeNull();
  });
});
