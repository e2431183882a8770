import { createWorld, encodeBase64, type ScenarioId } from "@/lib/smtp";
import { caseWithChoices } from "./pbq-cases";
import type { Rng } from "./rng";

/**
 * PBQ "read the transcript": a scripted SMTP session run against the simulated mail network,
 * so every line is what the engine (a faithful Postfix) really answers, never typed by hand.
 * Each script goes wrong in one way; the learner says which.
 */

export interface TranscriptLine {
  /** C: what the client sent; S: the server's reply; note: what the client program printed. */
  who: "C" | "S" | "note";
  text: string;
}

export interface TranscriptCase {
  id: string;
  /** Who is connecting to what, in words. */
  setting: string;
  scenario: ScenarioId;
  from: string;
  to: string;
  port: number;
  /** Client lines; "STARTTLS-HANDSHAKE" stands for completing the TLS handshake. */
  script: string[];
  diagnosis: string;
  explanation: string;
}

const AUTH_WRONG = encodeBase64("\0alice\0not-her-password");

export const TRANSCRIPT_CASES: TranscriptCase[] = [
  {
    id: "relay-denied",
    setting: "Alice, at home, sends to a partner through her company's server on port 25.",
    scenario: "telecommuter",
    from: "pc.home.example",
    to: "mx.corp.example",
    port: 25,
    script: [
      "EHLO pc.home.example",
      "MAIL FROM:<alice@corp.example>",
      "RCPT TO:<bob@partner.example>",
      "QUIT",
    ],
    diagnosis: "The server refused to relay for an unauthenticated client outside its network.",
    explanation:
      "554 5.7.1 Relay access denied: the recipient is in another domain, and Alice neither sits inside mynetworks nor logged in. A closed relay is doing its job; she should submit on 587 with STARTTLS and AUTH.",
  },
  {
    id: "starttls-first",
    setting: "Alice submits on port 587 and starts the message straight after EHLO.",
    scenario: "telecommuter",
    from: "pc.home.example",
    to: "mx.corp.example",
    port: 587,
    script: ["EHLO pc.home.example", "MAIL FROM:<alice@corp.example>", "QUIT"],
    diagnosis: "The submission port requires STARTTLS before anything else.",
    explanation:
      "530 5.7.0 Must issue a STARTTLS command first: this server only accepts submission over an encrypted session, so the client must send STARTTLS (and then AUTH) before MAIL FROM.",
  },
  {
    id: "auth-failed",
    setting: "Alice submits on port 587 with TLS, but her mail client has an old password.",
    scenario: "telecommuter",
    from: "pc.home.example",
    to: "mx.corp.example",
    port: 587,
    script: [
      "EHLO pc.home.example",
      "STARTTLS",
      "STARTTLS-HANDSHAKE",
      "EHLO pc.home.example",
      `AUTH PLAIN ${AUTH_WRONG}`,
      "QUIT",
    ],
    diagnosis: "The login failed: wrong username or password.",
    explanation:
      "535 5.7.8 means the credentials were checked and rejected. TLS worked; the fix is the password in the mail client, not the port or the server.",
  },
  {
    id: "bad-sequence",
    setting: "A script talks to the company server on port 25 and skips a step.",
    scenario: "telecommuter",
    from: "pc.home.example",
    to: "mx.corp.example",
    port: 25,
    script: ["HELO pc.home.example", "RCPT TO:<bob@corp.example>", "QUIT"],
    diagnosis: "Commands were sent out of order: RCPT TO before MAIL FROM.",
    explanation:
      "503 5.5.1 is a bad sequence of commands: every transaction starts with MAIL FROM, then one or more RCPT TO, then DATA.",
  },
  {
    id: "port-blocked",
    setting: "Alice, on a home connection, connects straight to her company's server on port 25.",
    scenario: "port-25-blocked",
    from: "pc.home.example",
    to: "mx.corp.example",
    port: 25,
    script: ["EHLO pc.home.example"],
    diagnosis: "The network dropped the connection: her ISP blocks outbound port 25.",
    explanation:
      "No greeting at all and a timeout: nothing answered. Home ISPs drop outbound 25 to stop spam from infected PCs; submission on 587 or 465 still gets through.",
  },
];

/** Runs a case's script against a fresh world and returns the transcript, as telnet shows it. */
export function runTranscript(c: TranscriptCase): TranscriptLine[] {
  const world = createWorld(c.scenario);
  const lines: TranscriptLine[] = [{ who: "note", text: `$ telnet ${c.to} ${c.port}` }];
  const session = world.connect({ from: c.from, to: c.to, port: c.port });
  if (!session.greeting) {
    lines.push({ who: "note", text: `telnet: ${session.error ?? "Connection closed"}` });
    return lines;
  }
  lines.push({ who: "S", text: session.greeting });
  for (const command of c.script) {
    if (session.closed) break;
    if (command === "STARTTLS-HANDSHAKE") {
      const tls = session.startTls();
      lines.push({
        who: "note",
        text: tls.ok ? "(TLS handshake completed)" : "(TLS handshake failed)",
      });
      continue;
    }
    lines.push({ who: "C", text: command });
    const reply = session.send(command);
    for (const r of reply.split("\r\n")) if (r) lines.push({ who: "S", text: r });
  }
  return lines;
}

export interface TranscriptQuestion {
  case: TranscriptCase;
  lines: TranscriptLine[];
  choices: { id: string; label: string }[];
}

/** One case with its diagnosis and three others' as the choices, shuffled. */
export function transcriptQuestion(rng: Rng, id?: string): TranscriptQuestion {
  const { chosen, choices } = caseWithChoices(rng, TRANSCRIPT_CASES, id);
  return { case: chosen, lines: runTranscript(chosen), choices };
}
