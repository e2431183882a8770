/**
 * Plays a scenario's demo script against the engine, the way the lab's shell would: a few
 * shell commands (telnet, nc, openssl s_client, postconf, dig, mailq) and, while a session is
 * open on a host, every other line goes to that session.
 */
import type { DnsUpdate, ScenarioSpec, Session, World } from "@/lib/smtp";

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
      const upper = args.map((a) => a.toUpperCase());
      const type = upper.includes("MX") ? "MX" : upper.includes("TXT") ? "TXT" : "A";
      const name = args.find((a) => !/^(MX|A|TXT|-t|\+short)$/i.test(a)) ?? "";
      return [JSON.stringify(world.resolve(name, type, host))];
    }
    case "nsupdate": {
      // Until "quit", lines are nsupdate commands; "update add/delete" are applied on "send".
      const pending: DnsUpdate[] = [];
      let closed = false;
      sessions.set(host, {
        get closed() {
          return closed;
        },
        send(l: string) {
          const m = /^update (add|delete) (\S+)(?: \d+)? TXT ?"?(.*?)"?$/.exec(l.trim());
          if (m)
            pending.push(
              m[1] === "add"
                ? { op: "add", name: m[2]!, type: "TXT", value: m[3]! }
                : { op: "delete", name: m[2]!, type: "TXT" },
            );
          else if (l.trim() === "send")
            return pending
              .splice(0)
              .map((u) => JSON.stringify(world.updateDns(u, host)))
              .join("\n");
          else if (l.trim() === "quit") closed = true;
          return "";
        },
      } as unknown as Session);
      return [];
    }
    case "opendkim-genkey": {
      const d = args[args.indexOf("-d") + 1] ?? "";
      const r = world.generateDkimKey(host, d, args[args.indexOf("-s") + 1] ?? "");
      return [r.ok ? r.key.record : r.error];
    }
    case "opendkim-testkey": {
      const name = `${args[args.indexOf("-s") + 1]}._domainkey.${args[args.indexOf("-d") + 1]}`;
      return [JSON.stringify(world.resolve(name, "TXT", host))];
    }
    case "mailq":
      return [JSON.stringify(world.queue(host))];
    default:
      return null;
  }
}

export { receivedChain } from "@/lib/smtp";
