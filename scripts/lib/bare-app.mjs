// The bare Next.js app in scripts/bare-app: one page, built with the repository's own next/react
// to scripts/bare-app/out. `npm run lighthouse` and `npm run size` measure every route against it,
// so their figures are ratios that hold from one machine to another.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { REPO_ROOT } from "./paths.mjs";

const require = createRequire(import.meta.url);

export const BARE_APP_DIR = path.join(REPO_ROOT, "scripts", "bare-app");
export const BARE_OUT_DIR = path.join(BARE_APP_DIR, "out");
/** Written into the export: which versions and sources it was built from. */
const STAMP = path.join(BARE_OUT_DIR, "bare-stamp.json");

const version = (pkg) =>
  JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;

/** The versions the bare page is built with (the repository's installed ones). */
export function bareVersions() {
  return { next: version("next"), react: version("react"), reactDom: version("react-dom") };
}

/** A hash of the bare app's sources, so an edit to them rebuilds it. */
function sourceHash() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === "out" || entry.name === ".next") continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(`${path.relative(BARE_APP_DIR, file)}\0`).update(readFileSync(file));
    }
  };
  walk(BARE_APP_DIR);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Build the bare app (unless `reuse` and an export of the same versions and sources exists).
 * Its .next folder is removed afterwards: it holds generated .ts files the repository's
 * TypeScript project would otherwise pick up.
 * @param {{ reuse?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ outDir: string, versions: { next: string, react: string, reactDom: string }, built: boolean }}
 */
export function buildBareApp({ reuse = false, log } = {}) {
  const stamp = { versions: bareVersions(), sources: sourceHash() };
  if (reuse && existsSync(STAMP) && readFileSync(STAMP, "utf8") === JSON.stringify(stamp)) {
    return { outDir: BARE_OUT_DIR, versions: stamp.versions, built: false };
  }
  log?.(`Building the bare Next ${stamp.versions.next} page (scripts/bare-app)...`);
  const build = spawnSync(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "build", BARE_APP_DIR],
    {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  rmSync(path.join(BARE_APP_DIR, ".next"), { recursive: true, force: true });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error("the bare Next app (scripts/bare-app) did not build");
  }
  writeFileSync(STAMP, JSON.stringify(stamp));
  return { outDir: BARE_OUT_DIR, versions: stamp.versions, built: true };
}
