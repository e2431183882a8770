/**
 * Message splitting and DKIM canonicalization (RFC 6376 3.4), shared by the signer and the
 * verifier. A message is its lines without line ends, as the engine stores them: header fields,
 * an empty line, the body.
 */
export type Canon = "simple" | "relaxed";

export interface HeaderField {
  /** The field name as written. */
  name: string;
  /** Lower-case name, for lookups. */
  key: string;
  /** The whole field, continuation lines included, joined with CRLF (no final CRLF). */
  raw: string;
}

export interface SplitMessage {
  headers: HeaderField[];
  /** Body lines; empty when the message has no body. */
  body: string[];
}

/** Header fields (continuation lines folded into their field) and body lines. */
export function splitMessage(lines: readonly string[]): SplitMessage {
  const headers: HeaderField[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") {
      i++;
      break;
    }
    if ((line.startsWith(" ") || line.startsWith("\t")) && headers.length > 0) {
      headers[headers.length - 1]!.raw += "\r\n" + line;
      continue;
    }
    const colon = line.indexOf(":");
    // A line that is not a field (no colon) ends the header, as most parsers treat it.
    if (colon <= 0 || /[\s]/.test(line.slice(0, colon).trimEnd())) break;
    const name = line.slice(0, colon).trimEnd();
    headers.push({ name, key: name.toLowerCase(), raw: line });
  }
  return { headers, body: lines.slice(i) };
}

/** The field's value: after the colon, unfolded (CRLFs removed, whitespace kept). */
export function fieldValue(field: HeaderField): string {
  return field.raw.slice(field.raw.indexOf(":") + 1).replace(/\r\n/g, "");
}

/** RFC 6376 3.4.1 / 3.4.2: one header field, with its CRLF. */
export function canonHeader(field: HeaderField | string, canon: Canon): string {
  const raw = typeof field === "string" ? field : field.raw;
  if (canon === "simple") return raw + "\r\n";
  const colon = raw.indexOf(":");
  const name = raw.slice(0, colon).trim().toLowerCase();
  const value = raw
    .slice(colon + 1)
    .replace(/\r\n/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
  return `${name}:${value}\r\n`;
}

/**
 * RFC 6376 3.4.3 / 3.4.4: the canonical body as one string. Simple: trailing empty lines go, an
 * empty body is one CRLF. Relaxed: trailing whitespace on each line goes, runs of whitespace
 * become one space, trailing empty lines go, an empty body is empty (erratum 1384).
 */
export function canonBody(body: readonly string[], canon: Canon): string {
  const lines =
    canon === "relaxed" ? body.map((l) => l.replace(/[ \t]+/g, " ").replace(/ $/, "")) : body;
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  if (end === 0) return canon === "simple" ? "\r\n" : "";
  let out = "";
  for (let i = 0; i < end; i++) out += lines[i] + "\r\n";
  return out;
}
