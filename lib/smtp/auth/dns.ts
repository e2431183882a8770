/**
 * The one DNS interface every check uses: a synchronous resolver the world provides. Answers are
 * strings: A = dotted quads, MX = "10 mx.corp.example", TXT = one string per record (its
 * character-strings already joined, as RFC 7208 3.3 and RFC 6376 3.6.2.2 ask), PTR = names.
 */
export type DnsType = "A" | "MX" | "TXT" | "PTR";

export interface DnsReply {
  /** NOERROR with no answers is "NODATA": the name exists, the type does not. */
  status: "NOERROR" | "NXDOMAIN" | "SERVFAIL";
  answers: string[];
}

export type Resolver = (name: string, type: DnsType) => DnsReply;

/** A resolver that never throws, even if the one it wraps does (a world bug becomes SERVFAIL). */
export function safeResolver(resolve: Resolver): Resolver {
  return (name, type) => {
    try {
      const r = resolve(name, type);
      if (r && (r.status === "NOERROR" || r.status === "NXDOMAIN" || r.status === "SERVFAIL"))
        return { status: r.status, answers: Array.isArray(r.answers) ? r.answers.map(String) : [] };
    } catch {
      // fall through
    }
    return { status: "SERVFAIL", answers: [] };
  };
}

/** A zone held in memory (tests, the bench): name -> type -> answers. Unknown names are NXDOMAIN. */
export function zoneResolver(zone: Record<string, Partial<Record<DnsType, string[]>>>): Resolver {
  const z = new Map(Object.entries(zone).map(([k, v]) => [k.toLowerCase().replace(/\.$/, ""), v]));
  return (name, type) => {
    const key = name.toLowerCase().replace(/\.$/, "");
    const node = z.get(key);
    if (!node) {
      // A name with names below it exists (an "empty non-terminal").
      for (const k of z.keys())
        if (k.endsWith("." + key)) return { status: "NOERROR", answers: [] };
      return { status: "NXDOMAIN", answers: [] };
    }
    return { status: "NOERROR", answers: (node[type] ?? []).slice() };
  };
}

/** Lower case, no trailing dot. */
export const normName = (name: string): string => name.trim().toLowerCase().replace(/\.$/, "");
