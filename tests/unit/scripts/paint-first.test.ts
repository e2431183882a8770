import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measurePage } from "../../../scripts/lib/first-load.mjs";
import { deferredSources, paintFirst } from "../../../scripts/lib/paint-first.mjs";

const page = [
  "<!DOCTYPE html><html><head>",
  '<link rel="preload" as="script" fetchPriority="low" href="/c/late.js"/>',
  '<link rel="manifest" href="/manifest.webmanifest"/>',
  '<script src="/c/react.js" async=""></script><script src="/c/app.js" async=""></script>',
  '<script src="/c/polyfill.js" noModule=""></script><script>self.__next_f=[]</script>',
  "</head><body><p>Prose that needs no script.</p>",
  '<script src="/c/late.js" async=""></script></body></html>',
].join("");

describe("scripts/lib/paint-first.mjs", () => {
  const { html, scripts } = paintFirst(page);

  it("takes every async chunk and script preload out of the page, once each", () => {
    expect(scripts).toBe(3);
    expect(html).not.toMatch(/<script src="[^"]+" async/);
    expect(html).not.toContain('<link rel="preload"');
    expect(deferredSources(html)).toEqual(["/c/react.js", "/c/app.js", "/c/late.js"]);
  });

  it("keeps a preload of a chunk the page does not run a preload, fetched after the paint too", () => {
    const only = page.replace('<script src="/c/late.js" async=""></script>', "");
    const out = paintFirst(only).html;
    expect(deferredSources(out)).toEqual(["/c/react.js", "/c/app.js"]);
    expect(out).toContain('["/c/late.js"].forEach(function(s){add(s,"preload")})');
    expect(out).not.toContain('<link rel="preload"');
  });

  it("keeps the inline bootstrap and the nomodule polyfill where they were, and the prose first", () => {
    expect(html).toContain('<script src="/c/polyfill.js" noModule=""></script>');
    expect(html.indexOf("self.__next_f")).toBeLessThan(html.indexOf("<p>"));
    expect(html.indexOf("<p>")).toBeLessThan(html.indexOf("relaylab:paint-first"));
    expect(html.endsWith("</script></body></html>")).toBe(true);
  });

  it("adds the manifest link after the paint too, so its fetches do not race the page", () => {
    expect(html).not.toContain('<link rel="manifest"');
    expect(html).toContain('["/manifest.webmanifest"].forEach(function(s){add(s,"manifest")})');
  });

  it("starts on the first contentful paint entry, with a frame where paint entries are unsupported", () => {
    expect(html).toContain('.observe({type:"paint",buffered:true})');
    expect(html).toContain('e.name==="first-contentful-paint"');
    expect(html).toMatch(/else requestAnimationFrame\(function\(\)\{setTimeout\(load,0\)\}\)/);
    expect(html).toMatch(/setTimeout\(load,1000\)\}\)\(\)<\/script>/);
  });

  it("runs in a browser-like page: the scripts, preload and manifest land in <head> once, one per task", () => {
    const added: { tag: string; rel?: string; src?: string; href?: string }[] = [];
    let observed: ((list: { getEntries(): { name: string }[] }) => void) | undefined;
    const doc = {
      createElement: (tag: string) => ({ tag }) as (typeof added)[number],
      head: { appendChild: (e: (typeof added)[number]) => added.push(e) },
    };
    class Observer {
      static supportedEntryTypes = ["paint"];
      constructor(cb: typeof observed) {
        observed = cb;
      }
      observe() {}
    }
    const timers: (() => void)[] = [];
    const code = /<script>(\/\*relaylab:paint-first\*\/[\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    new Function("self", "document", "setTimeout", "requestAnimationFrame", code)(
      { PerformanceObserver: Observer },
      doc,
      (f: () => void) => timers.push(f),
      () => {
        throw new Error("a frame is not what it waits for here");
      },
    );
    expect(added).toEqual([]);
    observed!({ getEntries: () => [{ name: "first-paint" }] });
    expect(added).toEqual([]);
    observed!({ getEntries: () => [{ name: "first-contentful-paint" }] });
    expect(added).toEqual([]);
    // Each element is appended by a task of its own (the 1 s fallback timer adds none again).
    while (timers.length > 0) {
      const before = added.length;
      timers.shift()!();
      expect(added.length - before).toBeLessThanOrEqual(1);
    }
    expect(added.map((e) => e.src ?? `${e.rel}:${e.href}`)).toEqual([
      "/c/react.js",
      "/c/app.js",
      "/c/late.js",
      "manifest:/manifest.webmanifest",
    ]);
  });

  it("changes nothing on a second run, or on a page without async chunks", () => {
    expect(paintFirst(html)).toEqual({ html, scripts: 0 });
    const bare = "<html><head></head><body><p>x</p></body></html>";
    expect(paintFirst(bare)).toEqual({ html: bare, scripts: 0 });
    expect(deferredSources(bare)).toEqual([]);
  });

  describe("first-load JS still counts the deferred chunks", () => {
    const root = mkdtempSync(path.join(tmpdir(), "relay-lab-paint-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    it("sums the chunks the loader fetches and skips the polyfill", () => {
      mkdirSync(path.join(root, "c"));
      for (const name of ["react", "app", "late", "polyfill"])
        writeFileSync(path.join(root, "c", `${name}.js`), `/* ${name} */`.padEnd(100, " "));
      writeFileSync(path.join(root, "index.html"), html);
      const m = measurePage(root, path.join(root, "index.html"));
      expect(m.chunks.map((c) => c.src).sort()).toEqual(["/c/app.js", "/c/late.js", "/c/react.js"]);
      expect(m.raw).toBe(300);
    });
  });
});
