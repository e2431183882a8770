/** What the analyser accepts, and the clear message for what it does not. */

/** Header sections above this are refused: real ones are rarely above 100 kB. */
export const MAX_HEADER_CHARS = 1_000_000;
/** Above this the page analyses in a Web Worker so typing and scrolling stay smooth. */
export const WORKER_THRESHOLD_CHARS = 64_000;

export type Prepared = { ok: true; headerBlock: string } | { ok: false; error: string };

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]{1,100}[ \t]*:/;

function looksBinary(sample: string): boolean {
  if (sample.includes("\u0000")) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return odd > sample.length * 0.02;
}

function size(chars: number): string {
  return chars >= 1_000_000
    ? `${(chars / 1_000_000).toFixed(1)} MB`
    : `${Math.ceil(chars / 1000)} kB`;
}

/**
 * Checks pasted text or a file's text and cuts out the header section (everything before the
 * first blank line). The body is never parsed: only headers are analysed.
 */
export function prepareInput(text: string): Prepared {
  if (!text.trim())
    return {
      ok: false,
      error: "Nothing to analyse yet: paste a message's headers or choose an .eml file.",
    };
  if (looksBinary(text.slice(0, 65_536)))
    return {
      ok: false,
      error:
        "This looks like binary data, not an e-mail message. Save the message as .eml (plain text) or copy its headers, then try again.",
    };
  let s = text.replace(/^\uFEFF/, "").replace(/^(?:[ \t]*\r?\n)+/, "");
  // An mbox file starts with a "From sender date" separator line, which is not a header.
  if (/^From [^\s:][^\r\n]*\r?\n/.test(s)) s = s.slice(s.indexOf("\n") + 1);
  const blank = /\r?\n[ \t]*\r?\n/.exec(s);
  const block = (blank ? s.slice(0, blank.index) : s).replace(/^[ \t]+/, "");
  if (block.length > MAX_HEADER_CHARS)
    return {
      ok: false,
      error: `The header section is ${size(block.length)}; real headers are rarely above 100 kB, and this page reads at most ${size(MAX_HEADER_CHARS)}. Check that the text has a blank line between headers and body, or paste only the headers.`,
    };
  if (!HEADER_LINE.test(block))
    return {
      ok: false,
      error:
        'No headers found. Headers are lines like "Received: from …" or "From: …" at the very top of a message: in Gmail use "Show original", in Outlook "View message source" or File › Properties › Internet headers.',
    };
  return { ok: true, headerBlock: block };
}
