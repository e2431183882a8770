/**
 * mailauth (postalsys) as an independent oracle: its resolver answers from the same synchronous
 * resolver our checks use (a zone table, or the world's DNS), translated to Node's dns shapes
 * and error codes (ENOTFOUND = NXDOMAIN, ENODATA = no records of that type).
 */
import type { Resolver } from "@/lib/smtp/auth";
import { authenticate } from "mailauth";
import { dkimVerify } from "mailauth/lib/dkim/verify";

/** Typed loosely: mailauth's typings cover only some of the shapes its resolver returns. */
type AsyncResolver = (name: string, type: string) => Promise<never>;

function dnsError(code: string): Error {
  const e = new Error(code) as Error & { code: string };
  e.code = code;
  return e;
}

export function oracleResolver(resolve: Resolver): AsyncResolver {
  return (async (name: string, type: string) => {
    let qname = name;
    let qtype = type;
    if (type === "PTR") {
      // mailauth asks for 4.3.2.1.in-addr.arpa; our resolvers take the address itself.
      qname = name
        .replace(/\.in-addr\.arpa\.?$/i, "")
        .split(".")
        .reverse()
        .join(".");
    }
    if (type === "AAAA") qtype = "A";
    if (!["A", "MX", "TXT", "PTR"].includes(qtype)) throw dnsError("ENODATA");
    const r = resolve(qname, qtype as "A" | "MX" | "TXT" | "PTR");
    if (r.status === "SERVFAIL") throw dnsError("ESERVFAIL");
    if (r.status === "NXDOMAIN") throw dnsError("ENOTFOUND");
    if (type === "AAAA" || r.answers.length === 0) throw dnsError("ENODATA");
    if (qtype === "TXT") return r.answers.map((t) => [t]);
    if (qtype === "MX")
      return r.answers.map((m) => {
        const [p, ex] = m.split(/\s+/);
        return { priority: Number(p), exchange: ex };
      });
    return r.answers.slice();
  }) as AsyncResolver;
}

export interface OracleVerdict {
  spf: string;
  /** Per signature: pass or not. */
  dkim: string[];
  dmarc: string;
  policy: string | null;
}

/** mailauth's authenticate() on a message (lines as the engine stores them). */
export async function oracle(
  lines: readonly string[],
  conn: { ip: string; helo: string; sender: string },
  resolve: Resolver,
): Promise<OracleVerdict> {
  const raw = Buffer.from(lines.join("\r\n") + "\r\n");
  const res = await authenticate(raw, {
    ip: conn.ip,
    helo: conn.helo,
    sender: conn.sender,
    mta: "mx.partner.example",
    resolver: oracleResolver(resolve),
    disableArc: true,
    disableBimi: true,
  });
  const dkimResults = (res.dkim?.results ?? []) as Array<{ status: { result: string } }>;
  return {
    spf: res.spf ? res.spf.status.result : "none",
    dkim: dkimResults.filter((r) => r.status.result !== "none").map((r) => r.status.result),
    dmarc: res.dmarc ? res.dmarc.status.result : "none",
    policy: res.dmarc && "policy" in res.dmarc ? (res.dmarc.policy ?? null) : null,
  };
}

/** mailauth's DKIM verdicts alone, with a comment for failures. */
export async function oracleDkim(
  lines: readonly string[],
  resolve: Resolver,
): Promise<Array<{ result: string; comment: string; domain: string }>> {
  const res = await dkimVerify(Buffer.from(lines.join("\r\n") + "\r\n"), {
    resolver: oracleResolver(resolve),
  });
  return (
    res.results as Array<{ signingDomain?: string; status: { result: string; comment?: string } }>
  ).map((r) => ({
    result: r.status.result,
    comment: r.status.comment ?? "",
    domain: r.signingDomain ?? "",
  }));
}
