#!/usr/bin/env node
// `npm run test:e2e`: build the static site, serve out/ on a free 127.0.0.1 port, and run the
// Playwright specs in tests/e2e against it with Debian's Chromium. Exits with Playwright's code.
//   E2E_SKIP_BUILD=1   reuse the existing out/ (fails if there is none)
//   CHROMIUM_PATH=...  use another Chromium binary (default /usr/bin/chromium)
// Extra arguments go to `playwright test`, e.g. `npm run test:e2e -- tests/e2e/lab.spec.ts --grep terminal`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { requireChromium } from "./lib/chromium.mjs";
import { OUT_DIR, REPO_ROOT } from "./lib/paths.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

/** Run a command with inherited output; resolve with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const require = createRequire(import.meta.url);

const chromium = requireChromium();

if (process.env.E2E_SKIP_BUILD === "1") {
  if (!existsSync(path.join(OUT_DIR, "index.html"))) {
    console.error("E2E_SKIP_BUILD=1 but there is no out/index.html: run `npm run build` first.");
    process.exit(1);
  }
  console.log("e2e: reusing out/ (E2E_SKIP_BUILD=1)");
} else {
  console.log("e2e: building the static export (set E2E_SKIP_BUILD=1 to reuse out/)");
  // The very export `npm run build` makes (Next, then paint-first, the CSP and the service
  // worker), so the specs test what a learner gets; a separate list of steps here once missed one.
  const code = await run("npm", ["run", "build"]);
  if (code !== 0) {
    console.error(`e2e: npm run build failed with exit code ${code}`);
    process.exit(code);
  }
}

// With the security headers npm start sends, so the specs see the site's real CSP.
const { origin, close } = await startStaticServer({
  root: OUT_DIR,
  host: "127.0.0.1",
  security: true,
});
console.log(`e2e: serving out/ at ${origin}`);

const playwrightCli = require.resolve("@playwright/test/cli");
let code = 1;
try {
  code = await run(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], {
    ...process.env,
    E2E_BASE_URL: origin,
    CHROMIUM_PATH: chromium,
  });
} finally {
  await close();
}
process.exit(code);
