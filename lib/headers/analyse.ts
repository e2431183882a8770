import { addressParser, decodeWords } from "postal-mime";
import { domainOf, parseAuthenticationResults, parseDkimSignature, parseReceivedSpf } from "./auth";
import { parseHeaderDate } from "./dates";
import { findLookalikes, orgDomain } from "./domains";
import { readExchange } from "./exchange";
import { arcWords, dkimWords, dmarcWords, isFailure, spfWords, verdict } from "./explain";
import { buildHops } from "./received";
import type {
  AlignmentRow,
  Analysis,
  AuthCheck,
  AuthResultsHeader,
  AuthSummary,
  HeaderField,
  Hop,
  Mailbox,
  Warning,
} from "./types";

function safeDecode(s: string): string {
  try {
    return decodeWords(s);
  } catch {
    return s;
  }
}

/** The first mailbox in an address header, with its display name decoded. */
export function readMailbox(value: string | null): Mailbox | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "<>" || trimmed === "") return { name: "", address: "", domain: null };
  let list: ReturnType<typeof addressParser> = [];
  try {
    list = addressParser(trimmed);
  } catch {
    list = [];
  }
  const flat = list.flatMap((a) => ("group" in a && Array.isArray(a.group) ? a.group : [a]));
  const first = flat.find((a) => a.address) ?? flat[0];
  if (!first) return null;
  const address = (first.address ?? "").trim();
  return { name: safeDecode(first.name ?? "").trim(), address, domain: domainOf(address) };
}

function pickChecks(results: AuthResultsHeader[]): AuthCheck[] {
  // The topmost Authentication-Results was written by the server closest to the reader; headers
  // from the same authserv-id just below it belong to the same verdict.
  const top = results[0];
  if (!top) return [];
  return results.filter((r) => r.authservId === top.authservId).flatMap((r) => r.checks);
}

function summariseAuth(fields: HeaderField[]): AuthSummary {
  const values = (n: string) =>
    fields.filter((f) => f.name.toLowerCase() === n).map((f) => f.value);
  const results = values("authentication-results")
    .map((v) => parseAuthenticationResults(v))
    .filter((r): r is AuthResultsHeader => r !== null);
  const arcResults = values("arc-authentication-results")
    .map((v) => parseAuthenticationResults(v, true))
    .filter((r): r is AuthResultsHeader => r !== null)
    .sort((a, b) => (b.instance ?? 0) - (a.instance ?? 0));
  const receivedSpf = values("received-spf")
    .map(parseReceivedSpf)
    .filter((c): c is AuthCheck => c !== null);
  const signatures = values("dkim-signature").map(parseDkimSignature);
  // Prefer Authentication-Results; fall back to the newest ARC set, then Received-SPF.
  const primary = results.length ? pickChecks(results) : (arcResults[0]?.checks ?? []);
  const spf = primary.find((c) => c.method === "spf") ?? receivedSpf[0] ?? null;
  const dkim = primary.filter((c) => c.method === "dkim");
  const dmarc = primary.find((c) => c.method === "dmarc") ?? null;
  const arc = primary.find((c) => c.method === "arc") ?? null;
  return {
    spf: verdict(spf, spfWords(spf)),
    dkim: dkim.map((c) => verdict(c, dkimWords(c))),
    dmarc: verdict(dmarc, dmarcWords(dmarc)),
    arc: arc ? verdict(arc, arcWords(arc)) : null,
    results: [...results, ...arcResults],
    receivedSpf,
    signatures,
  };
}

function align(fromDomain: string | null, label: string, domain: string | null): AlignmentRow {
  if (!fromDomain || !domain) return { label, domain, state: "unknown" };
  if (domain === fromDomain) return { label, domain, state: "exact" };
  return { label, domain, state: orgDomain(domain) === orgDomain(fromDomain) ? "relaxed" : "none" };
}

function alignment(
  from: Mailbox | null,
  returnPath: Mailbox | null,
  auth: AuthSummary,
): AlignmentRow[] {
  const fd = from?.domain ?? null;
  const rows = [
    align(fd, "Return-Path (envelope sender)", returnPath?.domain ?? null),
    align(fd, "SPF-checked domain", auth.spf.domain),
  ];
  const dkimDomains = new Set<string>();
  for (const v of auth.dkim) if (v.domain) dkimDomains.add(v.domain);
  for (const s of auth.signatures) if (s.domain) dkimDomains.add(s.domain);
  for (const d of dkimDomains) rows.push(align(fd, `DKIM signature d=${d}`, d));
  if (dkimDomains.size === 0) rows.push(align(fd, "DKIM signature", null));
  return rows;
}

const EMAIL_IN_TEXT = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

function buildWarnings(a: Omit<Analysis, "warnings">): Warning[] {
  const w: Warning[] = [];
  const { from, replyTo, returnPath, sender, hops, auth } = a;
  const fromOrg = orgDomain(from?.domain);

  if (
    from &&
    replyTo &&
    replyTo.address &&
    replyTo.address.toLowerCase() !== from.address.toLowerCase()
  ) {
    const otherOrg = orgDomain(replyTo.domain) !== fromOrg;
    w.push({
      kind: "reply-to",
      severity: otherOrg ? "high" : "info",
      title: "Replies go to a different address",
      detail: `The message says it is from ${from.address}, but pressing Reply would send your answer to ${replyTo.address}${otherOrg ? ", in a different organisation" : ""}. Mailing lists and help desks do this on purpose; a scammer does it to receive your reply while borrowing someone else's name.`,
    });
  }

  const shown = from?.name.match(EMAIL_IN_TEXT)?.[0];
  if (from && shown && shown.toLowerCase() !== from.address.toLowerCase()) {
    w.push({
      kind: "display-name",
      severity: "high",
      title: "The display name shows another address",
      detail: `The name shown for the sender is "${from.name}", which contains ${shown}, but the real sending address is ${from.address}. Many mail apps show only the name, so this makes the message look as if it came from ${shown}.`,
    });
  }

  if (from?.domain && returnPath?.domain && orgDomain(returnPath.domain) !== fromOrg) {
    w.push({
      kind: "return-path-org",
      severity: "medium",
      title: "The envelope sender belongs to another organisation",
      detail: `The From header names ${from.domain}, but bounces go to ${returnPath.domain} (the Return-Path, the envelope sender SPF checks). Mailing lists, forwarders and bulk-mail services do this; a forger does too, because SPF then checks the forger's own domain and can pass.`,
    });
  }

  const candidates = [
    from?.domain,
    replyTo?.domain,
    returnPath?.domain,
    sender?.domain,
    auth.spf.domain,
    ...auth.signatures.map((s) => s.domain),
  ].filter((d): d is string => Boolean(d));
  for (const l of findLookalikes(candidates)) {
    w.push({
      kind: "lookalike",
      severity: "high",
      title: `${l.domain} looks like another domain`,
      detail:
        l.why === "punycode"
          ? `${l.domain} is an internationalised name: it may contain letters from other alphabets that look like Latin ones. Check where it really points before trusting it.`
          : l.why === "confusable"
            ? `${l.domain} uses characters that look like those of ${l.resembles} (such as 0 for o, rn for m, or Cyrillic letters). It is a different domain owned by someone else.`
            : `${l.domain} is one letter away from ${l.resembles}. Typo domains like this are registered to fool a quick glance.`,
    });
  }

  const failed: string[] = [];
  if (isFailure(auth.spf.result))
    failed.push(`SPF ${auth.spf.result}${auth.spf.domain ? ` for ${auth.spf.domain}` : ""}`);
  for (const d of auth.dkim)
    if (isFailure(d.result)) failed.push(`DKIM ${d.result}${d.domain ? ` for ${d.domain}` : ""}`);
  if (isFailure(auth.dmarc.result))
    failed.push(
      `DMARC ${auth.dmarc.result}${auth.dmarc.domain ? ` for ${auth.dmarc.domain}` : ""}`,
    );
  if (failed.length) {
    const arcPass = auth.arc?.result === "pass";
    w.push({
      kind: "auth-failed",
      severity: isFailure(auth.dmarc.result) && !arcPass ? "high" : "medium",
      title: "Authentication failed",
      detail: `The receiving server recorded: ${failed.join(", ")}. A failure means the message could not be tied to the domain it claims.${arcPass ? " An intact ARC chain shows a forwarder saw it pass earlier, which is common for forwarded and mailing-list mail." : ""}${a.hops.length > 1 && auth.spf.result && isFailure(auth.spf.result) ? " Forwarding also breaks SPF, because the forwarder is not on the original sender's list." : ""}`,
    });
  }

  let lastPublic: Hop | null = null;
  for (const h of hops) {
    const scope = h.fromIp?.scope;
    if (scope === "public") lastPublic = h;
    else if (lastPublic && (scope === "private" || scope === "loopback" || scope === "shared")) {
      // Providers relay internally over private addresses; only a jump between organisations counts.
      if (orgDomain(h.by) !== orgDomain(lastPublic.by)) {
        w.push({
          kind: "private-after-public",
          severity: "medium",
          title: `Hop ${h.index} comes from a private network after the Internet`,
          detail: `Hop ${lastPublic.index} arrived from the public Internet, yet hop ${h.index} says it came from ${h.fromIp!.address}, a ${scope} address, into ${h.by ?? "an unnamed server"} in another organisation. A private address cannot be reached across the Internet, so this header was written inside a private network or was forged.`,
        });
        break;
      }
    }
  }

  const skewed = hops.filter((h) => h.clockSkew);
  if (skewed.length) {
    w.push({
      kind: "clock-skew",
      severity: "info",
      title: "A server's clock is wrong",
      detail: `Hop${skewed.length > 1 ? "s" : ""} ${skewed.map((h) => h.index).join(", ")} ${skewed.length > 1 ? "are" : "is"} dated before the hop that came before, which cannot happen: one of the servers' clocks is off. The negative delay says nothing about where the time went.`,
    });
  }

  const undated = hops.filter((h) => !h.date);
  if (undated.length || a.unreadableReceived.length) {
    w.push({
      kind: "unreadable",
      severity: "info",
      title: "Some Received: headers could not be read fully",
      detail:
        `${undated.length ? `Hop${undated.length > 1 ? "s" : ""} ${undated.map((h) => h.index).join(", ")} ha${undated.length > 1 ? "ve" : "s"} no readable date, so no delay is shown for ${undated.length > 1 ? "them" : "it"}. ` : ""}${a.unreadableReceived.length ? `${a.unreadableReceived.length} Received: header${a.unreadableReceived.length > 1 ? "s" : ""} had nothing readable and ${a.unreadableReceived.length > 1 ? "are" : "is"} listed as written.` : ""}`.trim(),
    });
  }
  return w;
}

/**
 * The whole analysis of a header block, from its fields in message order. Pure and total: it
 * never throws and reads no clock.
 */
export function analyse(fields: HeaderField[]): Analysis {
  const first = (n: string) => fields.find((f) => f.name.toLowerCase() === n)?.value ?? null;
  const received = fields.filter((f) => f.name.toLowerCase() === "received").map((f) => f.value);
  const { hops, unreadable } = buildHops(received);
  const dated = hops.filter((h) => h.date);
  const totalMs =
    dated.length >= 2 ? dated[dated.length - 1]!.date!.epochMs - dated[0]!.date!.epochMs : null;
  const from = readMailbox(first("from"));
  const returnPath = readMailbox(first("return-path"));
  const auth = summariseAuth(fields);
  const subject = first("subject");
  const dateValue = first("date");
  const base = {
    headerCount: fields.length,
    subject: subject === null ? null : safeDecode(subject),
    from,
    replyTo: readMailbox(first("reply-to")),
    returnPath,
    sender: readMailbox(first("sender")),
    to: first("to") === null ? null : safeDecode(first("to")!),
    messageId: first("message-id"),
    date: dateValue ? parseHeaderDate(dateValue) : null,
    hops,
    totalMs,
    auth,
    fromOrg: orgDomain(from?.domain),
    alignment: alignment(from, returnPath, auth),
    // compauth comes from Exchange's own Authentication-Results, the topmost one that has it.
    exchange: readExchange(
      fields,
      auth.results.filter((r) => r.source === "Authentication-Results").flatMap((r) => r.checks),
    ),
    unreadableReceived: unreadable,
  };
  return { ...base, warnings: buildWarnings(base) };
}
