// Where Debian's Chromium is, and the flags it needs on a machine without a display or network.
import { accessSync, constants } from "node:fs";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Flags for headless runs; the background-networking ones keep Chromium off the (closed) network. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export const INSTALL_HINT =
  "Install it with `apt-get update && apt-get install -y --no-install-recommends chromium`, " +
  "or point CHROMIUM_PATH at a Chromium or Chrome binary. (`npx playwright install` cannot download browsers here.)";

/** The Chromium executable to use: $CHROMIUM_PATH, else /usr/bin/chromium; null if it is not there. */
export function findChromium(env = process.env) {
  const candidate = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

/** The Chromium path, or exit the process with a message that says how to install it. */
export function requireChromium(env = process.env) {
  const found = findChromium(env);
  if (found === null) {
    const where = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH}` : DEFAULT_CHROMIUM;
    console.error(`No Chromium found at ${where}.\n${INSTALL_HINT}`);
    process.exit(1);
  }
  return found;
}
