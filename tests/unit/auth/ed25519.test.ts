import {
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
} from "node:crypto";
import fc from "fast-check";
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { isValidPublicKey, keyPairFromSeed, sign, verify } from "@/lib/smtp/auth/ed25519";

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const N = ed25519.Point.Fn.ORDER;
const le = (n: bigint) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
};
const leInt = (b: Uint8Array) => b.reduceRight((n, x) => (n << 8n) | BigInt(x), 0n);

/** node:crypto's private key from a 32-byte seed (PKCS#8, RFC 8410). */
function nodePrivate(seed: Uint8Array) {
  return createPrivateKey({
    key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), Buffer.from(seed)]),
    format: "der",
    type: "pkcs8",
  });
}

/** node:crypto wants an SPKI wrapper around the raw 32-byte key (RFC 8410). */
function nodeKey(pub: Uint8Array) {
  return createPublicKey({
    key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(pub)]),
    format: "der",
    type: "spki",
  });
}

describe("RFC 8032 7.1 test vectors", () => {
  it("TEST 1: the empty message", () => {
    const { secretKey, publicKey } = keyPairFromSeed(
      hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
    );
    expect(Buffer.from(publicKey).toString("hex")).toBe(
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    );
    const sig = sign(new Uint8Array(0), secretKey);
    expect(Buffer.from(sig).toString("hex")).toBe(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155" +
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
    expect(verify(sig, new Uint8Array(0), publicKey)).toBe(true);
  });

  it("TEST 2: one byte", () => {
    const { secretKey } = keyPairFromSeed(
      hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"),
    );
    expect(Buffer.from(sign(hex("72"), secretKey)).toString("hex")).toBe(
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da" +
        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    );
  });
});

describe("RFC 8032 7.1 TEST 3", () => {
  it("two bytes", () => {
    const { secretKey, publicKey } = keyPairFromSeed(
      hex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"),
    );
    expect(Buffer.from(publicKey).toString("hex")).toBe(
      "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    );
    const sig = sign(hex("af82"), secretKey);
    expect(Buffer.from(sig).toString("hex")).toBe(
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac" +
        "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    );
    expect(verify(sig, hex("af82"), publicKey)).toBe(true);
    expect(verify(sig, hex("af83"), publicKey)).toBe(false);
  });
});

describe("agrees with @noble/curves and node:crypto", () => {
  it("signs exactly as the library does, and node:crypto accepts every signature", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        (seed, msg) => {
          const { secretKey, publicKey } = keyPairFromSeed(seed);
          const sig = sign(msg, secretKey);
          expect(Buffer.from(sig)).toEqual(Buffer.from(ed25519.sign(msg, secretKey)));
          expect(Buffer.from(sig)).toEqual(nodeSign(null, msg, nodePrivate(seed)));
          expect(nodeVerify(null, msg, nodeKey(publicKey), sig)).toBe(true);
          expect(verify(sig, msg, publicKey)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it("verifies as the library does on tampered signatures and messages", () => {
    const { secretKey, publicKey } = keyPairFromSeed(new Uint8Array(32).fill(5));
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.nat({ max: 63 }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        (msg, at, xor, tamperMessage) => {
          const sig = sign(msg, secretKey);
          const s2 = sig.slice();
          const m2 = msg.slice();
          if (tamperMessage && m2.length > 0) m2[at % m2.length]! ^= xor;
          else s2[at]! ^= xor;
          const ours = verify(s2, m2, publicKey);
          expect(ours).toBe(ed25519.verify(s2, m2, publicKey, { zip215: false }));
          expect(ours).toBe(nodeVerify(null, m2, nodeKey(publicKey), s2));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("decides crafted edge cases as node:crypto (OpenSSL) does: canonical R only, S < L, no torsion", () => {
    // With a known secret scalar a, S = k*a makes [S]B - [k]A the identity for any R bytes, so
    // each case below is valid except for the one thing it probes.
    const seed = new Uint8Array(32).fill(9);
    const { secretKey, publicKey } = keyPairFromSeed(seed);
    const a = ed25519.utils.getExtendedPublicKey(secretKey).scalar;
    const msg = new Uint8Array([1, 2, 3]);
    const forge = (R: Uint8Array, addToS = 0n) => {
      const k = leInt(sha512(Uint8Array.from([...R, ...publicKey, ...msg]))) % N;
      return Uint8Array.from([...R, ...le(((k * a) % N) + addToS)]);
    };
    const p = 2n ** 255n - 19n;
    const cases: Array<[string, Uint8Array, boolean]> = [
      ["R = the identity, canonical", forge(le(1n)), true],
      ["R = the identity encoded with y = p + 1 (not canonical)", forge(le(p + 1n)), false],
      ["R = the identity with the x sign bit set (x = 0)", forge(le(1n | (1n << 255n))), false],
      ["R = (0, -1), a point of order 2 (cofactorless check fails)", forge(le(p - 1n)), false],
      ["S + L (not reduced)", forge(le(1n), N), false],
    ];
    for (const [what, sig, want] of cases) {
      expect(verify(sig, msg, publicKey), what).toBe(want);
      expect(nodeVerify(null, msg, nodeKey(publicKey), sig), what).toBe(want);
    }
  });

  it("rejects malformed keys and signatures without throwing", () => {
    expect(isValidPublicKey(new Uint8Array(31))).toBe(false);
    expect(isValidPublicKey(new Uint8Array(32))).toBe(false); // the identity: small order
    expect(verify(new Uint8Array(10), new Uint8Array(1), new Uint8Array(32))).toBe(false);
    expect(
      verify(
        new Uint8Array(64).fill(255),
        new Uint8Array(1),
        keyPairFromSeed(new Uint8Array(32)).publicKey,
      ),
    ).toBe(false);
  });
});
