/**
 * Reads a message's Received: chain as a hop table. Each server prepends its header, so the last
 * header is the first hop: the table reads the headers bottom-up.
 */
export interface Hop {
  hop: number;
  /** The host the server says it heard from ("from" clause, with its checked name and IP). */
  from: string;
  fromIp: string | null;
  by: string;
  /** SMTP, ESMTP, ESMTPS (TLS), ESMTPSA (TLS + login)... */
  with: string;
  id: string | null;
  for: string | null;
  time: string;
  tls: string | null;
  authenticatedAs: string | null;
}

/** Parses one unfolded Received: value; null when it has no "by" clause. */
export function parseReceived(value: string, hop = 0): Hop | null {
  const v = value.replace(/\s+/g, " ").trim();
  const semi = v.lastIndexOf(";");
  const main = semi >= 0 ? v.slice(0, semi) : v;
  const time = semi >= 0 ? v.slice(semi + 1).trim() : "";
  const by = /\bby ([^\s()]+)/.exec(main)?.[1];
  if (!by) return null;
  const fromM = /^from ([^\s()]+)(?: \(([^)]*)\))?/.exec(main);
  const ip = fromM?.[2] ? (/\[([0-9a-fA-F.:]+)\]/.exec(fromM[2])?.[1] ?? null) : null;
  const tls =
    /\(using ([^)]*?\))\)/.exec(main)?.[1] ?? /\(using ([^()]+)\)/.exec(main)?.[1] ?? null;
  return {
    hop,
    from: fromM?.[1] ?? "(unknown)",
    fromIp: ip,
    by,
    with: /\bwith ([A-Za-z0-9]+)/.exec(main.replace(/\((?:[^()]|\([^()]*\))*\)/g, ""))?.[1] ?? "",
    id: /\bid ([A-Za-z0-9.-]+)/.exec(main)?.[1] ?? null,
    for: /\bfor <([^>]*)>/.exec(main)?.[1] ?? null,
    time,
    tls: tls ? tls.replace(/ with cipher /, ", ") : null,
    authenticatedAs: /\(Authenticated sender: ([^)]+)\)/.exec(main)?.[1] ?? null,
  };
}

/** Hops in travel order (first hop first) from Received: values in header order (newest first). */
export function hopTable(receivedValues: readonly string[]): Hop[] {
  const hops: Hop[] = [];
  for (const value of [...receivedValues].reverse()) {
    const h = parseReceived(value, hops.length + 1);
    if (h) hops.push(h);
  }
  return hops;
}
