/**
 * Splits a TCP byte stream into SMTP lines. A line ends at LF, with or without the CR before
 * it (Postfix accepts a bare LF too). Lines longer than RFC 5321's 1000 octets (998 plus CRLF)
 * are refused before they are buffered, so a client cannot make the bridge hold more.
 * The text is decoded as UTF-8 per line (LF never occurs inside a UTF-8 sequence).
 */
import { MAX_LINE_OCTETS } from "@/lib/bridge/protocol";

export type FramerResult = { ok: true; lines: string[] } | { ok: false; lines: string[] };

const LF = 10;
const CR = 13;

export class LineFramer {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(private readonly maxOctets = MAX_LINE_OCTETS) {}

  /**
   * Feed the next chunk. Returns the complete lines (without CR/LF); `ok: false` means a line
   * went over the limit: the lines before it are still returned, and nothing after it is read.
   */
  push(chunk: Uint8Array): FramerResult {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, start);
      if (lf === -1) break;
      const line = this.take(chunk.subarray(start, lf));
      if (line === null) return { ok: false, lines };
      lines.push(line);
      start = lf + 1;
    }
    const rest = chunk.subarray(start);
    // One octet more than the limit may be the CR of a CRLF split across chunks.
    if (this.pendingLength + rest.length > this.maxOctets + 1) return { ok: false, lines };
    if (rest.length > 0) {
      this.pending.push(rest.slice());
      this.pendingLength += rest.length;
    }
    return { ok: true, lines };
  }

  /** Drop a partial line (after STARTTLS, RFC 3207 5: nothing sent in plaintext carries over). */
  reset(): void {
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Bytes of a line still waiting for its LF. */
  get buffered(): number {
    return this.pendingLength;
  }

  private take(tail: Uint8Array): string | null {
    let bytes = tail;
    if (this.pendingLength > 0) {
      bytes = new Uint8Array(this.pendingLength + tail.length);
      let at = 0;
      for (const p of this.pending) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(tail, at);
      this.reset();
    }
    const end =
      bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    if (end > this.maxOctets) return null;
    return this.decoder.decode(bytes.subarray(0, end));
  }
}
