/** DNS lookups as dig, host and nslookup print them. Every query is an engine event. */
import type { DnsAnswer } from "@/lib/smtp";
import { parseOptions } from "../args";
import { fail, ok } from "../types";
import { hostNames, type LabCommand, type LabSession } from "../world";

type RR = "A" | "MX" | "PTR" | "TXT";
const TTL = 3600;
const RESOLVER = "198.51.100.53";

function parseType(text: string | undefined): RR | null {
  const t = text?.toUpperCase();
  return t === "A" || t === "MX" || t === "PTR" || t === "TXT" ? t : null;
}

const fqdn = (name: string) => (name.endsWith(".") ? name : name + ".");

/**
 * A TXT record as dig prints it: quoted character-strings of at most 255 bytes each (a longer
 * record is stored as several strings, and resolvers join them again).
 */
export function quoteTxt(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length || i === 0; i += 255)
    parts.push(`"${text.slice(i, i + 255).replace(/["\\]/g, "\\$&")}"`);
  return parts.join(" ");
}

function records(a: DnsAnswer): string[] {
  if (a.status === "NXDOMAIN") return [];
  if (a.type === "MX") return a.answers.map((m) => `${m.preference} ${fqdn(m.exchange)}`);
  if (a.type === "TXT") return a.answers.map(quoteTxt);
  return a.type === "PTR" ? a.answers.map(fqdn) : a.answers.map((ip) => ip);
}

/** A stable, made-up DNS message id (no randomness in the pure layer). */
function queryId(name: string, seq: number): number {
  let h = seq * 31;
  for (const c of name) h = (h * 33 + c.charCodeAt(0)) % 65536;
  return h;
}

const nameAndTypeCompletion = (prev: readonly string[], ctx: LabSession) => [
  ...(prev.length === 0 ? ["MX", "A", "TXT", "-t"] : []),
  ...hostNames(ctx.world),
  ...ctx.world.domains().map((d) => d.domain),
  ...ctx.world.txtRecords().map((t) => t.name),
  ...ctx.world.domains().map((d) => `_dmarc.${d.domain}`),
];

export const dig: LabCommand = {
  name: "dig",
  usage: "dig [+short] [-t] MX|A|TXT NAME | dig -x IP",
  summary: "ask DNS for a domain's mail servers (MX), a host's address (A) or text records (TXT)",
  details: [
    "dig MX corp.example        which host takes mail for corp.example?",
    "dig +short A mx.corp.example",
    "dig TXT corp.example       its SPF record (v=spf1 ...)",
    "dig txt _dmarc.corp.example          its DMARC policy",
    "dig txt mail._domainkey.corp.example the DKIM key for selector 'mail'",
  ],
  run(args, ctx) {
    const short = args.includes("+short");
    const reverse = args.includes("-x");
    const words = args.filter((a) => a !== "+short" && a !== "-t" && a !== "-x");
    let type: RR = reverse ? "PTR" : "A";
    const names: string[] = [];
    for (const w of words) {
      const t = parseType(w);
      if (t && words.length > 1 && !reverse) type = t;
      else if (w.startsWith("+") || w.startsWith("-"))
        return fail(`Invalid option: ${w}\nUsage: dig [+short] [-t] MX|A|TXT NAME`);
      else names.push(w);
    }
    const name = names[0];
    if (!name) return fail("Usage: dig [+short] [-t] MX|A|TXT NAME\n(e.g. dig MX corp.example)");
    if (reverse && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
      return fail(`dig: '${name}' is not an IPv4 address`);
    const a = ctx.world.resolve(name, type, ctx.host);
    const recs = records(a);
    if (short) return ok(recs.join("\n"));
    const q = reverse ? `${name.split(".").reverse().join(".")}.in-addr.arpa.` : fqdn(a.name);
    const id = queryId(q, ctx.world.events().length);
    const lines = [
      `; <<>> DiG 9.18.28 <<>> ${type} ${name}`,
      `;; global options: +cmd`,
      `;; Got answer:`,
      `;; ->>HEADER<<- opcode: QUERY, status: ${a.status}, id: ${id}`,
      `;; flags: qr rd ra; QUERY: 1, ANSWER: ${recs.length}, AUTHORITY: 0, ADDITIONAL: 0`,
      ``,
      `;; QUESTION SECTION:`,
      `;${q}\t\t\tIN\t${type}`,
    ];
    if (recs.length > 0)
      lines.push(``, `;; ANSWER SECTION:`, ...recs.map((r) => `${q}\t\t${TTL}\tIN\t${type}\t${r}`));
    lines.push(``, `;; SERVER: ${RESOLVER}#53(${RESOLVER}) (UDP)`);
    return ok(lines.join("\n"));
  },
  complete: nameAndTypeCompletion,
};

export const host: LabCommand = {
  name: "host",
  usage: "host [-t mx|a|txt] NAME",
  summary: "DNS lookup in one line per answer",
  run(args, ctx) {
    const o = parseOptions(args, { withValue: ["-t"] });
    if (o.unknown.length > 0)
      return fail(`host: invalid option -- '${o.unknown[0]}'\nUsage: host [-t mx|a|txt] NAME`);
    const name = o.positional[0];
    if (!name) return fail("Usage: host [-t mx|a|txt] NAME");
    const t = o.opts.get("-t");
    const ip = /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
    const type = t === undefined ? (ip ? "PTR" : "A") : parseType(t);
    if (!type) return fail(`host: invalid type: ${t} (this lab knows a, mx, txt and ptr)`);
    const a = ctx.world.resolve(name, type, ctx.host);
    const arpa = `${name.split(".").reverse().join(".")}.in-addr.arpa`;
    if (a.status === "NXDOMAIN")
      return fail(`Host ${type === "PTR" ? arpa : name} not found: 3(NXDOMAIN)`);
    if (a.type === "PTR")
      return ok(a.answers.map((h) => `${arpa} domain name pointer ${fqdn(h)}`).join("\n"));
    if (a.type === "TXT") {
      if (a.answers.length === 0) return ok(`${a.name} has no TXT record`);
      return ok(a.answers.map((t) => `${a.name} descriptive text ${quoteTxt(t)}`).join("\n"));
    }
    if (a.type === "MX") {
      if (a.answers.length === 0) return ok(`${a.name} has no MX record`);
      return ok(
        a.answers
          .map((m) => `${a.name} mail is handled by ${m.preference} ${fqdn(m.exchange)}`)
          .join("\n"),
      );
    }
    if (a.answers.length === 0) return ok(`${a.name} has no A record`);
    return ok(a.answers.map((ip) => `${a.name} has address ${ip}`).join("\n"));
  },
  complete: (prev, ctx) =>
    prev[prev.length - 1] === "-t" ? ["mx", "a", "txt"] : nameAndTypeCompletion([""], ctx),
};

export const nslookup: LabCommand = {
  name: "nslookup",
  usage: "nslookup [-type=mx|a|txt] NAME",
  summary: "DNS lookup, the way Windows and older guides do it",
  run(args, ctx) {
    const o = parseOptions(args, { withValue: ["-type", "-query", "-q"] });
    if (o.unknown.length > 0)
      return fail(
        `nslookup: unknown option ${o.unknown[0]}\nUsage: nslookup [-type=mx|a|txt] NAME`,
      );
    const name = o.positional[0];
    if (!name) return fail("Usage: nslookup [-type=mx|a|txt] NAME");
    const t = o.opts.get("-type") ?? o.opts.get("-query") ?? o.opts.get("-q");
    const type = t === undefined ? "A" : parseType(t);
    if (!type) return fail(`nslookup: unknown query type: ${t}`);
    const a = ctx.world.resolve(name, type, ctx.host);
    const head = [`Server:\t\t${RESOLVER}`, `Address:\t${RESOLVER}#53`, ``];
    if (a.status === "NXDOMAIN")
      return fail([...head, `** server can't find ${a.name}: NXDOMAIN`].join("\n"));
    if (a.answers.length === 0)
      return ok([...head, `*** Can't find ${a.name}: No answer`].join("\n"));
    const body =
      a.type === "MX"
        ? a.answers.map((m) => `${a.name}\tmail exchanger = ${m.preference} ${fqdn(m.exchange)}`)
        : a.type === "TXT"
          ? a.answers.map((t) => `${a.name}\ttext = ${quoteTxt(t)}`)
          : a.answers.flatMap((ip) => [`Name:\t${a.name}`, `Address: ${ip}`]);
    return ok([...head, "Non-authoritative answer:", ...body].join("\n"));
  },
  complete: (prev, ctx) => [
    ...(prev.length === 0 ? ["-type=mx", "-type=a", "-type=txt"] : []),
    ...nameAndTypeCompletion([""], ctx),
  ],
};

export const DNS_COMMANDS = [dig, host, nslookup];
