import { get, type IncomingHttpHeaders } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportedRoutes, routeForFile } from "../../../scripts/lib/routes.mjs";
import { resolveFile, startStaticServer } from "../../../scripts/lib/static-server.mjs";

// A miniature export, laid out the way `next build` writes out/.
const root = mkdtempSync(path.join(tmpdir(), "relay-lab-out-"));
const files: Record<string, string> = {
  "index.html": "<h1>home</h1>",
  "404.html": "<h1>No such page here</h1>",
  "_not-found.html": "<h1>No such page here</h1>",
  "quiz.html": "<h1>quiz</h1>",
  "lessons/open-relay.html": "<h1>open relay</h1>",
  "docs/index.html": "<h1>docs</h1>",
  "_next/static/chunks/app.js": `console.log(${JSON.stringify("x".repeat(4000))});`,
  "icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
};
let origin = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), body);
  }
  writeFileSync(path.join(path.dirname(root), "secret.txt"), "outside the export");
  ({ origin, close } = await startStaticServer({ root }));
});

afterAll(async () => {
  await close();
  rmSync(root, { recursive: true, force: true });
  rmSync(path.join(path.dirname(root), "secret.txt"), { force: true });
});

describe("resolveFile", () => {
  it.each([
    ["/", "index.html"],
    ["/quiz", "quiz.html"],
    ["/quiz.html", "quiz.html"],
    ["/lessons/open-relay", "lessons/open-relay.html"],
    ["/docs/", "docs/index.html"],
    ["/docs", "docs/index.html"],
    ["/icon.svg", "icon.svg"],
  ])("maps %s to %s", async (url, file) => {
    expect(await resolveFile(root, url)).toBe(path.join(root, file));
  });

  it.each(["/nope", "/quiz/", "/../secret.txt", "/%2e%2e/secret.txt", "/a%00b", "/%E0%A4%A"])(
    "finds nothing for %s",
    async (url) => {
      expect(await resolveFile(root, url)).toBeNull();
    },
  );
});

describe("the static server", () => {
  it("serves a route with an HTML content type", async () => {
    const res = await fetch(`${origin}/quiz?x=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe("<h1>quiz</h1>");
  });

  it("answers unknown paths with 404.html and status 404", async () => {
    const res = await fetch(`${origin}/no/such/page`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No such page here");
  });

  it("never serves files outside the export", async () => {
    const res = await fetch(`${origin}/%2e%2e/secret.txt`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("outside the export");
  });

  it("gzips text when asked and caches hashed assets for a year", async () => {
    // node:http, because fetch would decompress the body before we could look at it.
    const { headers, body } = await new Promise<{
      headers: IncomingHttpHeaders;
      body: Buffer;
    }>((resolve, reject) => {
      get(
        `${origin}/_next/static/chunks/app.js`,
        { headers: { "accept-encoding": "gzip" } },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (chunk: Buffer) => parts.push(chunk));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
        },
      ).on("error", reject);
    });
    expect(headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(headers["cache-control"]).toContain("immutable");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(body.length).toBeLessThan(files["_next/static/chunks/app.js"]!.length);
    expect(gunzipSync(body).toString()).toBe(files["_next/static/chunks/app.js"]);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetch(`${origin}/`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(`${origin}/`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("route discovery", () => {
  it("turns export files into URL paths", () => {
    expect(routeForFile("index.html")).toBe("/");
    expect(routeForFile("quiz.html")).toBe("/quiz");
    expect(routeForFile("docs/index.html")).toBe("/docs/");
    expect(routeForFile("lessons/open-relay.html")).toBe("/lessons/open-relay");
  });

  it("lists every page but not the error pages or _next, home first", () => {
    expect(exportedRoutes(root).map((r) => r.route)).toEqual([
      "/",
      "/docs/",
      "/lessons/open-relay",
      "/quiz",
    ]);
  });

  it("is empty when there is no build", () => {
    expect(exportedRoutes(path.join(root, "missing"))).toEqual([]);
  });
});
