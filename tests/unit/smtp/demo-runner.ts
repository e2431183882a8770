/**
 * Plays a scenario's demo script against the engine, the way the lab's shell would: a few
 * shell commands (telnet, nc, openssl s_client, postconf, dig, mailq) and, while a session is
 * open on a host, every other line goes to that session.
 */
import type { ScenarioSpec, Session, World } from "@/lib/smtp";

export interface DemoTranscript {
  /** Everything printed, per step. */
  output: string[][];
  problems: string[];
}

export function runDemo(world: World, scenario: ScenarioSpec): DemoTranscript {
  const sessions = new Map<string, Session>();
  const output: string[][] = [];
  const problems: string[] = [];
  for (const step of scenario.demo) {
    const host = step.host ?? scenario.learner.host;
    const out: string[] = [];
    for (const line of step.input) {
      const open = sessions.get(host);
      if (open && !open.closed) {
        const reply = open.send(line);
        if (reply) out.push(reply);
        continue;
      }
      const res = runShell(world, host, line, sessions);
      if (res === null) problems.push(`${host}: unknown demo command: ${line}`);
      else out.push(...res);
    }
    world.runUntil(world.now() + 60_000);
    output.push(out);
  }
  return { output, problems };
}

function runShell(
  world: World,
  host: string,
  line: string,
  sessions: Map<string, Session>,
): string[] | null {
  const words = line.trim().split(/\s+/);
  const [cmd, ...args] = words;
  switch (cmd) {
    case "telnet":
    case "nc": {
      const s = world.connect({ from: host, to: args[0] ?? "", port: Number(args[1] ?? 23) });
      sessions.set(host, s);
      return [s.error ?? s.greeting];
    }
    case "openssl": {
      const target = args[args.indexOf("-connect") + 1] ?? "";
      const [to, port] = target.split(":");
      const starttls = args.includes("-starttls");
      const s = world.connect({ from: host, to: to ?? "", port: Number(port), tls: !starttls });
      sessions.set(host, s);
      if (starttls && !s.closed) {
        // openssl s_client -starttls smtp: EHLO, STARTTLS, handshake; the 220 is swallowed.
        s.send("EHLO openssl.client.net");
        if (s.send("STARTTLS").startsWith("220")) s.startTls();
      }
      return [s.error ?? s.greeting];
    }
    case "postconf": {
      if (args[0] === "-e") {
        const text = line
          .slice(line.indexOf("-e") + 2)
          .trim()
          .replace(/^'|'$/g, "");
        const eq = text.indexOf("=");
        const r = world.setPostconf(host, text.slice(0, eq).trim(), text.slice(eq + 1).trim());
        return [r.ok ? "" : r.error];
      }
      const conf = world.postconf(host) ?? {};
      return args.map((a) => `${a} = ${conf[a] ?? ""}`);
    }
    case "dig":
    case "host": {
      const type = args.includes("MX") ? "MX" : "A";
      const name = args.find((a) => a !== "MX" && a !== "A" && a !== "-t") ?? "";
      return [JSON.stringify(world.resolve(name, type, host))];
    }
    case "mailq":
      return [JSON.stringify(world.queue(host))];
    default:
      return null;
  }
}

/** The hosts named by each Received: header's "by", first hop first. */
export function receivedChain(message: string): string[] {
  const byHosts = [...message.matchAll(/^\tby (\S+) \(Postfix\)/gm)].map((m) => m[1]!);
  return byHosts.reverse();
}
