/** The mail client (`mail`) and the Postfix admin tools (`mailq`, `postconf`). */
import {
  POSTCONF_DEFAULTS,
  mailqDate,
  validateParam,
  rfc5322Date,
  stuffDataLine,
  type World,
} from "@/lib/smtp";
import { parseOptions } from "../args";
import { encodeBase64 } from "../base64";
import { explainReply } from "../explain";
import { style } from "../terminal";
import { fail, ok, type Interaction } from "../types";
import { hostNames, parsePort, settle, type LabCommand, type LabSession } from "../world";

interface Relay {
  host: string;
  port: number;
  auth: { username: string; password: string } | null;
}

/**
 * The mail client's configured outgoing server, as a mail app would have it: on the learner's PC,
 * the server for their own address's domain (submission on 587 with a login when they have one
 * there, otherwise port 25); on a mail server, itself.
 */
function defaultRelay(ctx: LabSession): Relay | null {
  const w = ctx.world;
  const here = w.host(ctx.host);
  if (here?.mta) return { host: here.name, port: 25, auth: null };
  const domain = w.scenario.learner.address.split("@")[1] ?? "";
  const mx = w.domains().find((d) => d.domain === domain)?.mx;
  const server = mx?.slice().sort((a, b) => a.preference - b.preference)[0]?.host;
  if (!server || ctx.host !== w.scenario.learner.host) return null;
  return relayOn(w, server, null, ctx.user);
}

function relayOn(w: World, server: string, port: number | null, user: string): Relay {
  const users = w.scenario.users.filter((u) => u.host === server);
  const login = users.find((u) => u.username === user) ?? users[0] ?? null;
  const ports = w.host(server)?.ports ?? [];
  const chosen = port ?? (login && ports.includes(587) ? 587 : 25);
  return {
    host: server,
    port: chosen,
    auth: login && chosen !== 25 ? { username: login.username, password: login.password } : null,
  };
}

interface Draft {
  subject: string;
  from: string;
  to: string[];
  relay: Relay;
  body: string[];
}

/** Runs the SMTP dialogue a mail client holds, returning the transcript and success. */
export function submit(ctx: LabSession, d: Draft): { transcript: string; ok: boolean } {
  const w = ctx.world;
  const { host, port, auth } = d.relay;
  const out: string[] = [style.dim(`(mail: sending through ${host} port ${port}, as configured)`)];
  const c = (l: string) => out.push(style.cyan(`C: ${l}`));
  const s = (reply: string) => {
    for (const l of reply.split("\r\n")) out.push(style.blue(`S: ${l}`));
  };
  const conn = w.connect({ from: ctx.host, to: host, port, tls: port === 465 });
  if (conn.closed && !conn.greeting) {
    out.push(`mail: cannot connect to ${host} port ${port}: ${conn.error ?? "Connection refused"}`);
    return { transcript: out.join("\n"), ok: false };
  }
  if (port === 465) out.push(style.dim("(TLS handshake first: implicit TLS)"));
  s(conn.greeting);
  let failed: string | null = null;
  /** Sends one command; a reply outside `expect` ends the dialogue. */
  const step = (line: string, expect: RegExp, shown = line): boolean => {
    if (failed !== null || conn.closed) return false;
    c(shown);
    const r = conn.send(line);
    s(r);
    if (!expect.test(r)) {
      failed = r;
      return false;
    }
    return true;
  };
  if (!/^220/.test(conn.greeting)) failed = conn.greeting || "no greeting";
  let ehlo = "";
  const hello = () => {
    if (failed !== null) return;
    c(`EHLO ${ctx.host}`);
    ehlo = conn.send(`EHLO ${ctx.host}`);
    s(ehlo);
    if (!/^250/.test(ehlo)) failed = ehlo;
  };
  hello();
  if (failed === null && !conn.tls && /STARTTLS/.test(ehlo)) {
    if (step("STARTTLS", /^220/)) {
      const hs = conn.startTls();
      if (!hs.ok) failed = hs.error;
      else {
        out.push(style.dim("(TLS handshake: from here on the session is encrypted)"));
        hello();
      }
    }
  }
  if (failed === null && auth && /AUTH/.test(ehlo)) {
    const token = encodeBase64(`\0${auth.username}\0${auth.password}`);
    step(`AUTH PLAIN ${token}`, /^235/);
    if (failed === null)
      out.push(
        style.dim("  ↳ that token is only base64 of \\0user\\0password: TLS is what hides it"),
      );
  }
  step(`MAIL FROM:<${d.from}>`, /^250/);
  for (const rcpt of d.to) step(`RCPT TO:<${rcpt}>`, /^25[01]/);
  if (step("DATA", /^354/)) {
    const lines = [
      `From: <${d.from}>`,
      `To: ${d.to.map((t) => `<${t}>`).join(", ")}`,
      `Subject: ${d.subject}`,
      `Date: ${rfc5322Date(w.now())}`,
      `MIME-Version: 1.0`,
      `Content-Type: text/plain; charset=UTF-8`,
      ``,
      ...d.body,
    ].map(stuffDataLine);
    for (const l of lines) {
      c(l);
      conn.send(l);
    }
    step(".", /^250/);
  }
  const sent = failed === null;
  if (!conn.closed) step("QUIT", /^221/);
  conn.close();
  settle(w);
  if (!sent) {
    const why = failed ? explainReply(failed) : null;
    out.push(`mail: the server refused the message${why ? `\n${style.dim(`  ↳ ${why}`)}` : ""}`);
  }
  return { transcript: out.join("\n"), ok: sent };
}

/** Collects the body after `mail -s`: a lone "." or Ctrl+D ends it, Ctrl+C abandons it. */
class Compose implements Interaction {
  done = false;
  constructor(
    private readonly ctx: LabSession,
    private readonly draft: Draft,
  ) {}
  prompt(): string {
    return "";
  }
  line(text: string): string {
    if (text === ".") return this.send();
    this.draft.body.push(text);
    return "";
  }
  eof(): string {
    return this.send();
  }
  interrupt(): string {
    this.done = true;
    return "(Interrupt -- message not sent)\n";
  }
  private send(): string {
    this.done = true;
    const r = submit(this.ctx, this.draft);
    this.ctx.lastExit = r.ok ? 0 : 1;
    return "EOT\n" + r.transcript + "\n";
  }
}

export const mail: LabCommand = {
  name: "mail",
  usage: "mail -s SUBJECT [-r FROM] [-S smtp=HOST:PORT] TO...",
  summary: "a friendly mail client: write a message, then watch the SMTP dialogue it holds",
  details: [
    "Type the body after the command; a line with only . (or Ctrl+D) sends it.",
    'mail -s "Lunch?" bob@corp.example',
    "-S smtp=HOST:PORT picks the outgoing server (as in mailx); 587 and 465 log in.",
  ],
  run(args, ctx) {
    const o = parseOptions(args, { withValue: ["-s", "-r", "-S"] });
    if (o.unknown.length > 0)
      return fail(
        `mail: invalid option -- '${o.unknown[0]!.replace(/^-+/, "")}'\nUsage: mail -s SUBJECT [-r FROM] TO...`,
      );
    const to = o.positional;
    if (to.length === 0) return fail("mail: no recipients\nUsage: mail -s SUBJECT [-r FROM] TO...");
    const bad = to.find((t) => !/^[^@\s<>]+@[^@\s<>]+$/.test(t));
    if (bad) return fail(`mail: ${bad}: not a mail address (expected user@domain)`);
    const subject = o.opts.get("-s");
    if (subject === undefined) return fail("mail: give the message a subject with -s SUBJECT");
    let relay: Relay | null;
    const smtp = o.opts.get("-S");
    if (smtp !== undefined) {
      const m = /^smtp=(?:smtps?:\/\/)?([^:\s]+)(?::(\S+))?$/.exec(smtp);
      const port = m?.[2] ? parsePort(m[2]) : 25;
      if (!m || port === null) return fail(`mail: -S expects smtp=HOST[:PORT], got '${smtp}'`);
      relay = relayOn(ctx.world, m[1]!, port, ctx.user);
    } else relay = defaultRelay(ctx);
    if (!relay)
      return fail(
        `mail: no outgoing mail server is configured on ${ctx.host}; use -S smtp=HOST:PORT`,
      );
    const from =
      o.opts.get("-r") ??
      (ctx.host === ctx.world.scenario.learner.host
        ? ctx.world.scenario.learner.address
        : `${ctx.user}@${ctx.host}`);
    ctx.interaction = new Compose(ctx, { subject, from, to, relay, body: [] });
    return ok(style.dim("Type the message; end it with a line holding only . (or press Ctrl+D)."));
  },
  complete: (prev, ctx) =>
    prev[prev.length - 1] === "-S"
      ? hostNames(ctx.world).map((h) => `smtp=${h}:`)
      : ctx.world.mailboxes(),
};

function requireMta(ctx: LabSession, tool: string): string | null {
  if (ctx.world.host(ctx.host)?.mta) return null;
  const servers = ctx.world
    .hosts()
    .filter((h) => h.mta && h.shell)
    .map((h) => h.name);
  return (
    `${tool}: fatal: open /etc/postfix/main.cf: No such file or directory\n` +
    style.dim(
      `  ↳ ${ctx.host} runs no mail server.` +
        (servers.length ? ` Log in to one first: ssh ${servers[0]}` : ""),
    )
  );
}

export const mailq: LabCommand = {
  name: "mailq",
  usage: "mailq",
  summary: "list the messages waiting in this mail server's queue",
  run(_args, ctx) {
    const err = requireMta(ctx, "mailq");
    if (err) return fail(err);
    const q = ctx.world.queue(ctx.host);
    if (q.length === 0) return ok("Mail queue is empty");
    const lines = ["-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------"];
    for (const e of q) {
      const id = e.id + (e.status === "active" ? "*" : " ");
      lines.push(
        `${id.padEnd(12)}${String(e.size).padStart(8)} ${mailqDate(e.arrival)}  ${e.sender || "MAILER-DAEMON"}`,
      );
      for (const r of e.recipients) {
        if (r.reason) lines.push(`(${r.reason})`);
        lines.push(`${" ".repeat(41)}${r.address}`);
      }
      lines.push("");
    }
    const kb = Math.max(1, Math.round(q.reduce((n, e) => n + e.size, 0) / 1024));
    lines.push(`-- ${kb} Kbytes in ${q.length} Request${q.length === 1 ? "" : "s"}.`);
    return ok(lines.join("\n"));
  },
};

/**
 * The NAME=VALUE arguments of `postconf -e`, one per argument as Postfix reads them (blanks
 * around '=' are allowed inside one quoted argument). Like Postfix, one bad argument refuses
 * the whole batch: `postconf -e mynetworks = 10.0.0.0/8` is three arguments, not one setting.
 */
function parseEdits(
  args: readonly string[],
): { name: string; value: string }[] | { error: string } {
  if (args.length === 0)
    return {
      error: "postconf: fatal: -e requires NAME=VALUE, e.g. postconf -e 'mynetworks = 127.0.0.0/8'",
    };
  const edits: { name: string; value: string }[] = [];
  for (const arg of args) {
    const m = /^\s*([^\s=]+)\s*=\s*(.*?)\s*$/s.exec(arg);
    if (!m) {
      const why =
        arg.trim() === "" || arg.trim().startsWith("=")
          ? "missing attribute name"
          : "missing '=' after attribute name";
      return {
        error: `postconf: fatal: ${why}: "${arg}"\n${style.dim("  ↳ each setting is one argument: quote it, as in postconf -e 'mynetworks = 127.0.0.0/8'")}`,
      };
    }
    edits.push({ name: m[1]!, value: m[2]! });
  }
  return edits;
}

export const postconf: LabCommand = {
  name: "postconf",
  usage: "postconf [-n] [NAME...] | postconf -e NAME=VALUE | postconf -M",
  summary: "show or change this mail server's Postfix settings (main.cf)",
  details: [
    "postconf mynetworks smtpd_relay_restrictions     show two settings",
    "postconf -n                                      only what differs from the defaults",
    "postconf -e 'mynetworks = 127.0.0.0/8'           change one (applies to new connections)",
    "postconf -M                                      the services in master.cf, with their -o overrides",
  ],
  run(args, ctx) {
    const err = requireMta(ctx, "postconf");
    if (err) return fail(err);
    const conf = ctx.world.postconf(ctx.host) ?? {};
    if (args[0] === "-e") {
      const edits = parseEdits(args.slice(1));
      if ("error" in edits) return fail(edits.error);
      // Every setting is checked before any is written, so a refused one leaves main.cf as it was.
      const refused = edits.map((e) => validateParam(e.name, e.value)).find((p) => p !== null);
      if (refused) return fail(refused);
      const done: string[] = [];
      for (const { name, value } of edits) {
        const r = ctx.world.setPostconf(ctx.host, name, value);
        if (!r.ok) return fail(r.error);
        done.push(`${name} = ${value}`);
      }
      return ok(
        style.dim(
          `  ↳ ${done.join("; ")}; new connections to ${ctx.host} use ${done.length > 1 ? "them" : "it"} (a real server also needs 'postfix reload')`,
        ),
      );
    }
    if (args[0] === "-M") return ok(masterCf(ctx));
    const onlyChanged = args[0] === "-n";
    const names = onlyChanged ? args.slice(1) : args;
    const bad = names.find((n) => n.startsWith("-"));
    if (bad)
      return fail(
        `postconf: invalid option -- '${bad.replace(/^-+/, "")}'\nusage: postconf [-n] [NAME...] | postconf -e NAME=VALUE | postconf -M`,
      );
    if (names.length === 0) {
      const keys = Object.keys(conf)
        .filter(
          (k) =>
            !onlyChanged ||
            !Object.hasOwn(POSTCONF_DEFAULTS, k) ||
            conf[k] !== POSTCONF_DEFAULTS[k],
        )
        .sort();
      return ok(keys.map((k) => `${k} = ${conf[k]}`).join("\n"));
    }
    const out: string[] = [];
    let code = 0;
    for (const n of names) {
      if (Object.hasOwn(conf, n)) out.push(`${n} = ${conf[n]}`);
      else {
        out.push(`postconf: warning: ${n}: unknown parameter`);
        code = 1;
      }
    }
    return { output: out.join("\n"), exitCode: code };
  },
  complete(prev, ctx) {
    const conf = ctx.world.postconf(ctx.host) ?? {};
    const names = Object.keys(conf).sort();
    if (prev[0] === "-e") return prev.length === 1 ? names.map((n) => `${n}=`) : [];
    return [...(prev.length === 0 ? ["-e", "-n", "-M"] : []), ...names];
  },
};

/** master.cf's smtpd services as `postconf -M` prints them: one line each, -o overrides inline. */
function masterCf(ctx: LabSession): string {
  const spec = ctx.world.scenario.hosts.find((h) => h.name === ctx.host);
  const services = spec?.mta?.services ?? [];
  return services
    .map((s) => {
      const opts = Object.entries(s.overrides).map(([k, v]) => ` -o ${k}=${v}`);
      return `${s.name.padEnd(10)} inet  n       -       y       -       -       smtpd${opts.join("")}`;
    })
    .join("\n");
}

/** Per world and host: the `seq` of the newest event at the last `postfix reload` (-1: since start).
 * A serial number, not the log's length, because the lab keeps only the newest events. */
const reloadedAt = new WeakMap<World, Map<string, number>>();

/** Parameters changed with postconf -e on `host` since its last reload, in order, no repeats. */
export function unreloaded(world: World, host: string): string[] {
  const since = reloadedAt.get(world)?.get(host) ?? -1;
  const names = world
    .events()
    .flatMap((e) => (e.type === "postconf" && e.host === host && e.seq > since ? [e.name] : []));
  return [...new Set(names)];
}

const POSTFIX_USAGE = "usage: postfix reload | postfix status";

export const postfix: LabCommand = {
  name: "postfix",
  usage: "postfix reload | postfix status",
  summary: "the Postfix control command: reload re-reads main.cf after postconf -e",
  details: [
    "postfix reload    the running daemons re-read main.cf (do it after every postconf -e)",
    "postfix status    is Postfix running, and are there changes it has not re-read yet?",
    "In this lab postconf -e already applies to new connections; reload lists what it picked up.",
  ],
  run(args, ctx) {
    const err = requireMta(ctx, "postfix");
    if (err) return fail(err);
    const [sub, ...rest] = args;
    if (rest.length > 0 || (sub !== "reload" && sub !== "status"))
      return fail(
        `postfix: fatal: ${sub ? `unknown command: '${sub}'` : "missing command"}\n${POSTFIX_USAGE}`,
      );
    const changed = unreloaded(ctx.world, ctx.host);
    if (sub === "status") {
      const lines = ["postfix/postfix-script: the Postfix mail system is running"];
      lines.push(
        style.dim(
          changed.length
            ? `  ↳ main.cf changed since the last reload (${changed.join(", ")}): run postfix reload so the running daemons use it`
            : "  ↳ the running daemons use main.cf as it is now",
        ),
      );
      return ok(lines.join("\n"));
    }
    const marks = reloadedAt.get(ctx.world) ?? new Map<string, number>();
    marks.set(ctx.host, ctx.world.events().at(-1)?.seq ?? -1);
    reloadedAt.set(ctx.world, marks);
    return ok(
      "postfix/postfix-script: refreshing the Postfix mail system\n" +
        style.dim(
          changed.length
            ? `  ↳ the master process told smtpd and the queue manager to re-read main.cf: ${changed.join(", ")} now governs every new connection. (This lab applied postconf -e at once; a real server keeps the old value until this reload.)`
            : "  ↳ main.cf has not changed since the last reload: nothing new to pick up",
        ),
    );
  },
  complete: (prev) => (prev.length === 0 ? ["reload", "status"] : []),
};

export const MTA_COMMANDS = [mail, mailq, postconf, postfix];
