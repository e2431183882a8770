#!/usr/bin/env node
// `npm start`: serve the static export in out/ (build it first with `npm run build`).
// PORT (default 3000) and HOST (default 127.0.0.1; 0.0.0.0 to reach it from other machines)
// choose where it listens.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startStaticServer } from "./lib/static-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "out");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || "127.0.0.1";
const quiet = process.env.SERVE_QUIET === "1";

if (!existsSync(path.join(root, "index.html"))) {
  console.error(`No static build in ${root}. Run \`npm run build\` first, then \`npm start\`.`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

try {
  const { port: actualPort, close } = await startStaticServer({
    root,
    port,
    host,
    // CSP (with frame-ancestors 'none'), Referrer-Policy, Permissions-Policy: see security-headers.mjs
    security: true,
    log: quiet ? undefined : (line) => console.log(line),
  });
  const local = ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"].includes(host);
  const shown = local ? "localhost" : host.includes(":") ? `[${host}]` : host;
  console.log(`Relay Lab: serving out/ at http://${shown}:${actualPort}/ (Ctrl+C to stop)`);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
} catch (error) {
  const code = error && typeof error === "object" && "code" in error ? error.code : "";
  if (code === "EADDRINUSE") {
    console.error(`Port ${port} on ${host} is already in use. Try PORT=3001 npm start.`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
