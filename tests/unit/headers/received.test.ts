import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildHops, parseReceived } from "@/lib/headers/received";
import { FIXTURES } from "./helpers";

interface MtaCase {
  mta: string;
  header: string;
  ip: string | false;
  from: string;
}
const CASES = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, "received-mta-formats.json"), "utf8"),
) as MtaCase[];
const value = (h: string) => h.replace(/^Received:\s*/i, "");

describe("parseReceived across MTAs (mailauth's format table)", () => {
  for (const c of CASES) {
    it(c.mta, () => {
      const hop = parseReceived(value(c.header))!;
      expect(hop.by).toBe(
        c.header.includes("by mx.google.com") ? "mx.google.com" : /by (\S+)/.exec(c.header)![1],
      );
      expect(hop.date?.epochMs).toBeTypeOf("number");
      if (c.ip) expect(hop.fromIp?.address).toBe(c.ip);
      // The client's own name: reverse DNS when the server checked it, else its HELO.
      const name = hop.fromRdns ?? hop.fromHelo;
      if (!c.from.startsWith("["))
        expect([hop.fromRdns, hop.fromHelo]).toContain(c.from === "unknown" ? null : c.from);
      else expect(name === null || name.length > 0).toBe(true);
    });
  }

  it("reads the address qmail and Exchange give without brackets", () => {
    expect(
      parseReceived(value(CASES.find((c) => c.mta.startsWith("qmail"))!.header))!,
    ).toMatchObject({
      fromHelo: "mail.example.org",
      fromIp: { address: "192.0.2.10", scope: "documentation" },
      protocol: "SMTP",
    });
    expect(
      parseReceived(value(CASES.find((c) => c.mta.startsWith("Microsoft"))!.header))!,
    ).toMatchObject({
      fromIp: { address: "2603:10b6:5:1b0::12", version: 6 },
      byIp: { address: "2603:10b6:806:22e::5" },
      protocol: "Microsoft SMTP Server",
      tls: { version: "TLS 1.2", cipher: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
    });
  });

  it("keeps the real client address, not the HELO literal", () => {
    const postfix = parseReceived(
      value(CASES.find((c) => c.mta === "Postfix, HELO with an address literal")!.header),
    )!;
    expect(postfix.fromHelo).toBe("[203.0.113.5]");
    expect(postfix.fromIp?.address).toBe("198.51.100.7");
    const exim = parseReceived(
      value(CASES.find((c) => c.mta === "Exim, no reverse DNS, address literal HELO")!.header),
    )!;
    expect(exim.fromHelo).toBe("[203.0.113.5]");
    expect(exim.fromIp?.address).toBe("192.0.2.66");
  });
});

describe("comments are tokenised, not split on spaces", () => {
  it("Postfix: TLS comment with a nested comment, and an authenticated sender", () => {
    const hop = parseReceived(
      "from laptop.example (host-203-0-113-9.example.net [203.0.113.9]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits)) (No client certificate requested) (Authenticated sender: alice@example.org) by smtp.example.org (Postfix) with ESMTPSA id 4Xy1Zz2AbC for <bob@example.com>; Tue, 3 Dec 2024 09:15:02 +0100 (CET)",
    )!;
    expect(hop).toMatchObject({
      fromHelo: "laptop.example",
      fromRdns: "host-203-0-113-9.example.net",
      fromIp: { address: "203.0.113.9" },
      by: "smtp.example.org",
      software: "Postfix",
      protocol: "ESMTPSA",
      tls: { version: "TLS 1.3", cipher: "TLS_AES_256_GCM_SHA384" },
      authenticated: true,
      authenticatedAs: "alice@example.org",
      id: "4Xy1Zz2AbC",
      for: "bob@example.com",
    });
    expect(hop.date).toMatchObject({ offsetMinutes: 60, epochMs: Date.UTC(2024, 11, 3, 8, 15, 2) });
  });

  it("a ';' inside a comment does not cut the date", () => {
    const hop = parseReceived(
      'from mail-oln040092067070.outbound.protection.outlook.com ([40.92.67.70]:1997 "EHLO EUR02-AM5-obe.outbound.protection.outlook.com" rhost-flags-OK-OK-OK-FAIL) by vger.kernel.org with ESMTP id S1726476AbgCQVyC (ORCPT <rfc822;stable@vger.kernel.org>); Tue, 17 Mar 2020 17:54:02 -0400',
    )!;
    expect(hop).toMatchObject({
      fromHelo: "EUR02-AM5-obe.outbound.protection.outlook.com",
      fromRdns: "mail-oln040092067070.outbound.protection.outlook.com",
      fromIp: { address: "40.92.67.70" },
      by: "vger.kernel.org",
      id: "S1726476AbgCQVyC",
    });
    expect(hop.date?.epochMs).toBe(Date.UTC(2020, 2, 17, 21, 54, 2));
  });

  it("LMTP delivery, Exim TLS, and a header with no date at all", () => {
    expect(
      parseReceived(
        "from mx.example.org by imap.example.org with LMTP id Ab12 for <u@example.org>; Wed, 1 Jan 2025 00:00:00 +0000",
      )!.protocol,
    ).toBe("LMTP");
    expect(
      parseReceived(
        "from in01.mta.xmission.com ([166.70.13.51]) by out03.mta.xmission.com with esmtps (TLS1.2:ECDHE_RSA_AES_128_GCM_SHA256:128) (Exim 4.90_1) (envelope-from <ebiederm@xmission.com>) id 1jK9Yp-0003DI-Ln; Thu, 02 Apr 2020 17:47:47 -0600",
      )!,
    ).toMatchObject({
      tls: { version: "TLS 1.2", cipher: "ECDHE_RSA_AES_128_GCM_SHA256" },
      software: "Exim 4.90_1",
      envelopeFrom: "ebiederm@xmission.com",
    });
    const undated = parseReceived("from a.example by b.example with SMTP id 1")!;
    expect(undated).toMatchObject({ by: "b.example", date: null, dateText: null });
  });

  it("keeps broken headers visible instead of throwing (MHA's broken cases)", () => {
    expect(parseReceived("")).toBeNull();
    expect(parseReceived(";")).toBeNull();
    expect(parseReceived("Sun, 22 Apr 2018 02:54:19 +0000")!.date?.epochMs).toBe(
      Date.UTC(2018, 3, 22, 2, 54, 19),
    );
    expect(parseReceived("; 22 Apr 2018")).toBeNull();
    expect(
      parseReceived("(qmail 10876 invoked from network); 24 Aug 2014 16:13:38 -0000")!.date
        ?.epochMs,
    ).toBe(Date.UTC(2014, 7, 24, 16, 13, 38));
    expect(parseReceived("from x (unclosed [1.2.3.4 by y; Mon, 99 Foo 2020")).not.toBeNull();
  });
});

describe("buildHops", () => {
  it("orders first hop first and computes delays across time zones", () => {
    const { hops } = buildHops([
      "from b.example by c.example with ESMTP id 2; Mon, 26 Oct 2020 05:43:29 -0700 (PDT)",
      "from a.example by b.example with ESMTP id 1; Mon, 26 Oct 2020 14:43:26 +0200 (EET)",
    ]);
    expect(hops.map((h) => h.by)).toEqual(["b.example", "c.example"]);
    expect(hops.map((h) => h.delayMs)).toEqual([null, 3000]);
  });

  it("flags a negative delay as clock skew, and sub-second gaps are kept", () => {
    const { hops } = buildHops([
      "by c.example; Mon, 26 Oct 2020 12:00:00.250 +0000",
      "by b.example; Mon, 26 Oct 2020 12:00:00.900 +0000",
      "by a.example; Mon, 26 Oct 2020 12:00:05 +0000",
    ]);
    expect(hops.map((h) => h.delayMs)).toEqual([null, -4100, -650]);
    expect(hops.map((h) => h.clockSkew)).toEqual([false, true, true]);
  });

  it("a hop with an unreadable date has no delay, and the next one neither", () => {
    const { hops } = buildHops([
      "by c.example; Mon, 26 Oct 2020 12:00:09 +0000",
      "by b.example; yesterday-ish",
      "by a.example; Mon, 26 Oct 2020 12:00:00 +0000",
    ]);
    expect(hops.map((h) => h.delayMs)).toEqual([null, null, null]);
    expect(hops[1]!.dateText).toBe("yesterday-ish");
  });
});
