import { describe, expect, it } from "vitest";
import { PLACEHOLDER, dropPayloadCss } from "../../../scripts/lib/payload-css.mjs";

/** A push script as Next writes it: HTML-safe JSON. */
const push = (text: string) =>
  `<script>self.__next_f.push(${JSON.stringify([1, text]).replace(/</g, "\\u003c")})</script>`;
const row = (id: string, text: string) => `${id}:T${Buffer.byteLength(text).toString(16)},${text}`;
const texts = (html: string) =>
  [...html.matchAll(/<script>self\.__next_f\.push\((\[1,.*?\])\)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!)[1] as string,
  );

// Multi-byte characters, so a row's length (in UTF-8 bytes) differs from its string length.
const CSS = '.a{color:red}.b::before{content:"✓ → 📬"}\n.c{margin:0}';
const style = `<style data-precedence="next" data-href="/_next/static/chunks/x.css">${CSS}</style>`;
const tree = `0:["$","style","0",{"precedence":"next","href":"/_next/static/chunks/x.css","children":"$2"}]\n`;
const page = (...pushes: string[]) =>
  `<html><head>${style}</head><body><p>x</p>${pushes.join("")}</body></html>`;

describe("dropPayloadCss", () => {
  const html = page(
    push(`1:"$Sreact.fragment"\n${row("2", CSS)}${tree}`),
    push(
      `3:["$","p",null,{"children":"<b> & 1"}]\n${row("26", CSS)}${row("27", "keep ✓")}4:null\n`,
    ),
  );
  const { html: slim, dropped } = dropPayloadCss(html);

  it("replaces every copy of the page's stylesheet in the payload with a short comment", () => {
    expect(dropped).toBe(2);
    const [first, second] = texts(slim);
    expect(first).toBe(`1:"$Sreact.fragment"\n${row("2", PLACEHOLDER)}${tree}`);
    expect(second).toBe(
      `3:["$","p",null,{"children":"<b> & 1"}]\n${row("26", PLACEHOLDER)}${row("27", "keep ✓")}4:null\n`,
    );
  });

  it("keeps the <style> itself, the rest of the page and Next's HTML-safe escaping", () => {
    expect(slim).toContain(style);
    expect(slim).toContain("<p>x</p>");
    expect(slim).not.toMatch(/push\([^)]*<b>/);
    expect(slim).toContain("\\u003cb\\u003e \\u0026 1");
  });

  it("changes nothing on a second run", () => {
    expect(dropPayloadCss(slim)).toEqual({ html: slim, dropped: 0 });
  });

  it("leaves a page alone when a row is one it cannot read, or there is no stylesheet", () => {
    const binary = page(push(`${row("2", CSS)}5:V4,abcd6:null\n`));
    expect(dropPayloadCss(binary).dropped).toBe(0);
    const noStyle = html.replace(style, "");
    expect(dropPayloadCss(noStyle)).toEqual({ html: noStyle, dropped: 0 });
  });

  it("keeps a text row that is not the stylesheet, and one split across two pushes", () => {
    const other = page(push(row("2", ".z{}")));
    expect(dropPayloadCss(other).dropped).toBe(0);
    const full = row("2", CSS);
    const split = page(push(full.slice(0, 20)), push(full.slice(20) + tree));
    expect(dropPayloadCss(split).dropped).toBe(0);
  });
});
