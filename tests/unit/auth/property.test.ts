/** fast-check: no record, message or header anyone can publish or send makes a check throw. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  authenticateMessage,
  checkDmarc,
  checkSpf,
  keyPairFromSeed,
  keyRecord,
  parseAuthenticationResults,
  signMessage,
  verifyMessage,
  zoneResolver,
  type Resolver,
} from "@/lib/smtp/auth";
import { createWorld } from "@/lib/smtp";

const SPF_RESULTS = ["pass", "fail", "softfail", "neutral", "none", "permerror", "temperror"];

/** SPF-looking terms, valid and not, so the generator reaches deep into the parser. */
const term = fc.oneof(
  fc.constantFrom("-all", "~all", "?all", "+all", "all:x", "mx", "a", "ptr", "mx/24", "a//64"),
  fc.constantFrom(
    "include:x.example",
    "include:loop.example",
    "redirect=x.example",
    "exp=e.example",
  ),
  fc.constantFrom(
    "exists:%{i}.x.example",
    "exists:%{l1r+-}.%{d2}",
    "exists:%{z}",
    "a:%{h}",
    "exists:%",
  ),
  fc.constantFrom("ip4:203.0.113.0/24", "ip4:1.2.3.4/33", "ip6:2001:db8::/32", "ip6:::1", "ip4:x"),
  fc.string({ maxLength: 20 }),
);
const spfRecord = fc.array(term, { maxLength: 12 }).map((t) => ["v=spf1", ...t].join(" "));

function randomZone(records: string[]): Resolver {
  return zoneResolver({
    "corp.example": { TXT: records, MX: ["10 mx.corp.example"] },
    "x.example": { TXT: records.slice(0, 1), A: ["203.0.113.10"] },
    "loop.example": { TXT: ["v=spf1 include:loop.example -all"] },
    "mx.corp.example": { A: ["192.0.2.25"] },
  });
}

describe("fast-check: the checks never throw", () => {
  it("RFC 7208: any TXT records give one of the seven results, with the limits kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(spfRecord, fc.string({ maxLength: 300 })), { maxLength: 3 }),
        fc.ipV4(),
        fc.emailAddress(),
        (records, ip, sender) => {
          const r = checkSpf(
            { ip, sender, helo: "h.example", receiver: "mx.example" },
            randomZone(records),
          );
          expect(SPF_RESULTS).toContain(r.result);
          expect(r.lookups.count).toBeLessThanOrEqual(11);
          expect(r.lookups.void).toBeLessThanOrEqual(3);
          expect(r.explanation.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("RFC 6376: any DKIM-Signature and key record give a result per signature, never a throw", () => {
    const sig = fc.array(
      fc.oneof(
        fc.constantFrom(
          "v=1",
          "a=ed25519-sha256",
          "a=rsa-sha256",
          "c=relaxed/simple",
          "d=corp.example",
          "s=mail",
          "h=from:to",
          "bh=AAAA",
          "b=!!",
          "l=5",
          "x=1",
          "i=@corp.example",
        ),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 12 },
    );
    const keyTxt = fc.oneof(
      fc.constant(keyRecord(keyPairFromSeed(new Uint8Array(32)).publicKey)),
      fc.constantFrom("v=DKIM1; k=ed25519; p=", "v=DKIM1; p=AAAA", "k=ed25519; p=!!!", "v=DKIM2"),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(
        sig,
        keyTxt,
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }),
        (tags, key, body) => {
          const msg = [`DKIM-Signature: ${tags.join("; ")}`, "From: a@corp.example", "", ...body];
          const out = verifyMessage(
            msg,
            zoneResolver({ "mail._domainkey.corp.example": { TXT: [key] } }),
            { now: 0 },
          );
          expect(out).toHaveLength(1);
          expect(["pass", "fail", "neutral", "policy", "temperror", "permerror"]).toContain(
            out[0]!.result,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("sign then verify: any message signed by the relay verifies until it is changed", () => {
    const key = keyPairFromSeed(new Uint8Array(32).fill(9));
    const resolve = zoneResolver({
      "s._domainkey.corp.example": { TXT: [keyRecord(key.publicKey)] },
    });
    const line = fc.string({ maxLength: 50 }).map((s) => s.replace(/[\r\n]/g, ""));
    fc.assert(
      fc.property(line, fc.array(line, { maxLength: 6 }), (subject, body) => {
        const lines = ["From: a@corp.example", `Subject: ${subject}`, "", ...body];
        const s = signMessage(
          lines,
          { domain: "corp.example", selector: "s", secretKey: key.secretKey },
          { time: 0 },
        );
        expect(s.ok).toBe(true);
        if (!s.ok) return;
        expect(verifyMessage([...s.header, ...lines], resolve, { now: 0 })[0]!.result).toBe("pass");
        const changed = [...s.header, ...lines.slice(0, -1), `${lines[lines.length - 1]}!`];
        expect(verifyMessage(changed, resolve, { now: 0 })[0]!.result).toBe("fail");
      }),
      { numRuns: 60 },
    );
  });

  it("RFC 7489: any From header and DMARC record give a result", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 80 }), (from, record) => {
        const r = checkDmarc(
          {
            lines: [`From: ${from}`, "", "x"],
            spf: { result: "pass", domain: "corp.example" },
            dkim: [],
          },
          zoneResolver({ "_dmarc.corp.example": { TXT: [`v=DMARC1; ${record}`, record] } }),
        );
        expect(["pass", "fail", "none", "temperror", "permerror"]).toContain(r.result);
      }),
      { numRuns: 300 },
    );
  });

  it("the whole check on arbitrary lines, and a resolver that throws, still answers", () => {
    const throwing: Resolver = () => {
      throw new Error("boom");
    };
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 10 }),
        fc.string({ maxLength: 20 }),
        (lines, sender) => {
          const v = authenticateMessage(
            { ip: "203.0.113.10", helo: "x", sender, lines, receiver: "mx.example", now: 0 },
            throwing,
          );
          expect(["accept", "quarantine", "reject"]).toContain(v.action);
          expect(v.headers[0]).toMatch(/^Authentication-Results: mx\.example;/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("RFC 8601: parsing any header value never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => parseAuthenticationResults(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("world.updateDns takes any input without throwing", () => {
    const world = createWorld("spoofing");
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(() => world.updateDns(u as never)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
