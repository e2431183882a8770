import { describe, expect, it } from "vitest";
import { hopTable, parseReceived } from "@/lib/shell/received";

const RELAY =
  "from pc.home.example (pc.home.example [203.0.113.10])\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\t(Authenticated sender: you)\tby mail.isp.example (Postfix) with ESMTPSA id A08FF49B6F7\tfor <bob@corp.example>; Sat, 28 Nov 2026 09:00:00 +0000 (UTC)";
const MX =
  "from mail.isp.example (mail.isp.example [198.51.100.25])\tby mx.corp.example (Postfix) with ESMTP id 72632716C43\tfor <bob@corp.example>; Sat, 28 Nov 2026 09:00:01 +0000 (UTC)";

describe("parseReceived", () => {
  it("reads Postfix's Received header with TLS and login", () => {
    expect(parseReceived(RELAY, 1)).toEqual({
      hop: 1,
      from: "pc.home.example",
      fromIp: "203.0.113.10",
      by: "mail.isp.example",
      with: "ESMTPSA",
      id: "A08FF49B6F7",
      for: "bob@corp.example",
      time: "Sat, 28 Nov 2026 09:00:00 +0000 (UTC)",
      tls: "TLSv1.3, TLS_AES_256_GCM_SHA384 (256/256 bits)",
      authenticatedAs: "you",
    });
  });

  it("leaves TLS and login empty for a plain hop, and rejects junk", () => {
    const h = parseReceived(MX)!;
    expect(h.tls).toBeNull();
    expect(h.authenticatedAs).toBeNull();
    expect(h.with).toBe("ESMTP");
    expect(parseReceived("garbage")).toBeNull();
  });
});

describe("hopTable", () => {
  it("numbers hops bottom-up: the last header is the first hop", () => {
    const t = hopTable([MX, RELAY]);
    expect(t.map((h) => [h.hop, h.from, h.by])).toEqual([
      [1, "pc.home.example", "mail.isp.example"],
      [2, "mail.isp.example", "mx.corp.example"],
    ]);
  });
});
