/**
 * Ed25519 (RFC 8032) for DKIM's ed25519-sha256 (RFC 8463), on @noble/curves and @noble/hashes:
 * pure and synchronous, so it runs the same in the browser and in Node.
 *
 * Signing and verifying are the library's group arithmetic composed as RFC 8032 5.1.6/5.1.7
 * describe, with the work that does not depend on the message done once and kept:
 * - the expanded secret of each signing key (a relay signs every message with one key);
 * - the decoded point of each public key with its own table of multiples (an MX verifies many
 *   messages against the same few keys), built by noble's `precompute`;
 * - a private copy of the base point with a wider table (window 8) than the one noble keeps on
 *   its shared `Point.BASE` (window 6): 33 additions per multiplication instead of 44, or 65 for
 *   noble's blinded one. A copy, so noble's own base point is left as it is.
 * Tests check every result against the RFC's vectors, the library's `ed25519.sign`/`verify`,
 * node:crypto, and (through DKIM) mailauth.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import {
  bytesToNumberLE as leInt,
  equalBytes,
  numberToBytesLE as leBytes,
} from "@noble/curves/utils.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex as hex, concatBytes as concat } from "@noble/hashes/utils.js";

const Point = ed25519.Point;
const N = Point.Fn.ORDER;
/** Expanded secrets kept (32 bytes each, plus the key's point). */
const SECRETS_LIMIT = 64;
/** Public keys kept with their tables (about 4,200 points each at window 8). */
const PUBLICS_LIMIT = 16;
/** Window of the base point's and of each public key's table: 2^7 points per 8 bits of scalar. */
const WINDOW = 8;

type ExtPoint = ReturnType<typeof Point.fromBytes>;

const secrets = new Map<string, ReturnType<typeof ed25519.utils.getExtendedPublicKey>>();
const publics = new Map<string, ExtPoint | null>();

function remember<V>(map: Map<string, V>, limit: number, key: string, value: V): V {
  if (map.size >= limit) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

function extended(secret: Uint8Array) {
  const k = hex(secret);
  return (
    secrets.get(k) ??
    remember(secrets, SECRETS_LIMIT, k, ed25519.utils.getExtendedPublicKey(secret))
  );
}

let base: ExtPoint | null = null;

/** The base point B with its window-8 table, built on first use (about 30 ms, 1 MB). */
function basePoint(): ExtPoint {
  base ??= Point.fromAffine(Point.BASE.toAffine()).precompute(WINDOW, false);
  return base;
}

/** A key pair from a 32-byte seed (the caller's seeded generator supplies it). */
export function keyPairFromSeed(seed: Uint8Array): {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
} {
  const secretKey = seed.slice(0, 32);
  return { secretKey, publicKey: extended(secretKey).pointBytes };
}

/** The public key of a 32-byte secret key. */
export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return extended(secretKey).pointBytes;
}

/**
 * RFC 8032 5.1.6: a deterministic 64-byte signature, the same bytes as `ed25519.sign`.
 *
 * R = [r]B uses noble's constant-time `multiply` (33 table additions and data-oblivious
 * lookups whatever the secret nonce r is, then both accumulators normalized), on the private
 * base point's wider table. noble's own `sign` also blinds r with 128 random bits, which it does
 * only on its shared `Point.BASE`; the blinding guards against power analysis, not timing, and
 * costs 65 additions instead of 33. Measured with R encoded (bundled, CPU time, medians):
 * this 142 µs, `multiplyUnsafe` on the same table 123 µs, the variable-time window-6 path used
 * before 147 µs, noble's blinded one 253 µs: too little gained to use a variable-time path
 * with a secret nonce, even with the lab's published demo keys.
 */
export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const { prefix, scalar, pointBytes } = extended(secretKey);
  const r = leInt(sha512(concat(prefix, message))) % N;
  // r = 0 has probability 2^-252; multiply() refuses it, and [0]B is the identity.
  const R = (r === 0n ? Point.ZERO : basePoint().multiply(r)).toBytes();
  const k = leInt(sha512(concat(R, pointBytes, message))) % N;
  const S = (r + k * scalar) % N;
  return concat(R, leBytes(S, 32));
}

function publicPoint(publicKey: Uint8Array): ExtPoint | null {
  const k = hex(publicKey);
  if (publics.has(k)) return publics.get(k)!;
  let p: ExtPoint | null = null;
  try {
    p = Point.fromBytes(publicKey, false);
    if (p.is0() || p.isSmallOrder()) p = null;
    else p.precompute(WINDOW, false);
  } catch {
    p = null;
  }
  return remember(publics, PUBLICS_LIMIT, k, p);
}

/** Whether 32 bytes decode to a usable Ed25519 public key. */
export function isValidPublicKey(publicKey: Uint8Array): boolean {
  return publicKey.length === 32 && publicPoint(publicKey) !== null;
}

/**
 * RFC 8032 5.1.7, cofactorless with strict encodings, as ref10 and OpenSSL check it: computes
 * [S]B - [k]A from the two tables and compares its encoding with R's bytes. That equals decoding
 * R (refused if not canonical or not on the curve) and comparing points, since only a canonical
 * encoding of a point can equal an encoding we make; it spares R's square root. Never throws.
 */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    if (signature.length !== 64 || publicKey.length !== 32) return false;
    const A = publicPoint(publicKey);
    if (!A) return false;
    const Rb = signature.subarray(0, 32);
    const S = leInt(signature.subarray(32));
    if (S >= N) return false;
    const k = leInt(sha512(concat(Rb, publicKey, message))) % N;
    // Both scalars are public, so the variable-time entry points are fine here.
    const check = basePoint().multiplyUnsafe(S).subtract(A.multiplyUnsafe(k));
    return equalBytes(check.toBytes(), Rb);
  } catch {
    return false;
  }
}
