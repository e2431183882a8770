/**
 * The relay's outbound SMTP client (Postfix's smtp(8)). It talks to the next hop through the
 * same Session interface a learner uses, so every line it sends and every reply is logged.
 */
import { parseReply, stuffDataLine } from "./framing";
import type { Session } from "./types";

export type RecipientOutcome =
  | { status: "sent" }
  | { status: "defer"; reason: string; dsn: string }
  | { status: "bounce"; reason: string; dsn: string };

export type TransferResult =
  /** Could not get a usable session: try the next MX, or defer. */
  | { kind: "unavailable"; reason: string }
  | { kind: "done"; outcomes: Map<string, RecipientOutcome>; nextQueueId: string; session: number };

export interface TransferRequest {
  session: Session;
  /** "mx.corp.example[192.0.2.25]" as Postfix names a peer. */
  peer: string;
  heloName: string;
  /** smtp_tls_security_level: may = use STARTTLS when offered; encrypt = require it. */
  tlsLevel: "none" | "may" | "encrypt";
  sender: string;
  recipients: readonly string[];
  lines: readonly string[];
  size: number;
}

const statusOf = (text: string, code: number): string => {
  const m = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})/.exec(text);
  return m?.[1] ?? `${Math.floor(code / 100)}.0.0`;
};

/** Flatten a multi-line reply into one line, as Postfix quotes it in logs and bounces. */
const flat = (text: string): string =>
  text
    .split("\r\n")
    .map((l, i) => (i === 0 ? l : l.slice(4)))
    .join(" ");

export function transfer(req: TransferRequest): TransferResult {
  const s = req.session;
  const quit = (): void => {
    if (!s.closed) s.send("QUIT");
    s.close();
  };
  const greet = parseReply(s.greeting);
  if (s.closed && !greet)
    return {
      kind: "unavailable",
      reason: `connect to ${req.peer}: ${s.error ?? "Connection refused"}`,
    };
  if (!greet || greet.code !== 220) {
    quit();
    return {
      kind: "unavailable",
      reason: `host ${req.peer} refused to talk to me: ${flat(s.greeting)}`,
    };
  }
  let ehlo = s.send(`EHLO ${req.heloName}`);
  let parsed = parseReply(ehlo);
  if (!parsed || parsed.code !== 250) {
    ehlo = s.send(`HELO ${req.heloName}`);
    parsed = parseReply(ehlo);
  }
  if (!parsed || parsed.code !== 250) {
    quit();
    return {
      kind: "unavailable",
      reason: `host ${req.peer} said: ${flat(ehlo)} (in reply to EHLO command)`,
    };
  }
  const offersTls = parsed.lines.some((l) => l.toUpperCase() === "STARTTLS");
  if (req.tlsLevel !== "none" && offersTls) {
    const st = s.send("STARTTLS");
    if (st.startsWith("220") && s.startTls().ok) {
      parsed = parseReply(s.send(`EHLO ${req.heloName}`));
      if (!parsed || parsed.code !== 250) {
        quit();
        return { kind: "unavailable", reason: `host ${req.peer} said: EHLO failed after STARTTLS` };
      }
    }
  } else if (req.tlsLevel === "encrypt") {
    quit();
    return {
      kind: "unavailable",
      reason: `TLS is required, but was not offered by host ${req.peer}`,
    };
  }

  const outcomes = new Map<string, RecipientOutcome>();
  const all = (status: "defer" | "bounce", reply: string, verb: string): TransferResult => {
    const code = Number(reply.slice(0, 3)) || 421;
    for (const r of req.recipients) {
      if (!outcomes.has(r))
        outcomes.set(r, {
          status,
          reason: `host ${req.peer} said: ${flat(reply)} (in reply to ${verb} command)`,
          dsn: statusOf(reply, code),
        });
    }
    quit();
    return { kind: "done", outcomes, nextQueueId: "", session: s.id };
  };
  const verdict = (reply: string): "ok" | "defer" | "bounce" =>
    reply.startsWith("2") || reply.startsWith("3")
      ? "ok"
      : reply.startsWith("5")
        ? "bounce"
        : "defer";

  const mail = s.send(`MAIL FROM:<${req.sender}> SIZE=${req.size}`);
  const mv = verdict(mail);
  if (mv !== "ok") return all(mv, mail, "MAIL FROM");
  const accepted: string[] = [];
  for (const r of req.recipients) {
    const reply = s.send(`RCPT TO:<${r}>`);
    const v = verdict(reply);
    if (v === "ok") accepted.push(r);
    else
      outcomes.set(r, {
        status: v,
        reason: `host ${req.peer} said: ${flat(reply)} (in reply to RCPT TO command)`,
        dsn: statusOf(reply, Number(reply.slice(0, 3))),
      });
    if (s.closed) break;
  }
  if (accepted.length === 0) {
    quit();
    return { kind: "done", outcomes, nextQueueId: "", session: s.id };
  }
  const data = s.send("DATA");
  const dv = verdict(data);
  if (dv !== "ok") return all(dv, data, "DATA");
  for (const line of req.lines) s.send(stuffDataLine(line));
  const end = s.send(".");
  const ev = verdict(end);
  if (ev !== "ok") return all(ev, end, "end of DATA");
  for (const r of accepted) outcomes.set(r, { status: "sent" });
  const m = /queued as ([0-9A-Za-z]+)/.exec(end);
  quit();
  return { kind: "done", outcomes, nextQueueId: m?.[1] ?? "", session: s.id };
}
