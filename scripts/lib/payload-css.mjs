// With `experimental.inlineCss`, Next puts the stylesheet in each page's <head> as
// <style data-href="…"> and then again, twice, as text rows of the inline React Server Components
// payload (the `self.__next_f.push([1, "…"])` scripts), where React reads it only to build that
// <style> if the document lacks one. It never does on the page that carries it: React adopts the
// existing element by its href. So those copies are bytes the browser downloads and parses and
// nothing uses (about 74 of a lesson's 101 kB of payload). This drops their text from the page's
// inline payload, leaving a one-line comment. The `.txt` payloads used for client-side
// navigation are not touched.

const STYLE = /<style data-precedence="[^"]*" data-href="([^"]+)">([\s\S]*?)<\/style>/g;
const PUSH = /<script>self\.__next_f\.push\((\[1,"(?:[^"\\]|\\.)*"\])\)<\/script>/g;
/** Row tags whose data is length-prefixed binary; a page that has any is left alone. */
const BINARY_TAGS = new Set("AOoUSsLlGgMmVb");
export const PLACEHOLDER = "/* in the page's <style data-href> */";

const utf8Length = (s) => Buffer.byteLength(s, "utf8");

/** Index in `s` after `bytes` UTF-8 bytes from `from`, or -1 if `s` ends first. */
function advanceBytes(s, from, bytes) {
  let i = from;
  let left = bytes;
  while (left > 0) {
    if (i >= s.length) return -1;
    const cp = s.codePointAt(i);
    left -= cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return left === 0 ? i : -1;
}

/**
 * The payload's text ("T") rows: id, where the row starts in `s` and [start, end) of its text;
 * null if the payload has a row this reader does not understand.
 */
function textRows(s) {
  const rows = [];
  let i = 0;
  while (i < s.length) {
    const head = /^([0-9a-f]*):/.exec(s.slice(i, i + 16));
    if (!head) return null;
    const at = i + head[0].length;
    const sized = /^([A-Za-z])([0-9a-f]+),/.exec(s.slice(at, at + 16));
    if (sized && sized[1] === "T") {
      const start = at + sized[0].length;
      const end = advanceBytes(s, start, parseInt(sized[2], 16));
      if (end < 0) return null;
      rows.push({ id: head[1], header: i, start, end });
      i = end;
    } else if (sized && BINARY_TAGS.has(sized[1])) {
      return null;
    } else {
      const nl = s.indexOf("\n", at);
      i = nl < 0 ? s.length : nl + 1;
    }
  }
  return rows;
}

/** HTML-safe JSON, as Next writes it into the page. */
const htmlSafeJson = (value) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** Returns the page with the stylesheet copies in its inline payload replaced by PLACEHOLDER. */
export function dropPayloadCss(html) {
  const sheets = new Set([...html.matchAll(STYLE)].map((m) => m[2]).filter((t) => t.length > 0));
  if (sheets.size === 0) return { html, dropped: 0 };
  const pushes = [...html.matchAll(PUSH)].map((m) => ({
    index: m.index,
    length: m[0].length,
    text: JSON.parse(m[1])[1],
  }));
  const joined = pushes.map((p) => p.text).join("");
  const rows = textRows(joined);
  if (!rows) return { html, dropped: 0 };
  // Where each push's text starts in `joined`, to edit rows that lie inside one push.
  let offset = 0;
  for (const p of pushes) {
    p.from = offset;
    offset += p.text.length;
    p.edits = [];
  }
  let dropped = 0;
  for (const row of rows) {
    if (!sheets.has(joined.slice(row.start, row.end))) continue;
    const owner = pushes.find((p) => p.from <= row.header && row.end <= p.from + p.text.length);
    if (!owner) continue;
    owner.edits.push(row);
    dropped++;
  }
  if (dropped === 0) return { html, dropped: 0 };
  let out = html;
  // From the last push back, so earlier indexes stay valid.
  for (const p of [...pushes].reverse()) {
    if (p.edits.length === 0) continue;
    let text = p.text;
    for (const row of [...p.edits].reverse()) {
      const replacement = `${row.id}:T${utf8Length(PLACEHOLDER).toString(16)},${PLACEHOLDER}`;
      text = text.slice(0, row.header - p.from) + replacement + text.slice(row.end - p.from);
    }
    const script = `<script>self.__next_f.push(${htmlSafeJson([1, text])})</script>`;
    out = out.slice(0, p.index) + script + out.slice(p.index + p.length);
  }
  return { html: out, dropped };
}
