// Load on the bridge (not a test; prints figures): `npm run bridge:load`
//   C connections at once (default 50), each an SMTP connection sending M messages (default 20)
//   with nodemailer to the port-25 listener, into the isp-relay world of a lab tab in Chromium.
//   Counts what arrived in Bob's mailbox in the page's world (must be all: 0 lost), and prints
//   messages/s and the p50/p95 time per message (sendMail call to its 250).
//   Baseline, same run: the same load against a tab played in Node (lib/bridge/tab.ts around a
//   world, no browser), so the figure for the browser reads as a ratio.
// Needs a static build in out/ (`npm run build`). Options: --connections C --messages M.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nodemailer from "nodemailer";
import { chromium } from "playwright-core";
import { WebSocket } from "ws";
import { parseToTab, PROTOCOL_VERSION } from "@/lib/bridge/protocol";
import { TabBridge } from "@/lib/bridge/tab";
import { createWorld } from "@/lib/smtp";
import { makeCertificate, type Pem } from "@/bridge/cert";
import { startBridge, type Bridge } from "@/bridge/server";
import { CHROMIUM_FLAGS, requireChromium } from "./lib/chromium.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

const OUT_DIR = fileURLToPath(new URL("../out", import.meta.url));

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONNECTIONS = arg("--connections", 50);
const MESSAGES = arg("--messages", 20);
const TOTAL = CONNECTIONS * MESSAGES;

const pct = (list: number[], p: number): number => {
  const s = [...list].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

async function bridgeOn(origin: string, pem: Pem): Promise<Bridge> {
  return startBridge({
    host: "127.0.0.1",
    ports: { smtp: 0, submission: 0, submissions: 0, ws: 0 },
    origins: [origin],
    maxConnections: CONNECTIONS + 10,
    idleTimeoutMs: 300_000,
    replyTimeoutMs: 300_000,
    tls: pem,
  });
}

/** C connections at once, each sending M messages in turn; times per message and in all. */
async function load(bridge: Bridge, label: string) {
  const times: number[] = [];
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      // A pool of one connection that sends all M messages: one SMTP session per client.
      const t = nodemailer.createTransport({
        pool: true,
        maxConnections: 1,
        maxMessages: MESSAGES,
        host: "127.0.0.1",
        port: bridge.ports.smtp,
        ignoreTLS: true,
        socketTimeout: 300_000,
        greetingTimeout: 300_000,
      });
      for (let m = 0; m < MESSAGES; m++) {
        const t0 = performance.now();
        try {
          await t.sendMail({
            from: "you@isp.example",
            to: "bob@corp.example",
            subject: `load ${label} c${c} m${m}`,
            text: `Message ${m} of connection ${c}.\n.dot line\nThe end.`,
          });
          times.push(performance.now() - t0);
        } catch (e) {
          failed++;
          if (failed <= 3) console.error(`${label}: c${c} m${m}: ${String(e)}`);
        }
      }
      t.close();
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    rate: times.length / seconds,
    p50: pct(times, 50),
    p95: pct(times, 95),
    failed,
  };
}

async function nodeTab(bridge: Bridge, origin: string) {
  const world = createWorld("isp-relay");
  const tab = new TabBridge(() => world);
  const ws = new WebSocket(`ws://127.0.0.1:${bridge.ports.ws}`, { origin });
  ws.on("message", (data) => {
    const msg = parseToTab(String(data));
    if (msg) for (const out of tab.handle(msg)) ws.send(JSON.stringify(out));
  });
  await new Promise((r) => ws.once("open", r));
  ws.send(JSON.stringify({ type: "attach", version: PROTOCOL_VERSION, scenario: "isp-relay" }));
  while (!bridge.tabConnected()) await new Promise((r) => setTimeout(r, 10));
  return { world, close: () => ws.close() };
}

const line = (name: string, r: Awaited<ReturnType<typeof load>>, arrived: number) =>
  `${name}: ${TOTAL} messages on ${CONNECTIONS} connections in ${r.seconds.toFixed(2)} s = ` +
  `${r.rate.toFixed(0)} msgs/s; per message p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms; ` +
  `arrived ${arrived}, lost ${TOTAL - arrived}, client errors ${r.failed}`;

async function main() {
  if (!existsSync(path.join(OUT_DIR, "lab.html"))) {
    console.error("No static build of /lab in out/. Run `npm run build` first.");
    process.exit(1);
  }
  const pem = await makeCertificate();
  const { origin, close } = await startStaticServer({ root: OUT_DIR, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: CHROMIUM_FLAGS,
  });
  let lost = 0;
  try {
    // Baseline: a tab played in Node.
    const b0 = await bridgeOn(origin, pem);
    const node = await nodeTab(b0, origin);
    const base = await load(b0, "node");
    const baseArrived = node.world.mailbox("bob@corp.example").length;
    node.close();
    await b0.close();

    // The real thing: the lab in Chromium.
    const b1 = await bridgeOn(origin, pem);
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      reducedMotion: "reduce",
    });
    await page.goto(`${origin}/lab?scenario=isp-relay&bridge=${b1.ports.ws}`, {
      waitUntil: "load",
    });
    await page.getByTestId("bridge-status").getByText("Connected").waitFor({ timeout: 60_000 });
    const real = await load(b1, "chromium");
    const count = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __relayLab: { world: { mailbox(a: string): string[] } };
            }
          ).__relayLab.world.mailbox("bob@corp.example").length,
      );
    const arrived = await count();
    // The mailbox list in the page shows the same count.
    await page
      .getByRole("button", { name: `bob@corp.example (${arrived})` })
      .waitFor({ timeout: 60_000 });
    await b1.close();
    lost = TOTAL - arrived + (TOTAL - baseArrived);

    console.log(`bridge load (${new Date().toISOString()}, ${CONNECTIONS} x ${MESSAGES})`);
    console.log(line("baseline, tab played in Node", base, baseArrived));
    console.log(line("lab tab in Chromium         ", real, arrived));
    console.log(
      `ratio Chromium / Node: throughput ${(real.rate / base.rate).toFixed(2)}x, ` +
        `p95 ${(real.p95 / base.p95).toFixed(2)}x`,
    );
  } finally {
    await browser.close();
    await close();
  }
  if (lost !== 0) process.exitCode = 1;
}

void main();
