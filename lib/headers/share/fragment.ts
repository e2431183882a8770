/**
 * Headers in a URL fragment ("#h=..."), compressed with deflate-raw and base64url-encoded, so a
 * worked example can be linked without uploading anything: browsers never send the fragment to
 * the server. Uses the platform's CompressionStream (no library).
 */

const KEY = "h";
/** Decompressed text above this is refused (a crafted link must not exhaust memory). */
const MAX_TEXT_BYTES = 2_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment (without "#") that reproduces these headers. */
export async function encodeFragment(text: string): Promise<string> {
  const packed = await pipe(
    new TextEncoder().encode(text),
    new CompressionStream("deflate-raw"),
    Infinity,
  );
  return `${KEY}=${toBase64Url(packed)}`;
}

export type FragmentResult = { ok: true; text: string } | { ok: false; error: string } | null;

/** Reads "#h=..." back; null when the fragment holds no headers, an error when it is damaged. */
export async function decodeFragment(hash: string): Promise<FragmentResult> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const value = params.get(KEY);
  if (value === null) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(value))
    return {
      ok: false,
      error:
        "This link's headers are damaged (it contains characters a shared link never has). Ask for the link again, or paste the headers instead.",
    };
  try {
    const bytes = await pipe(
      fromBase64Url(value),
      new DecompressionStream("deflate-raw"),
      MAX_TEXT_BYTES,
    );
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch (e) {
    return {
      ok: false,
      error:
        e instanceof Error && e.message === "too large"
          ? "This link's headers are larger than 2 MB when unpacked, so they were not opened."
          : "This link's headers could not be unpacked: the link was probably cut short when it was copied. Ask for the link again, or paste the headers instead.",
    };
  }
}
