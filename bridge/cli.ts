/**
 * `npm run bridge`: real mail clients against the lab's simulated world. Parses the flags,
 * makes a certificate, starts the bridge and prints where everything is.
 */
import { parseArgs } from "node:util";
import { makeCertificate } from "./cert";
import { DEFAULT_ORIGINS, DEFAULT_PORTS, startBridge, type BridgeOptions } from "./server";

export const USAGE = `Usage: npm run bridge -- [options]

Lets real mail clients (swaks, Thunderbird, Python's smtplib, nodemailer) talk SMTP to the
simulated servers of an open lab tab. Open the lab with ?bridge=1 (or press "Connect bridge").

  --host ADDR              address of the SMTP listeners (default 127.0.0.1; anything else
                           lets other machines use your lab: a warning is printed)
  --smtp-port N            stands for the world's port 25 (default ${DEFAULT_PORTS.smtp})
  --submission-port N      stands for 587, STARTTLS (default ${DEFAULT_PORTS.submission})
  --submissions-port N     stands for 465, TLS from the start (default ${DEFAULT_PORTS.submissions})
  --ws-port N              the WebSocket the lab tab connects to, on 127.0.0.1 (default ${DEFAULT_PORTS.ws})
  --origin URL             a page origin allowed to connect (repeatable; default
                           ${DEFAULT_ORIGINS.join(" and ")})
  --max-connections N      open SMTP connections at most (default 100)
  --idle-timeout SECONDS   close a silent client after this long (default 300, as Postfix)
  --help                   this text

Port 0 picks a free port.`;

export type CliResult =
  | { ok: true; options: Omit<BridgeOptions, "tls" | "log"> }
  | { ok: false; error: string }
  | { ok: "help" };

function port(name: string, value: string | undefined, fallback: number): number | string {
  if (value === undefined) return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    return `--${name} must be a port number from 0 to 65535, got "${value}"`;
  return Number(value);
}

function positive(name: string, value: string | undefined, fallback: number): number | string {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    return `--${name} must be a whole number of at least 1, got "${value}"`;
  return Number(value);
}

/** The flags as options, or the first problem in words. */
export function parseCli(argv: string[]): CliResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: "string" },
        "smtp-port": { type: "string" },
        "submission-port": { type: "string" },
        "submissions-port": { type: "string" },
        "ws-port": { type: "string" },
        origin: { type: "string", multiple: true },
        "max-connections": { type: "string" },
        "idle-timeout": { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (values.help) return { ok: "help" };
  const fields = {
    smtp: port("smtp-port", values["smtp-port"], DEFAULT_PORTS.smtp),
    submission: port("submission-port", values["submission-port"], DEFAULT_PORTS.submission),
    submissions: port("submissions-port", values["submissions-port"], DEFAULT_PORTS.submissions),
    ws: port("ws-port", values["ws-port"], DEFAULT_PORTS.ws),
    max: positive("max-connections", values["max-connections"], 100),
    idle: positive("idle-timeout", values["idle-timeout"], 300),
  };
  for (const v of Object.values(fields)) if (typeof v === "string") return { ok: false, error: v };
  const origins = values.origin ?? DEFAULT_ORIGINS;
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o.replace(/\/$/, "")))
      return { ok: false, error: `--origin must look like http://localhost:3000, got "${o}"` };
  }
  const host = values.host ?? "127.0.0.1";
  return {
    ok: true,
    options: {
      host,
      ports: {
        smtp: fields.smtp as number,
        submission: fields.submission as number,
        submissions: fields.submissions as number,
        ws: fields.ws as number,
      },
      origins,
      maxConnections: fields.max as number,
      idleTimeoutMs: (fields.idle as number) * 1000,
      replyTimeoutMs: 30_000,
    },
  };
}

export const isLoopback = (host: string): boolean =>
  /^(127(\.\d{1,3}){3}|localhost|::1)$/i.test(host);

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2));
  if (parsed.ok === "help") {
    console.log(USAGE);
    return;
  }
  if (!parsed.ok) {
    console.error(`bridge: ${parsed.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const o = parsed.options;
  if (!isLoopback(o.host)) {
    console.warn(
      `WARNING: the SMTP listeners are bound to ${o.host}, not 127.0.0.1: other machines that can ` +
        `reach this address can talk to your lab. Use this on a network you trust, and stop the ` +
        `bridge (Ctrl+C) when the session is over.`,
    );
  }
  const pem = await makeCertificate();
  const stamp = () => new Date().toISOString().slice(11, 19);
  let bridge;
  try {
    bridge = await startBridge({ ...o, tls: pem, log: (l) => console.log(`${stamp()} ${l}`) });
  } catch (e) {
    console.error(`bridge: could not listen: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return;
  }
  const p = bridge.ports;
  console.log(`Relay Lab bridge
  SMTP         ${o.host}:${p.smtp}         -> the world's port 25 (STARTTLS when the server offers it)
  submission   ${o.host}:${p.submission}         -> the world's port 587 (STARTTLS)
  submissions  ${o.host}:${p.submissions}         -> the world's port 465 (TLS from the start)
  lab tab      ws://127.0.0.1:${p.ws} (origins: ${o.origins.join(", ")})
  certificate  self-signed for localhost, SHA-1 fingerprint ${pem.fingerprint}

Open ${bridge.labUrl} and keep the tab open. Then, for example:
  swaks --server 127.0.0.1:${p.smtp} --from you@isp.example --to bob@corp.example
Ctrl+C stops the bridge.`);
  const stop = () => {
    void bridge.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Run when started as a program (tsx bridge/cli.ts), not when a test imports parseCli.
if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) void main();
