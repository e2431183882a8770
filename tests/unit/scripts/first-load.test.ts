import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  CRYPTO_MARKER,
  XTERM_MARKER,
  measurePage,
  scriptSources,
} from "../../../scripts/lib/first-load.mjs";

const root = mkdtempSync(path.join(tmpdir(), "relay-lab-size-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, body: string) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), body);
}

describe("scriptSources", () => {
  it("lists each <script src> once, in order, skipping nomodule polyfills and inline scripts", () => {
    const html = `<head><script>boot()</script>
      <script src="/_next/static/chunks/a.js" async=""></script>
      <script src="/_next/static/chunks/poly.js" noModule=""></script>
      <link rel="preload" as="script" href="/_next/static/chunks/c.js"/>
      <script async src="/_next/static/chunks/b.js"></script>
      <script src="/_next/static/chunks/a.js" async=""></script></head>`;
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
  });
});

describe("measurePage", () => {
  it("sums the gzip size of the referenced chunks and spots xterm by its own code", () => {
    const app = "console.log('app');".repeat(50);
    const term = `var t=document.createElement('textarea');t.className='${XTERM_MARKER}';`;
    const lazy = "import('./xterm-chunk.js') /* mentions xterm but is not xterm */";
    write("_next/static/chunks/app.js", app);
    write("_next/static/chunks/term.js", term);
    write("_next/static/chunks/lazy.js", lazy);
    write(
      "home.html",
      `<script src="/_next/static/chunks/app.js"></script><script src="/_next/static/chunks/lazy.js"></script>`,
    );
    write(
      "lab.html",
      `<script src="/_next/static/chunks/app.js"></script><script src="/_next/static/chunks/term.js"></script>`,
    );

    const home = measurePage(root, path.join(root, "home.html"));
    expect(home.xterm).toBe(false);
    expect(home.raw).toBe(app.length + lazy.length);
    expect(home.gzip).toBe(
      gzipSync(app, { level: 9 }).length + gzipSync(lazy, { level: 9 }).length,
    );

    const lab = measurePage(root, path.join(root, "lab.html"));
    expect(lab.xterm).toBe(true);
    expect(lab.chunks.map((c) => [c.src, c.xterm])).toEqual([
      ["/_next/static/chunks/app.js", false],
      ["/_next/static/chunks/term.js", true],
    ]);
  });

  it("spots SHA-2 code by its initial hash value, in hex or decimal, and nothing else", () => {
    write("_next/static/chunks/hex.js", "const IV=Uint32Array.from([0x6A09E667,0xbb67ae85]);");
    write("_next/static/chunks/dec.js", "var H=[1779033703,3144134277];");
    write("_next/static/chunks/plain.js", "var n=17790337030;var s='0x6a09e6670';");
    write("hashes.html", `<script src="/_next/static/chunks/hex.js"></script>`);
    write("plain.html", `<script src="/_next/static/chunks/plain.js"></script>`);

    expect(measurePage(root, path.join(root, "hashes.html")).crypto).toBe(true);
    expect(measurePage(root, path.join(root, "plain.html")).crypto).toBe(false);
    expect(CRYPTO_MARKER.test("var H=[1779033703,3144134277];")).toBe(true);
  });
});
