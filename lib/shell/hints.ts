/**
 * Hints for the mistakes beginners make most, printed dim beneath the output that gave them away.
 * Each reads the world or the shell's state, never guesses from output text. Pure: the pause before
 * the DATA hint is timed by the component layer, which asks `dataPauseHint` when the learner stops.
 */
import type { EngineEvent, World } from "@/lib/smtp";
import { editDistance } from "./session";
import { SmtpClientInteraction } from "./smtpClient";
import { style } from "./terminal";

const note = (text: string) => style.dim(`  ↳ ${text}`);

/** Words that open an SMTP command: typed at the shell prompt they mean "I forgot to connect". */
const SMTP_VERB =
  /^\s*(EHLO|HELO|MAIL(\s+FROM)?|RCPT(\s+TO)?|DATA|QUIT|RSET|NOOP|VRFY|EXPN|STARTTLS|AUTH)\b/i;

/** The server a learner on `host` most likely means to talk to: a relay, else any mail server. */
function likelyServer(world: World, host: string): string {
  const servers = world.hosts().filter((h) => h.ports.includes(25) && h.name !== host);
  return servers.find((h) => h.role === "relay")?.name ?? servers[0]?.name ?? "mail.example";
}

/**
 * An SMTP command typed at the shell prompt: the learner is not connected to any server (or the
 * session ended). Returns the hint, or null when the line is not an SMTP command.
 */
export function smtpVerbAtShell(line: string, world: World, host: string): string | null {
  const m = SMTP_VERB.exec(line);
  if (!m) return null;
  const verb = m[1]!.split(/\s+/)[0]!.toUpperCase();
  return note(
    `${verb} is an SMTP command, but you're at the shell, not talking to a server: ` +
      `connect first with telnet ${likelyServer(world, host)} 25, then type it`,
  );
}

/** telnet to 465: the server waits for a TLS handshake that telnet cannot make. */
export function implicitTlsHint(host: string): string {
  return note(
    `port 465 is implicit TLS (RFC 8314): the server says nothing until a TLS handshake, and telnet ` +
      `cannot make one. Use openssl s_client -connect ${host}:465 -crlf instead`,
  );
}

/** The world's domain closest to `domain` by edit distance (at most 2 edits), or null. */
export function nearestDomain(world: World, domain: string): string | null {
  const d = domain.toLowerCase();
  let best: string | null = null;
  let bestD = 3;
  for (const { domain: known } of world.domains()) {
    const k = known.toLowerCase();
    if (k === d) return null;
    const dist = editDistance(d, k);
    if (dist < bestD) {
      bestD = dist;
      best = known;
    }
  }
  return best;
}

/**
 * For every bounce logged after event `since` (an index into the event log) whose recipient's
 * domain is a near miss of one the world knows: "did you mean corp.example?".
 */
export function bounceHints(world: World, since: number): string {
  const out: string[] = [];
  const bounced = world
    .events()
    .slice(since)
    .filter((e): e is Extract<EngineEvent, { type: "bounced" }> => e.type === "bounced");
  for (const e of bounced) {
    for (const rcpt of e.recipients) {
      const domain = rcpt.slice(rcpt.lastIndexOf("@") + 1);
      const near = nearestDomain(world, domain);
      if (!near) continue;
      out.push(
        note(
          `${e.host} accepted ${rcpt}, then bounced it: ${domain} does not exist. ` +
            `Did you mean ${rcpt.slice(0, rcpt.lastIndexOf("@") + 1)}${near}?` +
            ` (the bounce notice went back to the sender)`,
        ),
      );
    }
  }
  return out.length ? out.join("\n") + "\n" : "";
}

/** The session's SMTP client program, if one is running. */
function smtpClient(interaction: unknown): SmtpClientInteraction | null {
  return interaction instanceof SmtpClientInteraction ? interaction : null;
}

/**
 * Asked by the terminal's component after the learner stopped typing for a while: inside DATA
 * with some lines typed but no lone dot yet, the server is still waiting for the end of the
 * message. Null anywhere else.
 */
export function dataPauseHint(session: { interaction: unknown }): string | null {
  const client = smtpClient(session.interaction);
  if (!client || client.done || !client.inData || client.dataLines === 0) return null;
  return note(
    "still inside DATA: the server keeps everything you type as the message until a line " +
      "holding only a dot (.). Type . and press Enter to send it",
  );
}
