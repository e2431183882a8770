import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isLoopback, parseCli } from "@/bridge/cli";
import { DEFAULT_ORIGINS, DEFAULT_PORTS } from "@/bridge/server";

describe("npm run bridge flags", () => {
  it("defaults to 127.0.0.1, 2525/2587/2465, the app's origins and Postfix's 300 s timeout", () => {
    const r = parseCli([]);
    expect(r).toMatchObject({
      ok: true,
      options: {
        host: "127.0.0.1",
        ports: DEFAULT_PORTS,
        origins: DEFAULT_ORIGINS,
        maxConnections: 100,
        idleTimeoutMs: 300_000,
      },
    });
    expect(DEFAULT_PORTS).toMatchObject({ smtp: 2525, submission: 2587, submissions: 2465 });
    expect(DEFAULT_ORIGINS).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
  });

  it("takes ports, origins and limits", () => {
    const r = parseCli([
      "--smtp-port",
      "0",
      "--submission-port=3587",
      "--origin",
      "http://localhost:3001",
      "--origin",
      "http://127.0.0.1:3001",
      "--max-connections",
      "5",
      "--idle-timeout",
      "20",
    ]);
    expect(r).toMatchObject({
      ok: true,
      options: {
        ports: { smtp: 0, submission: 3587, submissions: 2465 },
        origins: ["http://localhost:3001", "http://127.0.0.1:3001"],
        maxConnections: 5,
        idleTimeoutMs: 20_000,
      },
    });
  });

  it("says what is wrong with a bad flag", () => {
    expect(parseCli(["--smtp-port", "70000"])).toEqual({
      ok: false,
      error: '--smtp-port must be a port number from 0 to 65535, got "70000"',
    });
    expect(parseCli(["--origin", "localhost:3000"])).toMatchObject({ ok: false });
    expect(parseCli(["--max-connections", "0"])).toMatchObject({ ok: false });
    expect(parseCli(["--bogus"])).toMatchObject({
      ok: false,
      error: expect.stringContaining("--bogus"),
    });
    expect(parseCli(["--help"])).toEqual({ ok: "help" });
  });

  it("knows loopback addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "localhost", "::1"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "192.168.1.5", "::"].some(isLoopback)).toBe(false);
  });

  it("starts, prints its ports, and warns when bound beyond loopback", async () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const child = spawn(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "bridge/cli.ts",
        "--host",
        "0.0.0.0",
        "--smtp-port",
        "0",
        "--submission-port",
        "0",
        "--submissions-port",
        "0",
        "--ws-port",
        "0",
      ],
      { cwd: root },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    try {
      for (let i = 0; i < 3000 && !out.includes("Ctrl+C stops"); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(out).toMatch(/WARNING: the SMTP listeners are bound to 0\.0\.0\.0, not 127\.0\.0\.1/);
      expect(out).toMatch(/SMTP {9}0\.0\.0\.0:\d+ +-> the world's port 25/);
      expect(out).toMatch(/lab tab {6}ws:\/\/127\.0\.0\.1:\d+/);
    } finally {
      child.kill("SIGTERM");
    }
  }, 40_000);
});
