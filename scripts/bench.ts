/**
 * npm run bench: complete messages through the isp-relay scenario (client -> ISP relay -> MX ->
 * mailbox), measured on the wall clock. Not a test: it prints figures for the report.
 *
 *   npm run bench                 10,000 messages with the full event log, then
 *                                 100,000 messages with the event log capped at 10,000 events
 *   npm run bench -- 5000         one run of 5,000 messages, full log
 */
import { createWorld, type World } from "../lib/smtp";

interface Figures {
  messages: number;
  seconds: number;
  msgsPerSec: number;
  linesPerSec: number;
  peakHeapMB: number;
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

function run(messages: number, eventLimit?: number): Figures {
  const world = createWorld("isp-relay", { seed: 42, eventLimit });
  let peak = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const batch = 100;
  for (let i = 0; i < messages; i++) {
    sendOne(world, i);
    if ((i + 1) % batch === 0 || i === messages - 1) {
      world.runUntilIdle();
      if ((i + 1) % (batch * 10) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const delivered = world.mailbox("bob@corp.example").length;
  if (delivered !== messages) throw new Error(`only ${delivered} of ${messages} delivered`);
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
    linesPerSec: (linesPerMessage * messages) / seconds,
    peakHeapMB: peak / 1048576,
    events: world.events().length,
  };
}

function print(label: string, f: Figures): void {
  console.log(
    `${label}: ${f.messages.toLocaleString("en")} messages in ${f.seconds.toFixed(2)} s = ` +
      `${Math.round(f.msgsPerSec).toLocaleString("en")} msgs/s, ` +
      `${Math.round(f.linesPerSec).toLocaleString("en")} SMTP lines/s, ` +
      `peak heap ${f.peakHeapMB.toFixed(0)} MB, events kept ${f.events.toLocaleString("en")}`,
  );
}

const arg = Number(process.argv[2]);
if (Number.isFinite(arg) && arg > 0) {
  print("custom", run(arg));
} else {
  run(500); // warm up the JIT
  print("10k, full event log", run(10_000));
  print("100k, event log capped at 10,000", run(100_000, 10_000));
}
