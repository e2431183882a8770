import { describe, expect, it } from "vitest";
import { analyse } from "@/lib/headers/analyse";
import { editDistance, findLookalikes, orgDomain, skeleton } from "@/lib/headers/domains";
import type { HeaderField } from "@/lib/headers/types";

const fields = (text: string): HeaderField[] =>
  text
    .trim()
    .split("\n")
    .map((l) => ({ name: l.slice(0, l.indexOf(":")), value: l.slice(l.indexOf(":") + 1).trim() }));
const kinds = (text: string) => analyse(fields(text)).warnings.map((w) => w.kind);

describe("registrable domains (Public Suffix List)", () => {
  it("uses the PSL, not the last two labels", () => {
    expect(orgDomain("mail.example.co.uk")).toBe("example.co.uk");
    expect(orgDomain("bounce.out.srv.dev")).toBe("srv.dev");
    expect(orgDomain("A.B.Example.COM.")).toBe("example.com");
  });
});

describe("warning signs", () => {
  it("Reply-To in another organisation is a high warning; same organisation only informs", () => {
    const high = analyse(
      fields("From: Boss <ceo@corp.example>\nReply-To: ceo.corp@freemail.example"),
    ).warnings[0]!;
    expect(high).toMatchObject({ kind: "reply-to", severity: "high" });
    expect(high.detail).toContain("ceo.corp@freemail.example");
    expect(
      analyse(fields("From: a@corp.example\nReply-To: help@support.corp.example")).warnings[0],
    ).toMatchObject({ kind: "reply-to", severity: "info" });
    expect(kinds("From: a@corp.example\nReply-To: A <A@corp.example>")).toEqual([]);
  });

  it("a display name holding another address", () => {
    const w = analyse(fields('From: "security@paypal.com" <alerts@mailer.example>')).warnings;
    expect(w.map((x) => x.kind)).toEqual(["display-name"]);
    expect(w[0]!.detail).toContain("security@paypal.com");
    expect(kinds('From: "alerts@mailer.example" <alerts@mailer.example>')).toEqual([]);
  });

  it("From and Return-Path in different organisations, but not sibling subdomains", () => {
    expect(kinds("From: a@shop.example\nReturn-Path: <b@bulkmailer.example>")).toEqual([
      "return-path-org",
    ]);
    expect(kinds("From: a@shop.example\nReturn-Path: <bounce@mail.shop.example>")).toEqual([]);
  });

  it("look-alike domains: one edit, confusable characters, punycode", () => {
    expect(findLookalikes(["paypa1.com"])).toEqual([
      { domain: "paypa1.com", resembles: "paypal.com", why: "confusable" },
    ]);
    expect(findLookalikes(["rnicrosoft.com"])[0]).toMatchObject({
      resembles: "microsoft.com",
      why: "confusable",
    });
    expect(findLookalikes(["gooogle.com"])[0]).toMatchObject({
      resembles: "google.com",
      why: "one-edit",
    });
    expect(findLookalikes(["аpple.com"])[0]).toMatchObject({
      resembles: "apple.com",
      why: "confusable",
    });
    expect(findLookalikes(["xn--pple-43d.com"])[0]).toMatchObject({
      why: "punycode",
      resembles: null,
    });
    // Two domains from the same message, one letter apart.
    expect(findLookalikes(["example-bank.com", "examp1e-bank.com"])).toHaveLength(1);
    // Real brands and unrelated short names are not flagged.
    expect(findLookalikes(["paypal.com", "gmail.com", "ups.com", "tr.ee", "srv.dev"])).toEqual([]);
    expect(kinds("From: Support <help@paypa1.com>")).toEqual(["lookalike"]);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(skeleton("PAYPA1.COM")).toBe(skeleton("paypal.com"));
  });

  it("failed authentication, with DMARC failure high unless ARC vouches", () => {
    const w = analyse(
      fields(
        "From: a@corp.example\nAuthentication-Results: mx.example; spf=fail smtp.mailfrom=corp.example; dkim=fail header.d=corp.example; dmarc=fail (p=reject) header.from=corp.example",
      ),
    ).warnings;
    expect(w.map((x) => [x.kind, x.severity])).toEqual([["auth-failed", "high"]]);
    expect(w[0]!.detail).toContain(
      "SPF fail for corp.example, DKIM fail for corp.example, DMARC fail for corp.example",
    );
    expect(
      kinds(
        "From: a@corp.example\nAuthentication-Results: mx.example; spf=pass smtp.mailfrom=corp.example; dmarc=pass header.from=corp.example",
      ),
    ).toEqual([]);
  });

  it("a private-network hop after a public one, between organisations", () => {
    const text = [
      "Received: from relay.other.example (relay.other.example [10.1.2.3]) by mx.final.example with ESMTP; Mon, 26 Oct 2020 12:00:05 +0000",
      "Received: from client.example (client.example [198.18.0.1]) by relay.other.example with ESMTP; Mon, 26 Oct 2020 12:00:00 +0000",
    ].join("\n");
    const w = analyse(fields(text)).warnings;
    expect(w.map((x) => x.kind)).toEqual(["private-after-public"]);
    expect(w[0]!.detail).toContain("10.1.2.3");
    // Inside one organisation (Exchange Online's own 10.x relays) it is routine.
    expect(kinds(text.replace("mx.final.example", "mx2.other.example"))).toEqual([]);
  });

  it("clock skew and unreadable dates are explained", () => {
    const w = analyse(
      fields(
        "Received: by b.example; Mon, 26 Oct 2020 11:59:00 +0000\nReceived: by a.example; Mon, 26 Oct 2020 12:00:00 +0000\nReceived: by z.example; not a date",
      ),
    ).warnings;
    expect(w.map((x) => x.kind)).toEqual(["clock-skew", "unreadable"]);
  });
});
