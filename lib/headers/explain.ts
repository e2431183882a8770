import type { AuthCheck, AuthResultCode, AuthVerdict } from "./types";

const at = (domain: string | null) => (domain ? ` for ${domain}` : "");
const by = (c: AuthCheck) => (c.reporter ? ` (checked by ${c.reporter})` : "");

/** SPF: was the sending server on the MAIL FROM domain's list of allowed senders? */
export function spfWords(c: AuthCheck | null): string {
  if (!c) return "No SPF result is recorded in these headers.";
  const d = c.domain ?? "the sender's domain";
  const words: Partial<Record<AuthResultCode, string>> = {
    pass: `The server that handed the message over is on ${d}'s list of allowed senders.`,
    bestguesspass: `No SPF record, but the receiver guessed the server belongs to ${d}.`,
    fail: `The sending server is not on ${d}'s list of allowed senders, and ${d} asks receivers to reject such mail.`,
    hardfail: `The sending server is not on ${d}'s list of allowed senders, and ${d} asks receivers to reject such mail.`,
    softfail: `The sending server is probably not allowed to send for ${d}: ${d} asks receivers to treat the mail as suspicious, not to reject it.`,
    neutral: `${d} makes no statement about this server: neither allowed nor forbidden.`,
    none: `${d} publishes no SPF record, so nothing could be checked.`,
    temperror: `The SPF check${at(c.domain)} hit a temporary DNS error.`,
    permerror: `${d}'s SPF record is broken, so the check could not be done.`,
  };
  return (words[c.result] ?? `SPF result "${c.result}"${at(c.domain)}.`) + by(c);
}

/** DKIM: did a domain's signature over the headers and body still verify? */
export function dkimWords(c: AuthCheck): string {
  const d = c.domain ?? "a domain";
  const words: Partial<Record<AuthResultCode, string>> = {
    pass: `${d}'s signature verified: what it signed was not changed on the way.`,
    fail: `${d}'s signature did not verify: the message was changed after signing, or the signature is forged.`,
    neutral: `${d}'s signature could not be judged (neutral).`,
    none: "The message carries no DKIM signature.",
    temperror: `${d}'s key could not be fetched (temporary DNS error).`,
    permerror: `${d}'s signature or key is malformed, so it could not be verified.`,
    policy: `${d}'s signature verified but the receiver's policy did not accept it.`,
  };
  return (words[c.result] ?? `DKIM result "${c.result}" for ${d}.`) + by(c);
}

function policyOf(c: AuthCheck): string | null {
  return c.comment ? (/\bp=(\w+)/i.exec(c.comment)?.[1]?.toLowerCase() ?? null) : null;
}

/** DMARC: did SPF or DKIM pass for a domain aligned with the From domain? */
export function dmarcWords(c: AuthCheck | null): string {
  if (!c) return "No DMARC result is recorded in these headers.";
  const d = c.domain ?? "the From domain";
  const p = policyOf(c);
  const policy = p
    ? ` ${d}'s published policy is "${p}"${p === "reject" ? " (reject such mail)" : p === "quarantine" ? " (treat it as spam)" : " (only report it)"}.`
    : "";
  const words: Partial<Record<AuthResultCode, string>> = {
    pass: `${d} passed DMARC: SPF or DKIM passed for a domain that matches the From address.`,
    fail: `${d} failed DMARC: neither SPF nor DKIM passed for a domain that matches the From address.${policy}`,
    none: `${d} publishes no DMARC policy, so a forged From address is not caught by DMARC.`,
    bestguesspass: `${d} has no DMARC record, but the receiver judged the mail would have passed.`,
    temperror: `The DMARC check for ${d} hit a temporary DNS error.`,
    permerror: `${d}'s DMARC record is broken.`,
    skipped: `The DMARC check for ${d} was skipped by the receiver.`,
  };
  return (words[c.result] ?? `DMARC result "${c.result}" for ${d}.`) + by(c);
}

/** ARC: did forwarders carry earlier authentication results through intact? */
export function arcWords(c: AuthCheck): string {
  const words: Partial<Record<AuthResultCode, string>> = {
    pass: "The ARC chain is intact: results recorded by earlier servers, before forwarding, can be trusted as far as those servers are.",
    fail: "The ARC chain is broken: earlier servers' results were changed or cannot be verified.",
    none: "No ARC chain: the message was not sealed by a forwarder.",
  };
  return (words[c.result] ?? `ARC result "${c.result}".`) + by(c);
}

export function verdict(c: AuthCheck | null, words: string): AuthVerdict {
  return {
    result: c?.result ?? null,
    domain: c?.domain ?? null,
    words,
    reporter: c?.reporter ?? null,
  };
}

/** Results that mean the check failed rather than could not be done. */
export function isFailure(r: AuthResultCode | null): boolean {
  return r === "fail" || r === "softfail" || r === "hardfail" || r === "permerror";
}
