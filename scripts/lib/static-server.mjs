// A small static file server for the exported site in out/, on node:http only.
// It behaves like a static host: /x serves x.html, /x/ serves x/index.html, unknown paths get
// 404.html with status 404, hashed assets under /_next/static are cached for a year, and text
// responses are gzip-compressed when the client accepts it.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { SECURITY_HEADERS, cspFor } from "./security-headers.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg)/;

/** The content type for a file name, by extension; unknown types are sent as bytes. */
export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Which file under root answers a URL path, or null. Never resolves outside root.
 * @param {string} root absolute path of the export directory
 * @param {string} urlPath the path part of the request URL (no query)
 */
export async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const rel = path.posix.normalize(decoded).replace(/^\/+/, "");
  if (rel.startsWith("..")) return null;
  const base = path.join(root, rel);
  if (base !== root && !base.startsWith(root + path.sep)) return null;

  const candidates = decoded.endsWith("/")
    ? [path.join(base, "index.html")]
    : [base, `${base}.html`, path.join(base, "index.html")];
  for (const file of candidates) {
    if (await isFile(file)) return file;
  }
  return null;
}

/**
 * A static host answers "/quiz/" for an exported "quiz.html" by redirecting to "/quiz" (there
 * is no quiz/index.html). Returns the location to redirect to, or null.
 */
export async function trailingSlashRedirect(root, urlPath, search = "") {
  if (urlPath.length < 2 || !urlPath.endsWith("/")) return null;
  if ((await resolveFile(root, urlPath)) !== null) return null;
  const bare = urlPath.replace(/\/+$/, "");
  const file = await resolveFile(root, bare);
  return file !== null && file.endsWith(".html") ? bare + search : null;
}

function cacheControl(urlPath) {
  return urlPath.startsWith("/_next/static/")
    ? "public, max-age=31536000, immutable"
    : "public, max-age=0, must-revalidate";
}

/**
 * An http.Server serving root. Call .listen(port, host) on it. With `security`, every response
 * carries the headers of security-headers.mjs and a CSP (the page's own policy plus framing).
 * @param {{ root: string, log?: (line: string) => void, security?: boolean }} options
 */
export function createStaticServer({ root, log, security = false }) {
  const absRoot = path.resolve(root);
  const gzipCache = new Map();

  return createServer(async (req, res) => {
    const started = Date.now();
    let status = 500;
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        status = 405;
        res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
        res.end("Method not allowed\n");
        return;
      }
      const url = new URL(req.url ?? "/", "http://localhost");
      const urlPath = url.pathname;
      const location = await trailingSlashRedirect(absRoot, urlPath, url.search);
      if (location !== null) {
        status = 308;
        res.writeHead(308, {
          Location: location,
          "Content-Type": "text/plain; charset=utf-8",
          ...(security ? SECURITY_HEADERS : {}),
        });
        res.end(`Moved to ${location}\n`);
        return;
      }
      let file = await resolveFile(absRoot, urlPath);
      status = 200;
      if (file === null) {
        status = 404;
        file = path.join(absRoot, "404.html");
        if (!(await isFile(file))) {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
          res.end("Not found\n");
          return;
        }
      }
      const type = contentType(file);
      const { mtimeMs } = await stat(file);
      let body = await readFile(file);
      const headers = {
        "Content-Type": type,
        "Cache-Control": status === 200 ? cacheControl(urlPath) : "no-store",
        "X-Content-Type-Options": "nosniff",
        Vary: "Accept-Encoding",
      };
      if (security) {
        Object.assign(headers, SECURITY_HEADERS);
        headers["Content-Security-Policy"] = cspFor(body, type.startsWith("text/html"));
      }
      const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      if (acceptsGzip && COMPRESSIBLE.test(type) && body.length > 512) {
        let zipped = gzipCache.get(file);
        if (zipped === undefined || zipped.mtimeMs !== mtimeMs || zipped.size !== body.length) {
          zipped = { mtimeMs, size: body.length, data: gzipSync(body) };
          gzipCache.set(file, zipped);
        }
        body = zipped.data;
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      status = 500;
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal server error\n");
      log?.(`error: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      log?.(`${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    }
  });
}

/**
 * Start a server and resolve with its origin once it listens. Port 0 picks a free port.
 * @param {{ root: string, port?: number, host?: string, log?: (line: string) => void, security?: boolean }} options
 * @returns {Promise<{ server: import("node:http").Server, port: number, origin: string, close: () => Promise<void> }>}
 */
export function startStaticServer({ root, port = 0, host = "127.0.0.1", log, security = false }) {
  const server = createStaticServer({ root, log, security });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        server,
        port: actualPort,
        origin: `http://${shownHost}:${actualPort}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
