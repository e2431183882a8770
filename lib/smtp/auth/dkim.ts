/**
 * DKIM (RFC 6376) with ed25519-sha256 (RFC 8463): the sending domain's relay signs, the receiving
 * MX verifies. Keys live in DNS at `selector._domainkey.domain` as "v=DKIM1; k=ed25519; p=...",
 * where p= is the raw 32-byte public key in base64. Never throws.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { fromBase64, toBase64 } from "./base64";
import { canonBody, canonHeader, splitMessage, type Canon, type HeaderField } from "./canon";
import { normName, type Resolver } from "./dns";
import * as ed from "./ed25519";
import { parseTags } from "./tags";

export interface DkimSigningKey {
  domain: string;
  selector: string;
  /** The 32-byte Ed25519 secret key (its seed). */
  secretKey: Uint8Array;
}

export interface SignOptions {
  /** Signing time, seconds since the epoch (the world's clock): t=. */
  time: number;
  /** Header/body canonicalization; default relaxed/relaxed, as OpenDKIM admins usually set. */
  canon?: { header: Canon; body: Canon };
  /** Header fields to sign, if present; From is always signed. */
  headers?: readonly string[];
  /**
   * l=: sign only the first N bytes of the canonical body. RFC 6376 8.2 warns that anyone can
   * then append to the body; the lab offers it to show why.
   */
  bodyLength?: number;
}

export type SignResult = { ok: true; header: string[] } | { ok: false; error: string };

/** The headers OpenDKIM signs by default, less the ones the lab's messages never carry. */
export const DEFAULT_SIGNED_HEADERS = [
  "from",
  "reply-to",
  "subject",
  "date",
  "to",
  "cc",
  "message-id",
  "in-reply-to",
  "references",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
];

export type DkimResultCode = "pass" | "fail" | "neutral" | "policy" | "temperror" | "permerror";

/** One result per DKIM-Signature (RFC 8601 2.7.1). */
export interface DkimResult {
  result: DkimResultCode;
  /** d= (empty when the signature could not be read). */
  domain: string;
  /** s= */
  selector: string;
  /** a= */
  algorithm: string;
  /** i=, or "@" + d= by default. */
  identity: string;
  /** The first 8 characters of b= (RFC 6008 header.b), "" if none. */
  b: string;
  /** Why, in a few words (A-R comment): "body hash did not verify", "no key for signature". */
  reason: string;
  /** l=, when the signature covers only part of the body. */
  bodyLength: number | null;
}

const hashText = (s: string): Uint8Array => sha256(utf8ToBytes(s));

function selectHeaders(headers: readonly HeaderField[], names: readonly string[]): HeaderField[] {
  // RFC 6376 5.4.2: repeated names take instances from the bottom up; missing ones add nothing.
  const used = new Set<HeaderField>();
  const out: HeaderField[] = [];
  for (const n of names) {
    const key = n.trim().toLowerCase();
    for (let i = headers.length - 1; i >= 0; i--) {
      const h = headers[i]!;
      if (h.key === key && !used.has(h)) {
        used.add(h);
        out.push(h);
        break;
      }
    }
  }
  return out;
}

/** Removes the value of the b= tag, keeping "b=" (RFC 6376 3.5 b=, 3.7 step 2). */
function withoutB(raw: string): string {
  return raw.replace(/([;:][ \t\r\n]*b[ \t\r\n]*=)[^;]*/, "$1");
}

/** Folds "tag=value;" pieces onto lines of at most ~76 characters, long values split with FWS. */
function fold(first: string, tags: string[]): string[] {
  const lines = [first];
  for (const t of tags) {
    const last = lines[lines.length - 1]!;
    if (last.length + 1 + t.length <= 76) lines[lines.length - 1] = `${last} ${t}`;
    else if (t.length <= 72) lines.push(`\t${t}`);
    else for (let i = 0; i < t.length; i += 70) lines.push(`\t${t.slice(i, i + 70)}`);
  }
  return lines;
}

/** Signs a message; the returned header lines go on top of it. */
export function signMessage(
  lines: readonly string[],
  key: DkimSigningKey,
  options: SignOptions,
): SignResult {
  try {
    const { headers, body } = splitMessage(lines);
    if (!headers.some((h) => h.key === "from"))
      return { ok: false, error: "no From: header to sign (RFC 6376 5.4)" };
    const canon = options.canon ?? { header: "relaxed", body: "relaxed" };
    const wanted = options.headers ?? DEFAULT_SIGNED_HEADERS;
    const names = wanted.filter((n) => headers.some((h) => h.key === n.toLowerCase()));
    if (!names.includes("from")) names.unshift("from");
    let bodyBytes: Uint8Array = utf8ToBytes(canonBody(body, canon.body));
    const l = options.bodyLength;
    if (l !== undefined) bodyBytes = bodyBytes.subarray(0, Math.max(0, Math.floor(l)));
    const bh = toBase64(sha256(bodyBytes));
    const tagsNoB = [
      "v=1;",
      "a=ed25519-sha256;",
      `c=${canon.header}/${canon.body};`,
      `d=${key.domain};`,
      `s=${key.selector};`,
      `t=${Math.floor(options.time)};`,
      `h=${names.join(":")};`,
      ...(l !== undefined ? [`l=${bodyBytes.length};`] : []),
      `bh=${bh};`,
      "b=",
    ];
    // Lay the header out with a placeholder of b='s length (64 bytes = 88 base64 characters), so
    // the folding that is signed is the folding that is sent (it matters for c=simple).
    const layout = (b: string) => fold("DKIM-Signature:", tagsNoB.slice(0, -1).concat(`b=${b}`));
    const unsigned = withoutB(layout("A".repeat(88)).join("\r\n"));
    const data =
      selectHeaders(headers, names)
        .map((h) => canonHeader(h, canon.header))
        .join("") + canonHeader(unsigned, canon.header).slice(0, -2);
    const b = toBase64(ed.sign(hashText(data), key.secretKey));
    return { ok: true, header: layout(b) };
  } catch (e) {
    return { ok: false, error: `signing failed: ${String(e)}` };
  }
}

function result(code: DkimResultCode, reason: string, base: Partial<DkimResult> = {}): DkimResult {
  return {
    result: code,
    domain: base.domain ?? "",
    selector: base.selector ?? "",
    algorithm: base.algorithm ?? "",
    identity: base.identity ?? "",
    b: base.b ?? "",
    reason,
    bodyLength: base.bodyLength ?? null,
  };
}

export interface VerifyOptions {
  /** Verification time, seconds since the epoch, for x= (expiry). */
  now: number;
}

/** Verifies every DKIM-Signature, top first; [] when there is none (dkim=none). */
export function verifyMessage(
  lines: readonly string[],
  resolve: Resolver,
  options: VerifyOptions,
): DkimResult[] {
  let split;
  try {
    split = splitMessage(lines);
  } catch {
    return [];
  }
  const out: DkimResult[] = [];
  for (const sig of split.headers.filter((h) => h.key === "dkim-signature").slice(0, 5)) {
    try {
      out.push(verifyOne(sig, split.headers, split.body, resolve, options));
    } catch (e) {
      out.push(result("permerror", `verifier error: ${String(e)}`));
    }
  }
  return out;
}

const REQUIRED = ["v", "a", "b", "bh", "d", "h", "s"];

function verifyOne(
  sig: HeaderField,
  headers: readonly HeaderField[],
  body: readonly string[],
  resolve: Resolver,
  options: VerifyOptions,
): DkimResult {
  const parsed = parseTags(sig.raw.slice(sig.raw.indexOf(":") + 1));
  if (!parsed.ok) return result("permerror", `signature syntax error: ${parsed.error}`);
  const t = parsed.tags;
  const tag = (n: string): string => t.get(n) ?? "";
  const domain = normName(tag("d"));
  const base: Partial<DkimResult> = {
    domain,
    selector: tag("s"),
    algorithm: tag("a").toLowerCase(),
    identity: t.has("i") ? tag("i") : `@${domain}`,
    b: tag("b").replace(/\s+/g, "").slice(0, 8),
  };
  const missing = REQUIRED.filter((n) => !t.has(n));
  if (missing.length > 0)
    return result("permerror", `signature missing required tag ${missing[0]}=`, base);
  if (tag("v") !== "1")
    return result("permerror", `unsupported signature version v=${tag("v")}`, base);
  if (base.algorithm !== "ed25519-sha256")
    return result(
      "permerror",
      base.algorithm === "rsa-sha256" || base.algorithm === "rsa-sha1"
        ? `algorithm ${base.algorithm} is not verified in this lab (it signs with ed25519-sha256)`
        : `unknown algorithm a=${base.algorithm}`,
      base,
    );
  const canonTag = (t.get("c") ?? "simple/simple").toLowerCase().split("/");
  const hc = canonTag[0] ?? "simple";
  const bc = canonTag[1] ?? "simple";
  if ((hc !== "simple" && hc !== "relaxed") || (bc !== "simple" && bc !== "relaxed"))
    return result("permerror", `unknown canonicalization c=${tag("c")}`, base);
  const signed = tag("h")
    .split(":")
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== "");
  if (!signed.includes("from"))
    return result("permerror", "From: is not among the signed headers (h=)", base);
  const idDomain = base.identity!.slice(base.identity!.lastIndexOf("@") + 1).toLowerCase();
  if (idDomain !== domain && !idDomain.endsWith("." + domain))
    return result("permerror", `i= domain ${idDomain} is not d= or below it`, base);
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i.test(base.selector!) || domain === "")
    return result("permerror", "bad selector or domain", base);
  let bodyLength: number | null = null;
  if (t.has("l")) {
    if (!/^\d{1,76}$/.test(tag("l")))
      return result("permerror", `bad body length l=${tag("l")}`, base);
    bodyLength = Number(tag("l"));
    base.bodyLength = bodyLength;
  }
  if (t.has("x") && /^\d+$/.test(tag("x")) && Number(tag("x")) < options.now)
    return result("fail", "signature expired (x=)", base);

  // The key (RFC 6376 3.6.2, 6.1.2).
  const keyName = `${base.selector}._domainkey.${domain}`;
  const answer = resolve(keyName, "TXT");
  if (answer.status === "SERVFAIL")
    return result("temperror", `key lookup for ${keyName} failed (SERVFAIL)`, base);
  if (answer.answers.length === 0)
    return result("permerror", `no key for signature at ${keyName}`, base);
  const key = parseTags(answer.answers[0]!);
  if (!key.ok) return result("permerror", `key record syntax error: ${key.error}`, base);
  const kv = key.tags.get("v");
  if (kv !== undefined && kv !== "DKIM1")
    return result("permerror", `key record version v=${kv} is not DKIM1`, base);
  const k = (key.tags.get("k") ?? "rsa").toLowerCase();
  if (k !== "ed25519")
    return result("permerror", `key type k=${k} does not match a=ed25519-sha256`, base);
  const kh = key.tags.get("h");
  if (
    kh !== undefined &&
    !kh
      .toLowerCase()
      .split(":")
      .map((s) => s.trim())
      .includes("sha256")
  )
    return result("permerror", `key does not allow sha256 (h=${kh})`, base);
  if (
    (key.tags.get("t") ?? "")
      .split(":")
      .map((s) => s.trim())
      .includes("s") &&
    idDomain !== domain
  )
    return result("permerror", "key forbids subdomains in i= (t=s)", base);
  const p = key.tags.get("p");
  if (p === undefined) return result("permerror", "key record has no p= tag", base);
  if (p.replace(/\s+/g, "") === "") return result("fail", "key revoked (empty p=)", base);
  const pub = fromBase64(p);
  if (!pub) return result("permerror", "key p= is not valid base64", base);
  if (!ed.isValidPublicKey(pub))
    return result("permerror", `key p= is not a 32-byte Ed25519 public key`, base);

  // The body hash (RFC 6376 3.7 step 1).
  let bytes: Uint8Array = utf8ToBytes(canonBody(body, bc));
  if (bodyLength !== null) {
    if (bodyLength > bytes.length)
      return result("permerror", `l=${bodyLength} is longer than the body`, base);
    bytes = bytes.subarray(0, bodyLength);
  }
  const bh = fromBase64(tag("bh"));
  if (!bh) return result("permerror", "bh= is not valid base64", base);
  const computed = sha256(bytes);
  if (!equalBytes(bh, computed)) return result("fail", "body hash did not verify", base);

  // The signature over the signed headers and this header without b= (3.7 step 2).
  const data =
    selectHeaders(headers, signed)
      .map((h) => canonHeader(h, hc))
      .join("") + canonHeader(withoutB(sig.raw), hc).slice(0, -2);
  const b = fromBase64(tag("b"));
  if (!b) return result("permerror", "b= is not valid base64", base);
  if (!ed.verify(b, hashText(data), pub)) return result("fail", "signature did not verify", base);
  return result(
    "pass",
    bodyLength !== null ? `only the first ${bodyLength} bytes of the body are signed` : "",
    base,
  );
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/** The TXT record value that publishes a key: "v=DKIM1; k=ed25519; p=...". */
export function keyRecord(publicKey: Uint8Array): string {
  return `v=DKIM1; k=ed25519; p=${toBase64(publicKey)}`;
}

/** The 32 bytes behind a record's p=, or null. */
export function publicKeyFromRecord(record: string): Uint8Array | null {
  const t = parseTags(record);
  if (!t.ok) return null;
  const p = t.tags.get("p");
  return p ? fromBase64(p) : null;
}
