import { describe, expect, it } from "vitest";
import { analyseText, fixture } from "./helpers";

/** Each real header set: hop count and order (receiving servers), delays, authentication. */
describe("real-world header sets", () => {
  it("Gmail, forwarded with an ARC seal (mailauth arc-pass)", async () => {
    const a = await analyseText(fixture("gmail-forwarded-arc-pass.eml"));
    expect(a.hops.map((h) => h.by)).toEqual([
      "uvn-67-33.tll01.zonevs.eu",
      "mx.google.com",
      "2002:a19:cb97:0:0:0:0:0",
      "mx.google.com",
      "2002:a4a:8e45:0:0:0:0:0",
    ]);
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 0, 2000, 1000, 0]);
    expect(a.hops[0]!.fromIp).toMatchObject({ address: "127.0.0.1", scope: "loopback" });
    expect(a.hops[0]!.software).toBe("Postfix");
    expect(a.hops[1]!.fromIp).toMatchObject({ address: "217.146.67.33", scope: "public" });
    expect(a.totalMs).toBe(3000);
    expect(a.auth.spf).toMatchObject({
      result: "neutral",
      domain: "tr.ee",
      reporter: "mx.google.com",
    });
    expect(a.auth.dkim.map((d) => [d.result, d.domain])).toEqual([["pass", "ekiri.ee"]]);
    expect(a.auth.arc?.result).toBe("pass");
    expect(a.auth.dmarc.result).toBeNull();
    expect(a.alignment.find((r) => r.label.startsWith("DKIM"))?.state).toBe("exact");
    expect(a.alignment.find((r) => r.label.startsWith("Return-Path"))?.state).toBe("none");
    expect(a.warnings.map((w) => w.kind)).toEqual(["return-path-org"]);
  });

  it("Gmail, forwarded, DMARC failure rescued by ARC (mailauth arc-fail)", async () => {
    const a = await analyseText(fixture("gmail-forwarded-dmarc-fail.eml"));
    expect(a.hops).toHaveLength(5);
    expect(a.hops[0]).toMatchObject({
      by: "srs3.zonevs.eu",
      software: "ZoneMTA Forwarder",
      fromHelo: "foo",
    });
    expect(a.hops[1]!.tls).toEqual({ version: "TLS 1.2", cipher: "ECDHE-ECDSA-AES128-GCM-SHA256" });
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 26000, 0, 1000, 1000]);
    expect(a.auth.dmarc).toMatchObject({ result: "fail", domain: "zone.ee" });
    expect(a.auth.dmarc.words).toContain('"reject"');
    expect(a.auth.dkim.map((d) => d.domain)).toEqual(["zonevs.eu", "srs3.zonevs.eu"]);
    expect(a.auth.arc?.result).toBe("pass");
    const failed = a.warnings.find((w) => w.kind === "auth-failed")!;
    expect(failed.severity).toBe("medium");
    expect(failed.detail).toContain("DMARC fail for zone.ee");
    expect(failed.detail).toContain("ARC");
  });

  it("Gmail via Mailgun, TLS 1.3, DMARC pass with relaxed alignment (mailauth bimi)", async () => {
    const a = await analyseText(fixture("gmail-mailgun-dmarc-pass.eml"));
    expect(a.hops.map((h) => h.by)).toEqual([
      "smtp-out-n04.prod.eu-central-1.postgun.com",
      "mx.google.com",
      "2002:a4a:8e45:0:0:0:0:0",
    ]);
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 6000, 1000]);
    expect(a.hops[1]).toMatchObject({
      protocol: "UTF8SMTPS",
      tls: { version: "TLS 1.3", cipher: "TLS_AES_128_GCM_SHA256" },
    });
    expect(a.subject).toBe("Nodemailer is unicode friendly ✔1604667239916");
    expect(a.auth.spf).toMatchObject({ result: "pass", domain: "out.srv.dev" });
    expect(a.auth.dmarc).toMatchObject({ result: "pass", domain: "srv.dev" });
    expect(a.fromOrg).toBe("srv.dev");
    expect(a.alignment.map((r) => r.state)).toEqual(["relaxed", "relaxed", "relaxed", "none"]);
    expect(a.auth.signatures.map((s) => [s.domain, s.selector, s.algorithm])).toEqual([
      ["out.srv.dev", "smtp", "rsa-sha256"],
      ["eu.mailgun.org", "krs", "rsa-sha256"],
    ]);
    expect(a.warnings).toEqual([]);
  });

  it("Gmail from a Roundcube/Postfix sender, everything aligned (mailauth authtest)", async () => {
    const a = await analyseText(fixture("gmail-roundcube-postfix.eml"));
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 16000, 0]);
    expect(a.hops[0]!.date).toMatchObject({ offsetMinutes: 180 });
    expect(a.auth.spf.result).toBe("pass");
    expect(a.alignment.map((r) => r.state)).toEqual(["exact", "exact", "exact"]);
    expect(a.warnings).toEqual([]);
  });

  it("Mailing list (Discourse) with Reply-To to the list", async () => {
    const a = await analyseText(fixture("mailing-list-discourse.eml"));
    expect(a.hops.map((h) => h.by)).toEqual([
      "mx-out-01b.sjc2.discourse.org",
      "mx.google.com",
      "10.12.195.133",
    ]);
    expect(a.hops[0]!.fromIp).toMatchObject({
      version: 6,
      address: "2001:470:107:1::212:8d46:a771",
    });
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 1000, 0]);
    expect(a.auth.dmarc).toMatchObject({ result: "pass", domain: "discoursemail.com" });
    expect(a.warnings.map((w) => [w.kind, w.severity])).toEqual([["reply-to", "info"]]);
  });

  it("Mailing list (vger) with a 3-link ARC chain, SPF and DMARC failing", async () => {
    const a = await analyseText(fixture("mailing-list-kernel-arc-dmarc-fail.eml"));
    expect(a.hops.map((h) => h.by)).toEqual([
      "s198.webhostingserver.nl",
      "mailfilter02.webhostingserver.nl",
      "smtp.subspace.kernel.org",
    ]);
    expect(a.hops[0]).toMatchObject({
      protocol: "esmtpa",
      authenticated: true,
      fromHelo: "smtp",
      envelopeFrom: "fntoth@gmail.com",
      software: "Exim 4.98",
    });
    expect(a.hops[1]).toMatchObject({
      protocol: "ESMTPSA",
      software: "Halon",
      delayMs: -6000,
      clockSkew: true,
    });
    expect(a.hops[2]!.delayMs).toBe(77000);
    // The three Authentication-Results from smtp.subspace.kernel.org are one verdict.
    expect(a.auth.spf).toMatchObject({
      result: "fail",
      domain: "gmail.com",
      reporter: "smtp.subspace.kernel.org",
    });
    expect(a.auth.dmarc).toMatchObject({ result: "fail", domain: "gmail.com" });
    expect(a.auth.arc?.result).toBe("pass");
    expect(
      a.auth.results
        .filter((r) => r.source === "ARC-Authentication-Results")
        .map((r) => r.instance),
    ).toEqual([3, 2, 1]);
    expect(a.warnings.map((w) => w.kind)).toEqual(["auth-failed", "clock-skew"]);
  });

  it("Bounce from a Sun mail server through Mailman; UCLA's clock runs 41 s fast", async () => {
    const a = await analyseText(fixture("bounce-mailman-disk-quota.eml"));
    // Only the bounce's own Received: headers count, not those of the returned message.
    expect(a.hops).toHaveLength(3);
    expect(a.hops.map((h) => h.by)).toEqual([
      null,
      "cougar.noc.ucla.edu",
      "babylon.socal-raves.org",
    ]);
    expect(a.hops[0]).toMatchObject({
      fromHelo: "cougar.noc.ucla.edu",
      fromRdns: null,
      id: "0GK500B01D0B8X@cougar.noc.ucla.edu",
    });
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 0, -41000]);
    expect(a.hops[2]!.clockSkew).toBe(true);
    expect(a.returnPath).toEqual({ name: "", address: "", domain: null });
    expect(a.warnings.map((w) => w.kind)).toEqual(["clock-skew"]);
  });

  it("Bounce from Amazon SES: no Received: headers of its own", async () => {
    const a = await analyseText(fixture("bounce-amazon-ses.eml"));
    expect(a.hops).toEqual([]);
    expect(a.totalMs).toBeNull();
    expect(a.subject).toBe("Delivery Status Notification (Failure)");
    expect(a.auth.spf.result).toBeNull();
    expect(a.auth.spf.words).toContain("No SPF result");
  });

  it("Exchange Online inbound from PowerMTA: 5 h queued before Microsoft accepted it", async () => {
    const a = await analyseText(fixture("exchange-online-inbound-nfcu.txt"));
    expect(a.hops.map((h) => h.by)).toEqual([
      "vmta6.response.nfcu.org",
      "BN3NAM04FT003.mail.protection.outlook.com",
      "BN3NAM04HT205.eop-NAM04.prod.protection.outlook.com",
      "SN1PR16MB0494.namprd16.prod.outlook.com",
    ]);
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 18613000, 0, 1000]);
    expect(a.hops[1]).toMatchObject({
      protocol: "Microsoft SMTP Server",
      via: "Frontend Transport",
      id: "15.20.696.11",
    });
    expect(a.hops[1]!.byIp).toMatchObject({ address: "10.152.92.112", scope: "private" });
    expect(a.hops[2]!.tls).toEqual({
      version: "TLS 1.2",
      cipher: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384",
    });
    expect(a.hops[3]).toMatchObject({
      protocol: "HTTPS",
      via: "SN1PR15CA0024.NAMPRD15.PROD.OUTLOOK.COM",
    });
    // Microsoft's internal 10.x hop follows a public one, but inside the same organisation.
    expect(a.warnings.map((w) => w.kind)).not.toContain("private-after-public");
  });

  it("Exchange Online inbound from GitHub via SendGrid, with millisecond dates", async () => {
    const a = await analyseText(fixture("exchange-online-inbound-github.txt"));
    expect(a.hops).toHaveLength(5);
    expect(a.hops[0]).toMatchObject({
      by: "ismtpd0021p1iad2.sendgrid.net",
      software: "SG",
      for: "sgriffin@outlook.com",
    });
    expect(a.hops[0]!.date?.epochMs).toBe(1524365656987);
    expect(a.hops[1]).toMatchObject({
      by: "filter0652p1las1.sendgrid.net",
      id: "filter0652p1las1-5089-5ADBF958-25",
    });
    expect(a.hops[1]!.date?.epochMs).toBe(1524365657028);
    // 57.000 against 57.028: within the one-second resolution of the later date, not skew.
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 41, 0, 1000, 1000]);
    expect(a.hops.some((h) => h.clockSkew)).toBe(false);
    expect(a.totalMs).toBe(2013);
  });

  it("Spam with a forged first Received: and a Return-Path in another organisation", async () => {
    const a = await analyseText(fixture("spam-forged-received.eml"));
    expect(a.hops.map((h) => [h.fromIp?.address, h.by])).toEqual([
      ["200.21.241.94", "92.63.87.69"],
      ["212.170.160.112", "mx-ha.web.de"],
    ]);
    expect(a.hops[1]!.delayMs).toBe(454000);
    expect(a.warnings.map((w) => w.kind)).toEqual(["return-path-org"]);
    expect(a.warnings[0]!.detail).toContain("nestor.co.uk");
  });

  it("Three DKIM signatures and no Received: (nodemailer, mailauth message1)", async () => {
    const a = await analyseText(fixture("nodemailer-three-dkim-signatures.eml"));
    expect(a.hops).toEqual([]);
    expect(a.auth.signatures.map((s) => s.selector)).toEqual([
      "test.invalid",
      "test.rsa",
      "test.small",
    ]);
    expect(a.auth.signatures[0]!.headers).toEqual([
      "mime-version",
      "date",
      "message-id",
      "subject",
      "to",
      "from",
      "content-type",
    ]);
    expect(a.auth.signatures[0]!.timestamp).toBe(1598079221);
    expect(a.subject).toBe("Nodemailer is unicode friendly ✔ 1470741283500");
    expect(a.alignment.find((r) => r.label.startsWith("DKIM"))).toMatchObject({
      domain: "tahvel.info",
      state: "none",
    });
  });
});
