import { describe, expect, it } from "vitest";
import {
  parseAuthenticationResults,
  parseDkimSignature,
  parseReceivedSpf,
} from "@/lib/headers/auth";

describe("Authentication-Results (RFC 8601)", () => {
  it("reads several resinfo with comments and ptype.property values", () => {
    const r = parseAuthenticationResults(
      'mx.google.com; dkim=pass header.i=@out.srv.dev header.s=smtp header.b=g5+zMlsw; spf=pass (google.com: domain of bounce@out.srv.dev designates 141.193.32.19 as permitted sender) smtp.mailfrom="bounce+2fa2ae.181d-a=gmail.com@out.srv.dev"; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=srv.dev',
    )!;
    expect(r.authservId).toBe("mx.google.com");
    expect(r.checks.map((c) => [c.method, c.result, c.domain])).toEqual([
      ["dkim", "pass", "out.srv.dev"],
      ["spf", "pass", "out.srv.dev"],
      ["dmarc", "pass", "srv.dev"],
    ]);
    expect(r.checks[0]!.props).toEqual({
      "header.i": "@out.srv.dev",
      "header.s": "smtp",
      "header.b": "g5+zMlsw",
    });
    expect(r.checks[1]!.comment).toContain("designates 141.193.32.19");
    expect(r.checks[1]!.props["smtp.mailfrom"]).toBe("bounce+2fa2ae.181d-a=gmail.com@out.srv.dev");
    expect(r.checks[2]!.comment).toBe("p=REJECT sp=REJECT dis=NONE");
  });

  it("handles a version, a method version, reason=, unquoted '=' in values and 'none'", () => {
    const ms = parseAuthenticationResults(
      "mx.microsoft.com 1; spf=pass smtp.mailfrom=hotmail.de; dmarc=pass action=none header.from=hotmail.de; dkim=pass header.d=hotmail.de; arc=none",
    )!;
    expect(ms.authservId).toBe("mx.microsoft.com");
    expect(ms.checks.map((c) => `${c.method}=${c.result}`)).toEqual([
      "spf=pass",
      "dmarc=pass",
      "dkim=pass",
      "arc=none",
    ]);
    expect(ms.checks[1]!.props.action).toBe("none");
    const v = parseAuthenticationResults(
      'example.org; dkim/1=fail reason="signature verification failed" header.d=example.com; spf=pass smtp.mailfrom=a+b=c@example.com',
    )!;
    expect(v.checks[0]).toMatchObject({
      method: "dkim",
      result: "fail",
      reason: "signature verification failed",
      domain: "example.com",
    });
    expect(v.checks[1]!.props["smtp.mailfrom"]).toBe("a+b=c@example.com");
    expect(parseAuthenticationResults("example.org; none")).toMatchObject({
      authservId: "example.org",
      checks: [],
    });
    expect(parseAuthenticationResults("  ")).toBeNull();
  });

  it("ARC-Authentication-Results carries its instance", () => {
    const r = parseAuthenticationResults(
      "i=2; mailfilter02.webhostingserver.nl; spf=softfail smtp.mailfrom=gmail.com smtp.remote-ip=141.138.168.154; dmarc=fail header.from=gmail.com; arc=pass header.oldest-pass=0;",
      true,
    )!;
    expect(r).toMatchObject({
      source: "ARC-Authentication-Results",
      instance: 2,
      authservId: "mailfilter02.webhostingserver.nl",
    });
    expect(r.checks.map((c) => c.result)).toEqual(["softfail", "fail", "pass"]);
  });
});

describe("Received-SPF and DKIM-Signature", () => {
  it("Received-SPF: result, comment and key=value pairs", () => {
    expect(
      parseReceivedSpf(
        "pass (google.com: domain of andris@ekiri.ee designates 217.146.67.33 as permitted sender) client-ip=217.146.67.33;",
      ),
    ).toMatchObject({
      result: "pass",
      domain: "ekiri.ee",
      reporter: "google.com",
      props: { "client-ip": "217.146.67.33" },
    });
    expect(
      parseReceivedSpf(
        'softfail (mx.example.net: transitioning domain of example.com does not designate 192.0.2.1 as permitted sender) receiver=mx.example.net; client-ip=192.0.2.1; envelope-from="a@example.com"; helo=x.example;',
      ),
    ).toMatchObject({
      result: "softfail",
      domain: "example.com",
      reporter: "mx.example.net",
    });
  });

  it("DKIM-Signature tags d= s= a= h= (folded)", () => {
    const s = parseDkimSignature(
      "v=1; a=rsa-sha256; c=simple/simple; d=discoursemail.com;\r\n\ts=sjc2; t=1522274477;\r\n\th=Date:From:Reply-To:To:In-Reply-To:References:Subject:\r\n\t List-Unsubscribe:List-ID:List-Archive;\r\n\tb=VmvuZ8wM",
    );
    expect(s).toMatchObject({
      domain: "discoursemail.com",
      selector: "sjc2",
      algorithm: "rsa-sha256",
      canonicalization: "simple/simple",
      timestamp: 1522274477,
    });
    expect(s.headers).toEqual([
      "date",
      "from",
      "reply-to",
      "to",
      "in-reply-to",
      "references",
      "subject",
      "list-unsubscribe",
      "list-id",
      "list-archive",
    ]);
  });
});
