import { createPublicKey, verify as nodeVerify } from "node:crypto";
import fc from "fast-check";
import { ed25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import { isValidPublicKey, keyPairFromSeed, sign, verify } from "@/lib/smtp/auth/ed25519";

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));

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
          expect(verify(s2, m2, publicKey)).toBe(
            ed25519.verify(s2, m2, publicKey, { zip215: false }),
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

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
