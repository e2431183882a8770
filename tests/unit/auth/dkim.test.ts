import { describe, expect, it } from "vitest";
import {
  keyPairFromSeed,
  keyRecord,
  signMessage,
  verifyMessage,
  zoneResolver,
  type Canon,
} from "@/lib/smtp/auth";
import { oracleDkim } from "./oracle";

const KEY = keyPairFromSeed(new Uint8Array(32).fill(7));
const SIGNER = { domain: "corp.example", selector: "mail", secretKey: KEY.secretKey };
const ZONE = { "mail._domainkey.corp.example": { TXT: [keyRecord(KEY.publicKey)] } };
const resolve = zoneResolver(ZONE);
const NOW = 1_764_320_400;

const MESSAGE = [
  "From: Alice Example <alice@corp.example>",
  "To: carol@partner.example",
  "Subject:  Quarterly   figures ",
  "Date: Sat, 28 Nov 2026 09:00:00 +0000",
  "Message-ID: <1@corp.example>",
  "",
  "Hello Carol,  ",
  "",
  "\tthe figures are attached.",
  "",
  "",
];

function signed(canon?: { header: Canon; body: Canon }, lines = MESSAGE): string[] {
  const s = signMessage(lines, SIGNER, { time: NOW, canon });
  if (!s.ok) throw new Error(s.error);
  return [...s.header, ...lines];
}

describe("RFC 6376 + RFC 8463: ed25519-sha256 signatures", () => {
  const canons: Array<[Canon, Canon]> = [
    ["relaxed", "relaxed"],
    ["relaxed", "simple"],
    ["simple", "relaxed"],
    ["simple", "simple"],
  ];
  for (const [h, b] of canons) {
    it(`c=${h}/${b}: our verifier and mailauth both pass the signature`, async () => {
      const msg = signed({ header: h, body: b });
      expect(verifyMessage(msg, resolve, { now: NOW }).map((r) => r.result)).toEqual(["pass"]);
      expect((await oracleDkim(msg, resolve)).map((r) => r.result)).toEqual(["pass"]);
    });
  }

  it("3.5: the header carries v, a, c, d, s, t, h, bh and b, with From signed", () => {
    const head = signed().slice(0, 5).join("\r\n");
    expect(head).toMatch(
      /^DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed\/relaxed; d=corp\.example;/,
    );
    expect(head).toMatch(/h=from:subject:date:to:message-id;/);
    expect(head).toMatch(/t=1764320400;/);
  });

  it("3.4.4: relaxed survives whitespace changes a relay might make", async () => {
    const msg = signed().map((l) => (l === "Hello Carol,  " ? "Hello   Carol," : l));
    expect(verifyMessage(msg, resolve, { now: NOW })[0]!.result).toBe("pass");
    expect((await oracleDkim(msg, resolve))[0]!.result).toBe("pass");
  });

  it("unsigned headers added on the way (Received:) do not break it", async () => {
    const msg = ["Received: from x by y; Sat, 28 Nov 2026 09:00:00 +0000", ...signed()];
    expect(verifyMessage(msg, resolve, { now: NOW })[0]!.result).toBe("pass");
    expect((await oracleDkim(msg, resolve))[0]!.result).toBe("pass");
  });
});

describe("RFC 6376 6.1: verification failures give the RFC's result and say why", () => {
  it("3.7 step 1: a modified body fails with 'body hash did not verify'", async () => {
    const msg = signed().map((l) => (l === "\tthe figures are attached." ? "\tsend money." : l));
    const [r] = verifyMessage(msg, resolve, { now: NOW });
    expect(r).toMatchObject({ result: "fail", reason: "body hash did not verify" });
    expect((await oracleDkim(msg, resolve))[0]!.result).not.toBe("pass");
  });

  it("3.7 step 2: a modified signed header fails with 'signature did not verify'", async () => {
    const msg = signed().map((l) =>
      l.startsWith("Subject:") ? "Subject: [list] Quarterly figures" : l,
    );
    const [r] = verifyMessage(msg, resolve, { now: NOW });
    expect(r).toMatchObject({ result: "fail", reason: "signature did not verify" });
    expect((await oracleDkim(msg, resolve))[0]!.result).toBe("fail");
  });

  it("5.4.2: a second From added above the signed one is what the verifier signs, so it fails", () => {
    const msg = signed();
    const i = msg.findIndex((l) => l.startsWith("From:"));
    const forged = [...msg.slice(0, i + 1), "From: ceo@corp.example", ...msg.slice(i + 1)];
    expect(verifyMessage(forged, resolve, { now: NOW })[0]!.result).toBe("fail");
  });

  it("6.1.2: no key record is a permerror", () => {
    const [r] = verifyMessage(signed(), zoneResolver({}), { now: NOW });
    expect(r).toMatchObject({ result: "permerror" });
    expect(r!.reason).toMatch(/no key for signature at mail\._domainkey\.corp\.example/);
  });

  it("3.6.1: an empty p= means the key was revoked: fail", () => {
    const z = zoneResolver({ "mail._domainkey.corp.example": { TXT: ["v=DKIM1; k=ed25519; p="] } });
    expect(verifyMessage(signed(), z, { now: NOW })[0]).toMatchObject({
      result: "fail",
      reason: "key revoked (empty p=)",
    });
  });

  it("3.6.1: p= that is not base64, or not an Ed25519 key, is a permerror", () => {
    for (const p of ["not*base64!", "AAAA", "QUJD"]) {
      const z = zoneResolver({
        "mail._domainkey.corp.example": { TXT: [`v=DKIM1; k=ed25519; p=${p}`] },
      });
      expect(verifyMessage(signed(), z, { now: NOW })[0]!.result).toBe("permerror");
    }
  });

  it("3.6.1: a key of another type (k=rsa, the default) is a permerror", () => {
    const z = zoneResolver({
      "mail._domainkey.corp.example": {
        TXT: [`v=DKIM1; p=${keyRecord(KEY.publicKey).split("p=")[1]}`],
      },
    });
    expect(verifyMessage(signed(), z, { now: NOW })[0]!.reason).toMatch(/key type k=rsa/);
  });

  it("a key lookup that fails (SERVFAIL) is a temperror", () => {
    const z = () => ({ status: "SERVFAIL" as const, answers: [] });
    expect(verifyMessage(signed(), z, { now: NOW })[0]!.result).toBe("temperror");
  });

  it("3.5 x=: an expired signature fails", () => {
    const msg = signed().map((l) => l.replace("t=1764320400;", "t=1764320400; x=1764320500;"));
    expect(verifyMessage(msg, resolve, { now: NOW + 1000 })[0]).toMatchObject({
      result: "fail",
      reason: "signature expired (x=)",
    });
  });

  it("3.5 l=: only the first l bytes are hashed (8.2: so text appended later still passes)", async () => {
    const s = signMessage(MESSAGE, SIGNER, { time: NOW, bodyLength: 20 });
    if (!s.ok) throw new Error(s.error);
    const appended = [...s.header, ...MESSAGE.slice(0, -2), "P.S. pay the new account."];
    const [r] = verifyMessage(appended, resolve, { now: NOW });
    expect(r).toMatchObject({ result: "pass", bodyLength: 20 });
    expect(r!.reason).toBe("only the first 20 bytes of the body are signed");
    expect((await oracleDkim(appended, resolve))[0]!.result).toBe("pass");
    const tooLong = appended.map((l) => l.replace("l=20;", "l=99999;"));
    expect(verifyMessage(tooLong, resolve, { now: NOW })[0]).toMatchObject({
      result: "permerror",
      reason: "l=99999 is longer than the body",
    });
  });

  it("3.5: a signature without required tags, or with From unsigned, is a permerror", () => {
    const msg = signed();
    const n = msg.findIndex((l, i) => i > 0 && !l.startsWith("\t"));
    const head = msg.slice(0, n).join("\r\n");
    const noBh = [...head.replace(/\s*bh=[^;]*;/, "").split("\r\n"), ...msg.slice(n)];
    expect(verifyMessage(noBh, resolve, { now: NOW })[0]!.reason).toMatch(
      /missing required tag bh=/,
    );
    const noFrom = msg.map((l) => l.replace("h=from:", "h="));
    expect(verifyMessage(noFrom, resolve, { now: NOW })[0]!.result).toBe("permerror");
    const garbage = ["DKIM-Signature: this is ; not = a ;; tag list", ...MESSAGE];
    expect(verifyMessage(garbage, resolve, { now: NOW })[0]!.result).toBe("permerror");
  });

  it("no signature at all is dkim=none: an empty list", () => {
    expect(verifyMessage(MESSAGE, resolve, { now: NOW })).toEqual([]);
  });

  it("signing refuses a message without From (RFC 6376 5.4: From must be signed)", () => {
    expect(signMessage(["To: a@b.example", "", "x"], SIGNER, { time: NOW }).ok).toBe(false);
  });
});
