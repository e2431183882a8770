/**
 * Base64 (RFC 4648) over UTF-8, written out because the pure layer has neither Buffer nor btoa.
 * `\0` in the input stands for a NUL byte, so AUTH PLAIN strings ("\0user\0password") can be built.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return bytes;
}

/** Decodes UTF-8; invalid sequences become U+FFFD. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0) {
      out += "\ufffd";
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 63);
    }
    if (!ok) {
      out += "\ufffd";
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Turns the escapes \0, \n, \t, \\ into the characters they name. */
export function unescapeText(text: string): string {
  return text.replace(/\\([0nt\\])/g, (_, c: string) =>
    c === "0" ? "\0" : c === "n" ? "\n" : c === "t" ? "\t" : "\\",
  );
}

/** Shows NUL and other control characters visibly, the way the escapes were typed. */
export function escapeControls(text: string): string {
  return text.replace(/[\0-\x08\x0b-\x1f\x7f]/g, (c) =>
    c === "\0" ? "\\0" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

export function encodeBase64(text: string): string {
  const bytes = utf8Encode(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? "=" : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? "=" : ALPHABET[n & 63]!;
  }
  return out;
}

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Decodes base64, ignoring whitespace; invalid characters are reported, never thrown. */
export function decodeBase64(input: string): Decoded {
  const clean = input.replace(/\s+/g, "");
  const body = clean.replace(/=+$/, "");
  if (clean.length - body.length > 2 || /[^A-Za-z0-9+/]/.test(body) || body.length % 4 === 1)
    return { ok: false, error: "invalid input" };
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of body) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return { ok: true, text: utf8Decode(bytes) };
}
