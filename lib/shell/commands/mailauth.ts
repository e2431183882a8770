/**
 * The tools an admin uses to publish email authentication: nsupdate (dynamic DNS updates, RFC
 * 2136, interactive as in BIND), opendkim-genkey (make a DKIM key) and opendkim-testkey (check
 * that the published key matches the private one). All act on the world's DNS and relays.
 */
import type { DnsUpdate, World } from "@/lib/smtp";
import { publicKeyFromRecord, toBase64 } from "@/lib/smtp/auth";
import { parseOptions } from "../args";
import { style } from "../terminal";
import { fail, ok, type Interaction } from "../types";
import type { LabCommand, LabSession } from "../world";
import { quoteTxt } from "./dns";

// --- nsupdate ---------------------------------------------------------------------------------

const NSUPDATE_HELP = [
  "server servername [port]         (send updates to this server)",
  "zone zonename                    (set the zone to update)",
  "ttl seconds                      (default TTL for 'update add')",
  'update add NAME TTL [IN] TXT "text" ...   (add a TXT record)',
  'update delete NAME [IN] [TXT ["text"]]     (delete TXT records)',
  "show                             (show the update built so far)",
  "send                             (send it; a blank line does too)",
  "quit                             (leave nsupdate)",
];

/** Splits a TXT rdata into its character-strings: quoted strings, or bare words. */
function txtStrings(
  text: string,
): { ok: true; strings: string[]; bare: boolean } | { ok: false; error: string } {
  const strings: string[] = [];
  let bare = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    let s = "";
    if (c === '"') {
      i++;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        s += text[i];
      }
      if (i >= text.length) return { ok: false, error: "unbalanced quotes" };
      i++;
    } else {
      bare = true;
      for (; i < text.length && text[i] !== " " && text[i] !== "\t"; i++) s += text[i];
    }
    if (s.length > 255)
      return {
        ok: false,
        error: `a TXT string is at most 255 characters (this one has ${s.length}); split it into several quoted strings`,
      };
    strings.push(s);
  }
  return { ok: true, strings, bare };
}

interface Pending {
  update: DnsUpdate;
  ttl: number;
  /** How `show` prints the record's data. */
  data: string;
}

export class Nsupdate implements Interaction {
  done = false;
  private zone: string | null = null;
  private ttl: number | null = null;
  private pending: Pending[] = [];
  /** Batches sent successfully in this run (the coach tells "before send" from "after send"). */
  sent = 0;

  constructor(private readonly ctx: LabSession) {}

  /** Updates typed and not yet sent. */
  get pendingCount(): number {
    return this.pending.length;
  }

  prompt(): string {
    return "> ";
  }

  interrupt(): string {
    this.done = true;
    return "";
  }

  eof(): string {
    this.done = true;
    return "";
  }

  complete(before: string): readonly string[] {
    const words = before.trimStart().split(/\s+/);
    if (words.length <= 1)
      return ["server", "zone", "ttl", "update", "show", "send", "quit", "help"];
    if (words[0] === "update" && words.length === 2) return ["add", "delete"];
    if (words[0] === "zone" || (words[0] === "update" && words.length === 3))
      return this.ctx.world.domains().flatMap((d) => [d.domain, `_dmarc.${d.domain}`]);
    if (words[0] === "update" && words[1] === "add" && words.length === 5) return ["TXT", "IN"];
    return [];
  }

  line(text: string): string {
    const t = text.trim();
    if (t === "" || t === "send") return this.send();
    const [cmd = "", ...rest] = t.split(/\s+/);
    const args = t.slice(cmd.length).trim();
    switch (cmd.toLowerCase()) {
      case "quit":
        this.done = true;
        return "";
      case "help":
        return NSUPDATE_HELP.join("\n") + "\n";
      case "server":
        if (rest.length === 0) return "server: missing server name\n";
        return "";
      case "local":
      case "class":
      case "key":
      case "gsstsig":
      case "oldgsstsig":
      case "realm":
      case "debug":
        return "";
      case "zone": {
        if (rest.length === 0) return "zone: missing zone name\n";
        this.zone = rest[0]!.toLowerCase().replace(/\.$/, "");
        return "";
      }
      case "ttl": {
        if (!/^\d{1,10}$/.test(rest[0] ?? ""))
          return `ttl '${rest[0] ?? ""}': not a valid number\n`;
        this.ttl = Number(rest[0]);
        return "";
      }
      case "show":
        return this.show();
      case "answer":
        return "";
      case "prereq":
        return (
          style.dim("  ↳ prerequisites are not simulated in this lab; use update add/delete") + "\n"
        );
      case "update":
        return this.update(args);
      case "add":
      case "del":
      case "delete":
        return this.update(t);
      default:
        return `incorrect section name: ${cmd}\n`;
    }
  }

  private update(text: string): string {
    const m = /^(add|del|delete)\s+(\S+)\s*(.*)$/i.exec(text);
    if (!m)
      return text.trim() === ""
        ? "incorrect section name: \n"
        : `incorrect section name: ${text.split(/\s+/)[0]}\n`;
    const op = m[1]!.toLowerCase() === "add" ? "add" : "delete";
    const name = m[2]!.toLowerCase().replace(/\.$/, "");
    let rest = m[3]!.trim();
    let ttl = this.ttl;
    const ttlM = /^(\d+)\s*(.*)$/.exec(rest);
    if (ttlM) {
      ttl = Number(ttlM[1]);
      rest = ttlM[2]!;
    }
    rest = rest.replace(/^IN\s+/i, "");
    const typeM = /^(\S+)\s*(.*)$/.exec(rest);
    const type = typeM?.[1]?.toUpperCase() ?? "";
    const data = typeM?.[2] ?? "";
    if (op === "add") {
      if (ttl === null) return "ttl must be specified\n";
      if (type === "") return "failed to read owner name\n";
      if (type !== "TXT")
        return type === "A" || type === "MX" || type === "CNAME" || type === "AAAA"
          ? `update: ${type} records are not editable in this lab (only TXT: SPF, DKIM, DMARC)\n`
          : `unknown class/type: ${typeM?.[1]}\n`;
      const strings = txtStrings(data);
      if (!strings.ok) return `invalid rdata format: ${strings.error}\n`;
      if (strings.strings.length === 0) return "failed to read rdata\n";
      const value = strings.strings.join("");
      this.pending.push({
        update: { op, name, type: "TXT", value, ttl },
        ttl,
        data: strings.strings.map((s) => `"${s}"`).join(" "),
      });
      if (strings.bare && strings.strings.length > 1)
        return (
          style.dim(
            `  ↳ unquoted words are separate strings (${strings.strings.map((s) => `"${s}"`).join(" ")}); ` +
              `resolvers join them with no spaces, giving "${value}". Quote the whole text.`,
          ) + "\n"
        );
      return "";
    }
    if (type !== "" && type !== "TXT" && type !== "ANY")
      return `update: ${type} records are not editable in this lab (only TXT)\n`;
    let value: string | undefined;
    if (data.trim() !== "") {
      const strings = txtStrings(data);
      if (!strings.ok) return `invalid rdata format: ${strings.error}\n`;
      value = strings.strings.join("");
    }
    this.pending.push({
      update:
        value === undefined
          ? { op: "delete", name, type: "TXT" }
          : { op: "delete", name, type: "TXT", value },
      ttl: 0,
      data: value === undefined ? "" : quoteTxt(value),
    });
    return "";
  }

  private show(): string {
    const lines = [
      "Outgoing update query:",
      ";; ->>HEADER<<- opcode: UPDATE, status: NOERROR, id:      0",
      `;; flags:; ZONE: 0, PREREQ: 0, UPDATE: ${this.pending.length}, ADDITIONAL: 0`,
    ];
    if (this.zone) lines.push(";; ZONE SECTION:", `;${this.zone}.\t\t\tIN\tSOA`, "");
    lines.push(";; UPDATE SECTION:");
    for (const p of this.pending) {
      const n = `${p.update.name}.`;
      lines.push(
        p.update.op === "add"
          ? `${n}\t\t${p.ttl}\tIN\tTXT\t${p.data}`
          : `${n}\t\t0\t${p.data ? "NONE" : "ANY"}\tTXT\t${p.data}`.trimEnd(),
      );
    }
    return lines.join("\n") + "\n\n";
  }

  private send(): string {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return "";
    if (this.zone) {
      const z = this.zone;
      if (batch.some((p) => p.update.name !== z && !p.update.name.endsWith("." + z)))
        return "update failed: NOTZONE\n";
    }
    const done: string[] = [];
    for (const p of batch) {
      const r = this.ctx.world.updateDns(p.update, this.ctx.host);
      if (!r.ok) {
        const hint = r.error.endsWith("REFUSED")
          ? style.dim(`\n  ↳ only ${this.ctx.host}'s own organization may change these names`)
          : "";
        return `${r.error}${hint}\n`;
      }
      done.push(p.update.name);
    }
    this.sent++;
    return (
      style.dim(`  ↳ updated ${[...new Set(done)].join(", ")}; check with dig TXT NAME`) + "\n"
    );
  }
}

export const nsupdate: LabCommand = {
  name: "nsupdate",
  usage: "nsupdate",
  summary: "change DNS records (publish SPF, DKIM and DMARC TXT records) with dynamic updates",
  details: [
    "Interactive, as in BIND: type commands at the > prompt, then send, then quit.",
    "  zone corp.example",
    '  update add corp.example 3600 TXT "v=spf1 mx -all"',
    '  update add _dmarc.corp.example 3600 TXT "v=DMARC1; p=reject"',
    "  update delete _dmarc.corp.example TXT",
    "  show        send        quit",
    "Quote TXT text: unquoted words become separate strings, joined with no spaces.",
  ],
  run(args, ctx) {
    if (args.length > 0 && !args.every((a) => /^-[dDvLk]/.test(a)))
      return fail(
        `nsupdate: reading commands from a file is not simulated; run nsupdate and type them\nUsage: nsupdate`,
      );
    ctx.interaction = new Nsupdate(ctx);
    return ok();
  },
};

// --- opendkim-genkey / opendkim-testkey ------------------------------------------------------------

/** The relay that signs for `domain` from where the admin stands: this host, or the domain's MX. */
function signingHost(world: World, here: string, domain: string): string | null {
  if (world.host(here)?.mta) return here;
  const mx = world.domains().find((d) => d.domain === domain)?.mx ?? [];
  const org = (n: string) => n.split(".").slice(-2).join(".");
  for (const m of mx) if (world.host(m.host)?.mta && org(m.host) === org(here)) return m.host;
  return null;
}

function txtFile(selector: string, domain: string, record: string): string {
  const p = record.indexOf("p=");
  return (
    `${selector}._domainkey\tIN\tTXT\t( "${record.slice(0, p)}"\n` +
    `\t  "${record.slice(p)}" )  ; ----- DKIM key ${selector} for ${domain}`
  );
}

export const opendkimGenkey: LabCommand = {
  name: "opendkim-genkey",
  usage: "opendkim-genkey -s SELECTOR -d DOMAIN",
  summary: "make a DKIM key pair: the private half signs on the relay, the public half goes in DNS",
  details: [
    "opendkim-genkey -s mail -d corp.example",
    "Makes an Ed25519 key (a=ed25519-sha256, RFC 8463; the real tool's default is RSA and",
    "it takes -a ed25519 only in recent versions), installs the private key on this mail",
    "server (or the domain's MX), and prints mail.txt: the record to publish at",
    "mail._domainkey.corp.example with nsupdate.",
  ],
  run(args, ctx) {
    const o = parseOptions(args, {
      withValue: ["-s", "-d", "-b", "-a", "-D", "-h", "-t"],
      flags: ["-v", "-r", "--restrict", "--verbose"],
    });
    if (o.unknown.length > 0)
      return fail(
        `opendkim-genkey: unknown option ${o.unknown[0]}\nUsage: opendkim-genkey -s SELECTOR -d DOMAIN`,
      );
    const selector = (o.opts.get("-s") ?? "default").toLowerCase();
    const here = ctx.host;
    const domain = (o.opts.get("-d") ?? here.split(".").slice(-2).join(".")).toLowerCase();
    const host = signingHost(ctx.world, here, domain);
    if (!host)
      return fail(
        `opendkim-genkey: no OpenDKIM here to install the key\n` +
          style.dim(
            `  ↳ ${here} runs no mail server and ${domain}'s MX is not ours; log in to the domain's mail server`,
          ),
      );
    const r = ctx.world.generateDkimKey(host, domain, selector);
    if (!r.ok) return fail(`opendkim-genkey: ${r.error}`);
    const notes: string[] = [];
    if (o.opts.has("-b"))
      notes.push(`-b ${o.opts.get("-b")} ignored: Ed25519 keys are always 256 bits`);
    return ok(
      [
        `opendkim-genkey: generating private key`,
        `opendkim-genkey: private key written to ${selector}.private (installed for OpenDKIM on ${host})`,
        `opendkim-genkey: extracting public key`,
        `opendkim-genkey: DNS TXT record written to ${selector}.txt`,
        ``,
        `$ cat ${selector}.txt`,
        txtFile(selector, domain, r.key.record),
        ``,
        style.dim(
          `  ↳ publish it: nsupdate, then  update add ${selector}._domainkey.${domain} 3600 TXT "${r.key.record}"`,
        ),
        ...notes.map((n) => style.dim(`  ↳ ${n}`)),
      ].join("\n"),
    );
  },
  complete: (prev, ctx) =>
    prev[prev.length - 1] === "-d"
      ? ctx.world.domains().map((d) => d.domain)
      : prev[prev.length - 1] === "-s"
        ? ["mail", "default"]
        : ["-s", "-d"],
};

export const opendkimTestkey: LabCommand = {
  name: "opendkim-testkey",
  usage: "opendkim-testkey -d DOMAIN -s SELECTOR [-vvv]",
  summary: "check that the DKIM key published in DNS matches the private key on the relay",
  details: ["opendkim-testkey -d corp.example -s mail -vvv"],
  run(args, ctx) {
    const verbose = args.some((a) => /^-v+$/.test(a));
    const o = parseOptions(
      args.filter((a) => !/^-v+$/.test(a)),
      { withValue: ["-d", "-s", "-k", "-x"] },
    );
    if (o.unknown.length > 0)
      return fail(
        `opendkim-testkey: unknown option ${o.unknown[0]}\nUsage: opendkim-testkey -d DOMAIN -s SELECTOR`,
      );
    const domain = o.opts.get("-d")?.toLowerCase();
    const selector = o.opts.get("-s")?.toLowerCase();
    if (!domain || !selector)
      return fail(
        "opendkim-testkey: -d and -s are required\nUsage: opendkim-testkey -d DOMAIN -s SELECTOR",
      );
    const name = `${selector}._domainkey.${domain}`;
    const out: string[] = [];
    if (verbose)
      out.push(
        "opendkim-testkey: using default configfile /etc/opendkim.conf",
        `opendkim-testkey: checking key '${name}'`,
      );
    const a = ctx.world.resolve(name, "TXT", ctx.host);
    const records = a.status === "NOERROR" && a.type === "TXT" ? a.answers : [];
    if (records.length === 0)
      return fail([...out, `opendkim-testkey: '${name}' record not found`].join("\n"));
    const pub = publicKeyFromRecord(records[0]!);
    if (!pub)
      return fail(
        [...out, `opendkim-testkey: '${name}': key data is not valid base64 (p=)`].join("\n"),
      );
    const installed = ctx.world
      .dkimKeys()
      .filter((k) => k.domain === domain && k.selector === selector);
    if (verbose) out.push("opendkim-testkey: key not secure");
    if (installed.length > 0 && !installed.some((k) => k.publicKey === toBase64(pub)))
      return fail(
        [
          ...out,
          `opendkim-testkey: key mismatch: '${name}' does not publish the public half of the key on ${installed[0]!.host}`,
        ].join("\n"),
      );
    out.push("opendkim-testkey: key OK");
    if (verbose)
      out.push(style.dim('  ↳ "not secure" only means the zone is not signed with DNSSEC'));
    return ok(out.join("\n"));
  },
  complete: (prev, ctx) =>
    prev[prev.length - 1] === "-d"
      ? ctx.world.domains().map((d) => d.domain)
      : prev[prev.length - 1] === "-s"
        ? [...new Set(ctx.world.dkimKeys().map((k) => k.selector))]
        : ["-d", "-s", "-vvv"],
};

export const MAILAUTH_COMMANDS = [nsupdate, opendkimGenkey, opendkimTestkey];
