#!/usr/bin/env node
// `npm run test:e2e:load`: run the e2e suite several times in a row while busy loops keep CPU
// cores spinning beside it, as on a shared 2-core machine, and report pass/fail per run.
// It builds once (unless E2E_SKIP_BUILD=1), then runs `scripts/e2e.mjs` with E2E_SKIP_BUILD=1.
//   --runs N      how many runs in a row (default 3)
//   --loops N     how many busy loops (default 2)
// Anything after `--` goes to Playwright, e.g. `npm run test:e2e:load -- -- tests/e2e/lab.spec.ts`.
// Exit code 0 only when every run passed. The loops are stopped however the script ends.
import { fork, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "./lib/paths.mjs";

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const own = sep === -1 ? argv : argv.slice(0, sep);
const passThrough = sep === -1 ? [] : argv.slice(sep + 1);
const option = (name, fallback) => {
  const i = own.indexOf(name);
  const n = i === -1 ? fallback : Number(own[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} takes a whole number, got "${own[i + 1]}"`);
    process.exit(2);
  }
  return n;
};
const RUNS = option("--runs", 3);
const LOOPS = option("--loops", 2);

// A busy loop: a child process that spins one core until it is told to stop (or its parent dies).
if (process.env.E2E_BUSY_LOOP === "1") {
  process.on("disconnect", () => process.exit(0));
  let x = 0;
  for (;;) {
    for (let i = 0; i < 1e7; i++) x = (x * 31 + i) | 0;
    // Let "disconnect" be noticed now and then without lowering the load.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const self = fileURLToPath(import.meta.url);
const loops = [];
function startLoops() {
  for (let i = 0; i < LOOPS; i++) {
    loops.push(fork(self, [], { env: { ...process.env, E2E_BUSY_LOOP: "1" }, stdio: "ignore" }));
  }
}
function stopLoops() {
  for (const child of loops.splice(0)) {
    if (child.connected) child.disconnect();
    child.kill("SIGTERM");
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopLoops();
    process.exit(130);
  });
}
process.once("exit", stopLoops);

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: "inherit", env });
    child.once("error", () => resolve(1));
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  console.log("e2e under load: building once (npm run build)");
  const built = await run("npm", ["run", "build"], process.env);
  if (built !== 0) {
    console.error(`e2e under load: the build failed (exit ${built})`);
    process.exit(built);
  }
}

console.log(`e2e under load: ${LOOPS} busy loop(s), ${RUNS} run(s) of the suite`);
startLoops();
const results = [];
for (let i = 1; i <= RUNS; i++) {
  const started = Date.now();
  console.log(`\n=== run ${i} of ${RUNS} ===`);
  const code = await run(
    process.execPath,
    [path.join(REPO_ROOT, "scripts", "e2e.mjs"), ...passThrough],
    { ...process.env, E2E_SKIP_BUILD: "1" },
  );
  results.push({ run: i, ok: code === 0, code, seconds: (Date.now() - started) / 1000 });
}
stopLoops();

console.log("\ne2e under load: results");
for (const r of results) {
  console.log(
    `  run ${r.run}: ${r.ok ? "passed" : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(0)} s`,
  );
}
const failed = results.filter((r) => !r.ok).length;
console.log(failed === 0 ? `all ${RUNS} runs passed` : `${failed} of ${RUNS} runs failed`);
process.exit(failed === 0 ? 0 : 1);
