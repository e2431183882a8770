/**
 * npm run bench: complete messages through the isp-relay scenario (client -> ISP relay -> MX ->
 * mailbox), measured on the wall clock. Not a test: it prints figures for the report.
 *
 * `npm run bench` first bundles this file with esbuild (ESM, one scope, as the browser's bundle
 * is) and runs the bundle with node. Run through tsx instead, the .ts files load as CommonJS and
 * every access to another module's export, noble's internal helpers included, becomes a getter
 * call: SHA-512 then runs about 15 times slower than in the browser, which distorts the "auth"
 * figures. `npx tsx --expose-gc scripts/bench.ts MODE` still works, for a quick look.
 *
 *   npm run bench                 10,000 messages with the full event log (default Node heap),
 *                                 then 100,000 messages with the event log capped at 10,000
 *                                 events, in a Node whose heap is capped at 300 MB
 *   npm run bench:build && node --expose-gc node_modules/.cache/bench/bench.mjs MODE
 *                                 one mode: full, capped, auth, or a number of messages
 *   (MODE = 5000)                 one run of 5,000 messages, full log
 *   (MODE = auth)                 10,000 messages with DKIM signing at the ISP relay
 *                                 and SPF + DKIM + DMARC checks at the MX, and 10,000 without,
 *                                 in the same process (the ratio is the cost of authentication)
 *
 * Why the cap for the long run: V8 lets garbage pile up while memory is free, so a sampled
 * heapUsed says more about GC timing than about the engine. With --max-old-space-size=300 the
 * 100k run must complete, which is the "stays under 300 MB" claim; each run also prints the
 * heap really in use after a full GC at the end.
 */
import { SCENARIOS } from "../content/scenarios";
import type { ScenarioInput } from "../content/scenarios/schema";
import { createWorld, type World } from "../lib/smtp";
import { keyPairFromSeed, sign, verify } from "../lib/smtp/auth/ed25519";

/**
 * isp-relay with email authentication on: the ISP relay signs you@isp.example's mail with an
 * Ed25519 key, and corp.example's MX checks SPF, DKIM and DMARC (all pass) before delivering.
 */
function authSpec(): ScenarioInput {
  const spec = structuredClone(SCENARIOS["isp-relay"]) as ScenarioInput;
  for (const h of spec.hosts) if (h.name === "mx.corp.example" && h.mta) h.mta.authChecks = true;
  spec.txt = [
    { name: "isp.example", value: "v=spf1 mx ip4:198.51.100.25 -all" },
    { name: "_dmarc.isp.example", value: "v=DMARC1; p=reject" },
  ];
  spec.dkimKeys = [
    {
      host: "mail.isp.example",
      domain: "isp.example",
      selector: "mail",
      seed: "bench",
      publish: true,
    },
  ];
  return spec;
}

interface Figures {
  messages: number;
  seconds: number;
  msgsPerSec: number;
  cpuSeconds: number;
  linesPerSec: number;
  peakHeapMB: number;
  /** Heap in use after a full GC at the end (mailboxes and the kept events). */
  liveHeapMB: number;
  events: number;
}

function sendOne(world: World, i: number): void {
  const s = world.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
  const lines = [
    "EHLO pc.home.example",
    "MAIL FROM:<you@isp.example>",
    "RCPT TO:<bob@corp.example>",
    "DATA",
    "From: You <you@isp.example>",
    "To: Bob <bob@corp.example>",
    `Subject: bench message ${i}`,
    "",
    "A line of text so the message has a body.",
    "..a dot-stuffed line",
    ".",
    "QUIT",
  ];
  for (const l of lines) s.send(l);
}

function run(messages: number, eventLimit?: number, auth = false): Figures {
  const built = createWorld(auth ? authSpec() : "isp-relay", { seed: 42, eventLimit });
  if (!built.ok) throw new Error(built.error);
  const world = built;
  let peak = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const batch = 100;
  for (let i = 0; i < messages; i++) {
    sendOne(world, i);
    if ((i + 1) % batch === 0 || i === messages - 1) {
      world.runUntilIdle();
      if ((i + 1) % (batch * 10) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of the whole process (main thread and GC helpers): a figure that other processes
  // competing for the two cores do not distort the way they distort wall time.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  // With --expose-gc (the npm script passes it), also report what is really kept alive.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const live = gc ? process.memoryUsage().heapUsed / 1048576 : NaN;
  const box = world.mailbox("bob@corp.example");
  if (box.length !== messages) throw new Error(`only ${box.length} of ${messages} delivered`);
  if (auth && !box.every((m) => m.includes("dkim=pass") && m.includes("dmarc=pass")))
    throw new Error("not every message passed DKIM and DMARC");
  // Lines on the wire per message, both directions, both hops (the relay's own dialogue with the
  // MX adds STARTTLS and a second EHLO): counted once from a small world's event log.
  const sample = createWorld("isp-relay", { seed: 1 });
  sendOne(sample, 0);
  sample.runUntilIdle();
  const linesPerMessage = sample
    .events()
    .filter((e) => e.type === "command" || e.type === "reply")
    .reduce((n, e) => n + (e.type === "reply" ? e.text.split("\r\n").length : 1), 0);
  return {
    messages,
    seconds,
    msgsPerSec: messages / seconds,
    cpuSeconds,
    linesPerSec: (linesPerMessage * messages) / seconds,
    peakHeapMB: peak / 1048576,
    liveHeapMB: live,
    events: world.events().length,
  };
}

/**
 * The floor under the "auth" figure: one Ed25519 signature and one verification, alone, as each
 * relayed message needs (DKIM signs the 32-byte SHA-256 of the signed headers), in CPU time.
 */
function cryptoFloor(rounds = 2000): { signUs: number; verifyUs: number } {
  const { secretKey, publicKey } = keyPairFromSeed(new Uint8Array(32).fill(42));
  const digest = new Uint8Array(32);
  const cpuUs = () => {
    const c = process.cpuUsage();
    return c.user + c.system;
  };
  let sig = sign(digest, secretKey);
  let t0 = cpuUs();
  for (let i = 0; i < rounds; i++) {
    digest[i % 32] = i & 255;
    sig = sign(digest, secretKey);
  }
  const signUs = (cpuUs() - t0) / rounds;
  let ok = 0;
  t0 = cpuUs();
  for (let i = 0; i < rounds; i++) if (verify(sig, digest, publicKey)) ok++;
  const verifyUs = (cpuUs() - t0) / rounds;
  if (ok !== rounds) throw new Error("a signature did not verify");
  return { signUs, verifyUs };
}

function print(label: string, f: Figures): void {
  console.log(
    `${label}: ${f.messages.toLocaleString("en")} messages in ${f.seconds.toFixed(2)} s = ` +
      `${Math.round(f.msgsPerSec).toLocaleString("en")} msgs/s ` +
      `(${Math.round(f.messages / f.cpuSeconds).toLocaleString("en")} per CPU-second), ` +
      `${Math.round(f.linesPerSec).toLocaleString("en")} SMTP lines/s, ` +
      `peak heap ${f.peakHeapMB.toFixed(0)} MB (live after GC ${f.liveHeapMB.toFixed(0)} MB), ` +
      `events kept ${f.events.toLocaleString("en")}`,
  );
}

const mode = process.argv[2] ?? "all";
const count = Number(mode);
if (Number.isFinite(count) && count > 0) {
  print("custom", run(count));
} else {
  if (mode === "all" || mode === "full") {
    run(500); // warm up the JIT
    print("10k, full event log", run(10_000));
  }
  if (mode === "all" || mode === "capped") {
    run(500);
    print("100k, event log capped at 10,000", run(100_000, 10_000));
  }
  if (mode === "all" || mode === "auth") {
    run(500);
    run(500, undefined, true);
    const plain = run(10_000, 10_000);
    const signed = run(10_000, 10_000, true);
    print("10k without authentication", plain);
    print("10k with DKIM signing + SPF/DKIM/DMARC checks", signed);
    console.log(
      `authentication costs ${(plain.msgsPerSec / signed.msgsPerSec).toFixed(2)}x the time per message ` +
        `(per CPU-second: ${Math.round(plain.messages / plain.cpuSeconds)} vs ${Math.round(signed.messages / signed.cpuSeconds)})`,
    );
    cryptoFloor(200); // warm up
    const floor = cryptoFloor();
    const perMessage = floor.signUs + floor.verifyUs;
    console.log(
      `crypto floor: Ed25519 sign ${floor.signUs.toFixed(0)} µs + verify ${floor.verifyUs.toFixed(0)} µs ` +
        `= ${perMessage.toFixed(0)} µs of CPU per message, at most ${Math.round(1e6 / perMessage).toLocaleString("en")} msgs/s ` +
        `from the signatures alone (plus ${Math.round((1e6 * plain.cpuSeconds) / plain.messages)} µs for the relaying itself)`,
    );
  }
}
