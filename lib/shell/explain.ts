/**
 * One-line plain-English explanations of SMTP replies, shown beneath each reply the learner gets
 * (switchable with `explain on|off`). Most specific patterns come first; the reply code families of
 * RFC 5321 section 4.2.1 are the fallback. Matched against the last line of the reply.
 */
import { decodeBase64 } from "./base64";

interface Rule {
  match: RegExp;
  say: string | ((m: RegExpMatchArray) => string);
}

const RULES: readonly Rule[] = [
  {
    match: /^220 .*Ready to start TLS/i,
    say: "go ahead with the TLS handshake; afterwards say EHLO again, the session starts over encrypted",
  },
  {
    match: /^220 /,
    say: "service ready: the server greets you; introduce yourself with EHLO (or HELO) and your host name",
  },
  { match: /^221 /, say: "goodbye: the server closes the connection" },
  { match: /^235 /, say: "logged in: this server will now relay mail for you as this user" },
  {
    match: /^250 .*queued as (\S+)/,
    say: (m) =>
      `accepted: the server now owns the message (queue id ${m[1]}) and will deliver or relay it`,
  },
  { match: /^250 2\.1\.0/, say: "sender accepted: now name a recipient with RCPT TO:<address>" },
  {
    match: /^250 2\.1\.5/,
    say: "recipient accepted: add more RCPT TO lines, or type DATA to send the message",
  },
  { match: /^250 2\.0\.0 Ok$/, say: "ok: done (RSET and NOOP reply like this)" },
  { match: /^250 /, say: "ok: the command worked" },
  { match: /^252 /, say: "cannot verify this user, but the server will try to deliver to it" },
  {
    match: /^334 ?(\S*)$/,
    say: (m) => {
      const d = m[1] ? decodeBase64(m[1]) : null;
      return d && d.ok && d.text
        ? `the server asks "${d.text}" in base64; answer in base64 too (try the base64 command)`
        : "the server waits for your credentials, base64-encoded: \\0user\\0password for PLAIN";
    },
  },
  {
    match: /^354 /,
    say: "type the message now: headers, a blank line, the body; a line with only . ends it",
  },
  {
    match: /^421 /,
    say: "service not available: the server is closing the connection; a sender retries later",
  },
  {
    match: /^452 4\.5\.3/,
    say: "too many recipients for one message: send the rest in another transaction",
  },
  {
    match: /^45\d /,
    say: "temporary failure: nothing was accepted; a real sender keeps the mail and retries later",
  },
  {
    match: /^500 /,
    say: "the server could not parse that line (too long, or not a command at all)",
  },
  {
    match: /^501 Syntax: (HELO|EHLO)/,
    say: (m) => `${m[1]} needs your host name, e.g. ${m[1]} pc.home.example`,
  },
  {
    match: /^501 5\.5\.4 Syntax: MAIL FROM/,
    say: "write the sender in angle brackets: MAIL FROM:<you@example.com>",
  },
  {
    match: /^501 5\.5\.4 Syntax: RCPT TO/,
    say: "write the recipient in angle brackets: RCPT TO:<them@example.com>",
  },
  { match: /^501 5\.1\.7/, say: "the sender address is not a valid address" },
  { match: /^501 5\.1\.3/, say: "the recipient address is not a valid address" },
  {
    match: /^501 5\.7\.0 Authentication aborted/,
    say: "you cancelled the login (a lone * aborts AUTH)",
  },
  { match: /^501 /, say: "syntax error in the command's arguments" },
  {
    match: /^502 5\.5\.1 VRFY/,
    say: "VRFY is disabled: servers hide which mailboxes exist from address harvesters",
  },
  {
    match: /^502 /,
    say: "command not recognized: check the spelling (Postfix does not offer HELP)",
  },
  { match: /^503 .*send HELO\/EHLO first/, say: "wrong order: say EHLO (or HELO) first" },
  { match: /^503 .*need MAIL command/, say: "wrong order: send MAIL FROM before RCPT TO" },
  {
    match: /^503 .*need RCPT command/,
    say: "wrong order: a recipient (RCPT TO) must be accepted before DATA",
  },
  {
    match: /^503 .*nested MAIL command/,
    say: "one message at a time: finish it with DATA, or start over with RSET",
  },
  { match: /^503 .*already authenticated/, say: "you are already logged in on this connection" },
  {
    match: /^503 .*MAIL transaction in progress/,
    say: "log in before MAIL FROM, not in the middle of a message (or RSET first)",
  },
  {
    match: /^503 .*authentication not enabled/,
    say: "this server or port offers no AUTH; submission (587) after STARTTLS usually does",
  },
  { match: /^503 /, say: "bad sequence of commands: something else must come first" },
  { match: /^504 /, say: "that parameter or mechanism is not supported here" },
  {
    match: /^530 .*STARTTLS/,
    say: "encryption first: send STARTTLS (then EHLO again) before anything else",
  },
  { match: /^530 /, say: "authentication required: log in with AUTH before sending" },
  { match: /^535 /, say: "wrong user name or password (PLAIN is base64 of \\0user\\0password)" },
  {
    match: /^550 5\.1\.1/,
    say: "no such user here: this server is the recipient's and has no mailbox by that name",
  },
  {
    match: /^550 5\.7\.1 rejected by DMARC policy for (\S+)/,
    say: (m) =>
      `rejected after DATA: the message failed DMARC (no aligned SPF pass, no aligned DKIM signature) and ${m[1]} publishes p=reject`,
  },
  { match: /^550 /, say: "rejected: the mailbox is unavailable or policy refuses it" },
  { match: /^552 /, say: "too big, or the mailbox is full: refused for good" },
  {
    match: /^554 .*Relay access denied/,
    say: "relay refused: this server is not the recipient's, and it only relays for its own network or logged-in users",
  },
  { match: /^554 /, say: "transaction failed for good" },
  { match: /^555 /, say: "this server does not support that MAIL/RCPT parameter" },
  { match: /^2\d\d/, say: "success" },
  { match: /^3\d\d/, say: "go on: the server waits for more from you" },
  { match: /^4\d\d/, say: "temporary failure: try again later" },
  { match: /^5\d\d/, say: "permanent failure: do not retry as is" },
];

/** "503 5.5.1: wrong order: send MAIL FROM before RCPT TO", or null if the text is not a reply. */
export function explainReply(reply: string): string | null {
  const lines = reply.split(/\r?\n/).filter((l) => l !== "");
  const last = lines[lines.length - 1];
  if (!last || !/^\d{3}[ -]?/.test(last)) return null;
  const head = /^(\d{3})[ -]?(\d\.\d{1,3}\.\d{1,3})?/.exec(last)!;
  const code = head[2] ? `${head[1]} ${head[2]}` : head[1]!;
  if (lines.length > 1 && /^250[ -]/.test(last) && /^250-/.test(lines[0]!))
    return `${code}: hello accepted; the other lines list the extensions this server offers (STARTTLS, AUTH, SIZE...)`;
  for (const rule of RULES) {
    const m = last.match(rule.match);
    if (m) return `${code}: ${typeof rule.say === "string" ? rule.say : rule.say(m)}`;
  }
  return null;
}
