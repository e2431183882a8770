#!/usr/bin/env node
// Measures the terminal's heavy paths in Chromium (prints figures; not a test):
//   node scripts/measure-terminal.mjs [--sessions 500] [--lines 10000]
//   1. a paste of N whole SMTP sessions: the longest main-thread task while the lab works through
//      it (PerformanceObserver "longtask"), against the same text fed to the shell in one call
//      (what the page did before input was sliced), measured in the same run;
//   2. opening the mailbox those sessions filled: click to the list painted, and the rows in the DOM;
//   3. the JS heap (after a forced GC) as 10,000 lines are typed into an SMTP session, to show it
//      stays flat once the lab's event log (a ring) is full.
// Needs a static build in out/ (`npm run build`).
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, requireChromium } from "./lib/chromium.mjs";
import { OUT_DIR } from "./lib/paths.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SESSIONS = arg("--sessions", 500);
const LINES = arg("--lines", 10_000);

if (!existsSync(path.join(OUT_DIR, "lab.html"))) {
  console.error("No static build of /lab in out/. Run `npm run build` first.");
  process.exit(1);
}

const ms = (n) => `${n.toFixed(0)} ms`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

function sessions(n, tag) {
  let text = "";
  for (let i = 1; i <= n; i++) {
    text +=
      "telnet mail.isp.example 25\rEHLO pc.home.example\rMAIL FROM:<you@isp.example>\r" +
      `RCPT TO:<bob@corp.example>\rDATA\rSubject: ${tag} ${i} of ${n}\r\rHello Bob.\r.\rQUIT\r`;
  }
  return text;
}

async function openLab(page, origin) {
  await page.goto(`${origin}/lab?scenario=isp-relay`, { waitUntil: "networkidle" });
  // The lab opens xterm when the learner reaches for the terminal.
  await page.click("[data-testid=terminal-box]");
  await page.waitForFunction(
    () => document.querySelector(".xterm-rows")?.textContent?.includes("$"),
    null,
    { timeout: 60_000 },
  );
  await page.click(".xterm");
}

const delivered = (page) =>
  page.evaluate(() => window.__relayLab.world.mailbox("bob@corp.example").length);

const { origin, close } = await startStaticServer({ root: OUT_DIR, host: "127.0.0.1" });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });

  // --- 1a. baseline: the whole paste handed to the shell in one call ---------------------------
  await openLab(page, origin);
  const oneCall = await page.evaluate(
    (text) => {
      const t0 = performance.now();
      window.__relayLab.shell.input(text);
      return performance.now() - t0;
    },
    sessions(SESSIONS, "baseline"),
  );
  const baselineDelivered = await delivered(page);

  // --- 1b. the real paste through xterm, sliced by the component -------------------------------
  await openLab(page, origin);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  const t0 = Date.now();
  // A real paste: a ClipboardEvent on xterm's textarea, which xterm turns into one onData call.
  await page.evaluate(
    (text) => {
      const dt = new DataTransfer();
      dt.setData("text/plain", text);
      document
        .querySelector(".xterm-helper-textarea")
        .dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
        );
    },
    sessions(SESSIONS, "paste"),
  );
  await page.waitForFunction(
    (n) => window.__relayLab.world.mailbox("bob@corp.example").length >= n,
    SESSIONS,
    { timeout: 300_000, polling: 250 },
  );
  const pasteSeconds = (Date.now() - t0) / 1000;
  await page.waitForTimeout(500); // let the last slice's long-task entry arrive
  const tasks = await page.evaluate(() => window.__tasks);

  // --- 2. open the mailbox of SESSIONS messages ------------------------------------------------
  const open = await page.evaluate(async () => {
    const button = [...document.querySelectorAll("button")].find((b) =>
      /^bob@corp\.example \(\d+\)$/.test(b.textContent?.trim() ?? ""),
    );
    if (!button) return null;
    const t = performance.now();
    button.click();
    await new Promise((resolve) => {
      const check = () =>
        document.querySelector("[data-testid=message-list] li")
          ? requestAnimationFrame(() => setTimeout(resolve, 0))
          : requestAnimationFrame(check);
      check();
    });
    return {
      ms: performance.now() - t,
      rows: document.querySelectorAll("[data-testid=message-list] li").length,
      count: button.textContent,
    };
  });

  // --- 3. heap while typing 10,000 lines in an SMTP session --------------------------------------
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  await page.evaluate(() => window.__relayLab.shell.input("telnet mail.isp.example 25\r"));
  const samples = [{ lines: 0, used: await heap() }];
  const step = LINES / 4;
  for (let done = 0; done < LINES; done += step) {
    await page.evaluate(
      ({ from, count }) => {
        for (let i = 0; i < count; i++) window.__relayLab.shell.input(`NOOP line ${from + i}\r`);
      },
      { from: done, count: step },
    );
    samples.push({ lines: done + step, used: await heap() });
  }
  const events = await page.evaluate(() => window.__relayLab.world.events().length);

  const longest = tasks.length ? Math.max(...tasks) : 0;
  console.log(`Relay Lab terminal measurements (Chromium, ${origin}/lab)`);
  console.log(`Paste of ${SESSIONS} SMTP sessions (${SESSIONS * 11} lines):`);
  console.log(
    `  before (one call to the shell, as the page did): one task of ${ms(oneCall)}; ${baselineDelivered} delivered`,
  );
  console.log(
    `  now (xterm paste, sliced by the lab): ${pasteSeconds.toFixed(1)} s in all; longest task ${ms(longest)}` +
      ` (${tasks.length} tasks over 50 ms, ${tasks.filter((d) => d > 200).length} over 200 ms);` +
      ` longest task / one-call task = ${(longest / oneCall).toFixed(3)}`,
  );
  if (open)
    console.log(
      `Opening ${open.count}: ${ms(open.ms)} from click to the list painted; ${open.rows} rows in the DOM`,
    );
  else console.log("Opening the mailbox: the button was not found");
  console.log(`Heap after GC while typing ${LINES} lines into an SMTP session:`);
  for (const s of samples) console.log(`  ${String(s.lines).padStart(6)} lines: ${mb(s.used)}`);
  const half = samples[Math.floor(samples.length / 2)].used;
  const last = samples[samples.length - 1].used;
  console.log(
    `  second half growth: ${mb(last - half)} (${(((last - half) / half) * 100).toFixed(1)}%); events kept: ${events}`,
  );
} finally {
  await browser.close();
  await close();
}
