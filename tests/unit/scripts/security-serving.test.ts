import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer, trailingSlashRedirect } from "../../../scripts/lib/static-server.mjs";
import { pinScripts } from "../../../scripts/csp.mjs";

const LAYOUT_META =
  '<meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;; script-src &#x27;self&#x27; &#x27;unsafe-inline&#x27;; object-src &#x27;none&#x27;"/>';
const page = (body: string) =>
  `<html><head>${LAYOUT_META}<script>boot()</script></head><body>${body}<script src="/a.js"></script><script>self.__next_f.push([1])</script></body></html>`;
const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("scripts/csp.mjs pinScripts", () => {
  it("puts a policy allowing exactly the page's inline scripts in front of the layout's", () => {
    const { html, hashes } = pinScripts(page("<h1>x</h1>"));
    expect(hashes).toBe(2);
    const pinned = /data-pinned="" content="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(pinned).toBe(
      `default-src 'self'; script-src 'self' ${sha("boot()")} ${sha("self.__next_f.push([1])")}; object-src 'none'`,
    );
    expect(html.indexOf("data-pinned")).toBeLessThan(html.indexOf(LAYOUT_META));
    expect(html).toContain(LAYOUT_META); // React matches the layout's meta when it hydrates
    expect(pinScripts(html).html).toBe(html); // a second run changes nothing
  });
  it("leaves a page without the layout's policy alone", () => {
    const html = "<html><head><script>x()</script></head></html>";
    expect(pinScripts(html)).toEqual({ html, hashes: 0 });
  });
});

const root = mkdtempSync(path.join(tmpdir(), "relay-lab-sec-"));
let origin = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const files: Record<string, string> = {
    "index.html": pinScripts(page("<h1>home</h1>")).html,
    "quiz.html": "<h1>quiz</h1>",
    "lessons.html": "<h1>lessons</h1>",
    "lessons/open-relays.html": "<h1>open relays</h1>",
    "docs/index.html": "<h1>docs</h1>",
    "404.html": "<h1>404</h1>",
  };
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), body);
  }
  ({ origin, close } = await startStaticServer({ root, security: true }));
});
afterAll(async () => {
  await close();
  rmSync(root, { recursive: true, force: true });
});

describe("npm start serves like a static host, with security headers", () => {
  it("redirects /quiz/ and /lessons/ to the page without the slash, keeping the query", async () => {
    for (const [from, to] of [
      ["/quiz/", "/quiz"],
      ["/lessons/?a=1", "/lessons?a=1"],
    ]) {
      const res = await fetch(`${origin}${from}`, { redirect: "manual" });
      expect(res.status, from).toBe(308);
      expect(res.headers.get("location")).toBe(to);
    }
    expect(await trailingSlashRedirect(root, "/docs/")).toBeNull(); // docs/index.html exists
    expect(await trailingSlashRedirect(root, "/nope/")).toBeNull();
    expect((await fetch(`${origin}/nope/`, { redirect: "manual" })).status).toBe(404);
  });
  it("sends the page's pinned CSP with frame-ancestors, and the other headers", async () => {
    const res = await fetch(`${origin}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(sha("boot()"));
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toMatch(/; frame-ancestors 'none'$/);
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("geolocation=()");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
  it("a page without a policy of its own gets the default one", async () => {
    const res = await fetch(`${origin}/quiz`);
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });
});
