import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

describe("scripts/e2e.mjs", () => {
  it("stops before building when there is no Chromium, and says how to install it", () => {
    const run = spawnSync(process.execPath, ["scripts/e2e.mjs"], {
      cwd: REPO_ROOT,
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("No Chromium found at CHROMIUM_PATH=/nonexistent/chromium");
    expect(run.stderr).toMatch(/apt-get install -y .*chromium/);
    expect(run.stdout).not.toContain("building");
  });
});
