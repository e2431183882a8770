import { describe, expect, it } from "vitest";
import { parseAuthenticationResults } from "@/lib/headers/auth";
import { authAsWords, readExchange, sclWords } from "@/lib/headers/exchange";
import { analyseText, fixture } from "./helpers";

describe("Exchange Online (Outlook) headers", () => {
  it("Outlook (Exchange Online) to Gmail: mapi submission, X-MS-Exchange fields, Microsoft ARC (stalwart mail-auth arc/002)", async () => {
    const a = await analyseText(fixture("exchange-online-outbound-to-gmail.eml"));
    // Outlook hands the message to its mailbox server over MAPI, Exchange relays it inside
    // Microsoft's network, then Gmail receives it from Exchange Online's outbound relay.
    expect(a.hops.map((h) => h.by)).toEqual([
      "DU0PR05MB9819.eurprd05.prod.outlook.com",
      "VE1PR05MB7216.eurprd05.prod.outlook.com",
      "mx.google.com",
      "2002:adf:b343:0:0:0:0:0",
    ]);
    expect(a.hops.map((h) => h.protocol)).toEqual([
      "mapi",
      "Microsoft SMTP Server",
      "ESMTPS",
      "SMTP",
    ]);
    expect(a.hops[0]!.fromIp).toMatchObject({
      address: "fe80::879:4a51:c1ed:6467",
      scope: "link-local",
    });
    expect(a.hops[1]).toMatchObject({
      fromHelo: "DU0PR05MB9819.eurprd05.prod.outlook.com",
      fromIp: { address: "2603:10a6:10:473::18", version: 6, scope: "public" },
      tls: { version: "TLS 1.2", cipher: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
      id: "15.20.5791.20",
    });
    expect(a.hops[2]).toMatchObject({
      fromHelo: "EUR05-DB8-obe.outbound.protection.outlook.com",
      fromRdns: "mail-db8eur05on2126.outbound.protection.outlook.com",
      fromIp: { address: "40.107.20.126", scope: "public" },
      tls: { version: "TLS 1.2", cipher: "ECDHE-ECDSA-AES128-GCM-SHA256" },
    });
    // +0000 and -0700 dates: 15:30:14Z, 15:30:14Z, 15:30:17Z, 15:30:18Z.
    expect(a.hops.map((h) => h.delayMs)).toEqual([null, 0, 3000, 1000]);
    expect(a.totalMs).toBe(4000);

    // Gmail's verdict is the one that counts; the sender-side Exchange result below it does not.
    expect(a.auth.spf).toMatchObject({
      result: "pass",
      domain: "vatovec.si",
      reporter: "mx.google.com",
    });
    expect(a.auth.dkim.map((d) => [d.result, d.domain])).toEqual([["pass", "vatovec.si"]]);
    expect(a.auth.dmarc.result).toBeNull();
    expect(a.auth.arc?.result).toBe("pass");
    // Exchange's own Authentication-Results has no authserv-id: its checks are still read.
    const exchangeAr = a.auth.results.find(
      (r) => r.source === "Authentication-Results" && r.authservId === "",
    );
    expect(exchangeAr?.checks.map((c) => [c.method, c.result, c.domain])).toEqual([
      ["dkim", "none", null],
      ["dmarc", "none", "vatovec.si"],
    ]);
    expect(
      a.auth.results
        .filter((r) => r.source === "ARC-Authentication-Results")
        .map((r) => [r.instance, r.authservId]),
    ).toEqual([
      [2, "mx.google.com"],
      [1, "mx.microsoft.com"],
    ]);
    expect(a.alignment.map((r) => r.state)).toEqual(["exact", "exact", "exact"]);
    expect(a.warnings).toEqual([]);

    // Exchange's verdicts: SCL from X-Forefront-Antispam-Report, outbound, sent from inside.
    expect(a.exchange).toMatchObject({
      scl: 1,
      direction: "outbound",
      authAs: "Internal",
      connectingIp: "255.255.255.255",
      compauth: null,
    });
    expect(a.exchange!.words[0]).toBe(
      "The sender's Exchange Online rated the message on its way out as not spam (SCL 1 of 9).",
    );
    expect(a.exchange!.words[1]).toContain("inside the organisation");
  });

  it("Exchange Online's Authentication-Results: no authserv-id, the recipient domain between results, compauth", () => {
    const r = parseAuthenticationResults(
      "spf=pass (sender IP is 192.0.2.25) smtp.mailfrom=mail.example.com; contoso.example; dkim=pass (signature was verified) header.d=example.com;contoso.example; dmarc=pass action=none header.from=example.com;compauth=pass reason=100",
    )!;
    expect(r.authservId).toBe("");
    expect(r.checks.map((c) => [c.method, c.result, c.domain])).toEqual([
      ["spf", "pass", "mail.example.com"],
      ["dkim", "pass", "example.com"],
      ["dmarc", "pass", "example.com"],
      ["compauth", "pass", null],
    ]);
    expect(r.checks[0]!.comment).toBe("sender IP is 192.0.2.25");
    expect(r.checks[2]!.props.action).toBe("none");
    expect(r.checks[3]!.reason).toBe("100");
    expect(r.checks.every((c) => c.reporter === null)).toBe(true);
    // A soft pass is its own word, not "unknown".
    const soft = parseAuthenticationResults(
      "spf=softfail (sender IP is 192.0.2.7) smtp.mailfrom=example.net; dkim=fail (body hash did not verify) header.d=example.net;dmarc=fail action=none header.from=example.org;compauth=softpass reason=201",
    )!;
    expect(soft.checks.map((c) => `${c.method}=${c.result}`)).toEqual([
      "spf=softfail",
      "dkim=fail",
      "dmarc=fail",
      "compauth=softpass",
    ]);
  });

  it("inbound verdicts: SCL header over Forefront's, AuthAs, compauth in plain words", async () => {
    const text = [
      "Authentication-Results: spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=example.org; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=example.org;compauth=fail reason=000",
      "X-MS-Exchange-Organization-SCL: 6",
      "X-Forefront-Antispam-Report: CIP:198.51.100.9;CTRY:NL;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;DIR:INB;",
      "X-MS-Exchange-Organization-AuthAs: Anonymous",
      "From: someone@example.org",
      "Subject: test",
    ].join("\n");
    const a = await analyseText(text);
    expect(a.auth.dmarc).toMatchObject({ result: "fail", domain: "example.org", reporter: null });
    expect(a.exchange).toMatchObject({
      scl: 6,
      direction: "inbound",
      authAs: "Anonymous",
      connectingIp: "198.51.100.9",
      country: "NL",
      compauth: { result: "fail", reason: "000" },
    });
    expect(a.exchange!.words).toEqual([
      "Exchange's spam filter rated the message as spam (SCL 6 of 9); by default such mail goes to the Junk Email folder.",
      authAsWords("Anonymous"),
      expect.stringContaining(
        "failed: Microsoft judged the From domain to be spoofed (reason 000)",
      ),
    ]);
  });

  it("SCL words cover skipped, clean, low, spam and high-confidence spam", () => {
    expect(sclWords(-1, "inbound")).toContain("skipped");
    expect(sclWords(0, "inbound")).toContain("not spam (SCL 0 of 9)");
    expect(sclWords(3, null)).toContain("low spam score");
    expect(sclWords(5, "inbound")).toContain("as spam (SCL 5 of 9)");
    expect(sclWords(9, "inbound")).toContain("high-confidence spam");
  });

  it("no Exchange fields, no Exchange verdicts; junk values are ignored", () => {
    expect(readExchange([{ name: "From", value: "a@example.com" }], [])).toBeNull();
    const x = readExchange(
      [
        { name: "X-MS-Exchange-Organization-SCL", value: "high" },
        { name: "X-Forefront-Antispam-Report", value: "garbage without pairs" },
      ],
      [],
    );
    expect(x).toMatchObject({ scl: null, direction: null, authAs: null, words: [] });
  });
});
