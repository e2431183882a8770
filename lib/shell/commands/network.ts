/** Commands that reach across the simulated network: telnet, nc, openssl s_client, ssh, exit. */
import type { Session, World } from "@/lib/smtp";
import { parseOptions } from "../args";
import { bounceHints, implicitTlsHint } from "../hints";
import { SmtpClientInteraction, showReply, type ClientProgram } from "../smtpClient";
import { style } from "../terminal";
import { fail, ok, type CommandResult } from "../types";
import {
  SERVICE_NAMES,
  addressOf,
  hostNames,
  parsePort,
  settle,
  type LabCommand,
  type LabSession,
} from "../world";

const hostsThenPorts = (prev: readonly string[], ctx: LabSession) =>
  prev.length === 0 ? hostNames(ctx.world) : prev.length === 1 ? ["25", "587", "465"] : [];

/** Opens the interactive session after a successful connect. */
function attach(ctx: LabSession, session: Session, program: ClientProgram): void {
  const world = ctx.world;
  let seen = world.events().length;
  ctx.interaction = new SmtpClientInteraction({
    conn: session,
    program,
    explain: () => ctx.explain,
    afterLine: () => settle(world),
    notes: () => {
      const out = bounceHints(world, seen);
      seen = world.events().length;
      return out;
    },
  });
}

const PORT_HINTS: Record<number, string> = {
  23: "telnet connects to port 23 unless told otherwise; SMTP is port 25 (587 for submission)",
};

function hint(port: number, error: string): string {
  const h = PORT_HINTS[port];
  if (h && error === "Connection refused") return "\n" + style.dim(`  ↳ ${h}`);
  if (error === "Connection timed out")
    return "\n" + style.dim("  ↳ nothing answered: a firewall may be dropping this port");
  return "";
}

export const telnet: LabCommand = {
  name: "telnet",
  usage: "telnet HOST [PORT]",
  summary: "open a plain-text connection and talk SMTP by hand",
  details: [
    "Every line you type goes to the server; its reply prints exactly as sent.",
    "Ctrl+] (or Ctrl+C) leaves. Example: telnet mail.isp.example 25",
  ],
  run(args, ctx) {
    const [host, portText = "23"] = args;
    if (!host || args.length > 2) return fail("usage: telnet HOST [PORT]");
    const port = parsePort(portText);
    if (port === null)
      return fail(
        `telnet: could not resolve ${host}/${portText}: Servname not supported for ai_socktype`,
      );
    const ip = addressOf(ctx.world, host);
    const s = ctx.world.connect({ from: ctx.host, to: host, port });
    if (s.error === "Name or service not known" || (!ip && s.closed))
      return fail(`telnet: could not resolve ${host}/${portText}: Name or service not known`);
    const trying = `Trying ${ip ?? host}...`;
    if (s.closed && !s.greeting)
      return fail(
        `${trying}\ntelnet: Unable to connect to remote host: ${s.error ?? "Connection refused"}${hint(port, s.error ?? "")}`,
      );
    const head = `${trying}\nConnected to ${host}.\nEscape character is '^]'.\n`;
    const greeting =
      showReply(s.greeting, ctx.explain) +
      (port === 465 && !s.greeting ? implicitTlsHint(host) + "\n" : "");
    if (s.closed) return ok(head + greeting + "Connection closed by foreign host.");
    attach(ctx, s, "telnet");
    return ok(head + greeting);
  },
  complete: hostsThenPorts,
};

export const nc: LabCommand = {
  name: "nc",
  usage: "nc [-v] [-C] HOST PORT",
  summary: "netcat: like telnet, but silent; Ctrl+C leaves",
  run(args, ctx) {
    const o = parseOptions(args, { withValue: [], flags: ["-v", "-C", "-c", "-N"] });
    if (o.unknown.length > 0)
      return fail(
        `nc: invalid option -- '${o.unknown[0]!.replace(/^-+/, "")}'\nusage: nc [-v] [-C] HOST PORT`,
      );
    const [host, portText] = o.positional;
    if (!host || !portText || o.positional.length > 2) return fail("usage: nc [-v] [-C] HOST PORT");
    const port = parsePort(portText);
    if (port === null) return fail(`nc: port number invalid: ${portText}`);
    const s = ctx.world.connect({ from: ctx.host, to: host, port });
    if (s.error === "Name or service not known")
      return fail(`nc: getaddrinfo for host "${host}" port ${port}: Name or service not known`);
    if (s.closed && !s.greeting)
      return fail(
        `nc: connect to ${host} port ${port} (tcp) failed: ${s.error ?? "Connection refused"}${hint(port, s.error ?? "")}`,
      );
    const verbose = o.opts.has("-v")
      ? `Connection to ${host} ${port} port [tcp/${SERVICE_NAMES[port] ?? "*"}] succeeded!\n`
      : "";
    const greeting =
      showReply(s.greeting, ctx.explain) +
      (port === 465 && !s.greeting ? implicitTlsHint(host).replace("telnet", "nc") + "\n" : "");
    if (!s.closed) attach(ctx, s, "nc");
    return ok(verbose + greeting);
  },
  complete: hostsThenPorts,
};

function certificateSummary(world: World, server: string, port: number, starttls: boolean): string {
  const issuer = "C = US, O = Example Trust Services, CN = Example Issuing CA R3";
  const ip = world.host(server)?.ip ?? server;
  return [
    `CONNECTED(00000003)`,
    `depth=1 ${issuer}`,
    `verify return:1`,
    `depth=0 CN = ${server}`,
    `verify return:1`,
    `---`,
    `Certificate chain`,
    ` 0 s:CN = ${server}`,
    `   i:${issuer}`,
    ` 1 s:${issuer}`,
    `   i:C = US, O = Example Trust Services, CN = Example Root CA`,
    `---`,
    `Server certificate`,
    `subject=CN = ${server}`,
    `issuer=${issuer}`,
    `---`,
    `New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384`,
    `Server public key is 256 bit`,
    `Verify return code: 0 (ok)`,
    `---`,
    style.dim(
      starttls
        ? `  ↳ connected in plain text to ${ip}:${port}, sent EHLO and STARTTLS, then made a TLS handshake; say EHLO again`
        : `  ↳ TLS from the first byte (implicit TLS, RFC 8314): the greeting below arrived encrypted`,
    ),
  ].join("\n");
}

function tlsFailure(host: string, port: number, error: string): CommandResult {
  return fail(
    [
      `CONNECTED(00000003)`,
      `40E7A2B1F67F0000:error:0A00010B:SSL routines:ssl3_get_record:${error.includes("wrong version") ? "wrong version number" : "unexpected eof while reading"}:../ssl/record/ssl3_record.c:354:`,
      `---`,
      `no peer certificate available`,
      `---`,
      style.dim(
        port === 25 || port === 587
          ? `  ↳ port ${port} starts in plain text: add -starttls smtp (or use port 465 for implicit TLS)`
          : `  ↳ ${error}`,
      ),
    ].join("\n"),
  );
}

export const openssl: LabCommand = {
  name: "openssl",
  usage: "openssl s_client -connect HOST:PORT [-starttls smtp] [-crlf]",
  summary: "open a TLS session: 465 is TLS from the start, 587 and 25 upgrade with STARTTLS",
  details: [
    "openssl s_client -connect mail.isp.example:465",
    "openssl s_client -connect mail.isp.example:587 -starttls smtp -crlf",
    "A line holding just Q closes the connection. (Older OpenSSL also treated any line",
    "starting with R, like RCPT TO, as 'renegotiate': type rcpt to in lower case there.)",
  ],
  run(args, ctx) {
    if (args[0] !== "s_client")
      return fail(
        `openssl: ${args[0] ? `'${args[0]}' is not a command this lab knows` : "missing command"}; try: openssl s_client -connect HOST:PORT`,
      );
    const o = parseOptions(args.slice(1), {
      withValue: ["-connect", "-starttls", "-servername", "-name"],
      flags: ["-crlf", "-quiet", "-brief", "-ign_eof", "-showcerts"],
    });
    if (o.unknown.length > 0 || o.positional.length > 0)
      return fail(
        `s_client: Unknown option or argument: ${o.unknown[0] ?? o.positional[0]}\ns_client: Use -help for summary.`,
      );
    const target = o.opts.get("-connect");
    const m = target ? /^([^:\s]+):(\S+)$/.exec(target) : null;
    if (!m)
      return fail("s_client: -connect HOST:PORT is required (e.g. -connect mail.isp.example:465)");
    const host = m[1]!;
    const port = parsePort(m[2]!);
    if (port === null) return fail(`s_client: bad port '${m[2]}'`);
    const starttls = o.opts.get("-starttls");
    if (starttls !== undefined && starttls !== "smtp")
      return fail(`s_client: this lab only knows -starttls smtp (got '${starttls}')`);
    const s = ctx.world.connect({ from: ctx.host, to: host, port, tls: starttls === undefined });
    if (s.error === "Name or service not known")
      return fail(
        `BIO_lookup_ex: system lib\ns_client: could not resolve ${host}: Name or service not known\nconnect:errno=2`,
      );
    if (s.closed && !s.greeting && !s.tls) {
      if (s.error?.startsWith("TLS")) return tlsFailure(host, port, s.error);
      return fail(
        `${host}:${port}: connect: ${s.error ?? "Connection refused"}\nconnect:errno=111${hint(port, s.error ?? "")}`,
      );
    }
    let intro: string;
    if (starttls === "smtp") {
      // What s_client does for -starttls smtp: read the greeting, EHLO, STARTTLS, handshake.
      const ehlo = s.send(`EHLO ${ctx.host}`);
      if (!/STARTTLS/i.test(ehlo)) {
        s.close();
        settle(ctx.world);
        return fail(
          `CONNECTED(00000003)\nDidn't find STARTTLS in server response, trying anyway...\n${style.dim("  ↳ this server does not offer STARTTLS on this port")}`,
        );
      }
      const reply = s.send("STARTTLS");
      const hs = /^220/.test(reply) ? s.startTls() : { ok: false as const, error: reply };
      if (!hs.ok) {
        s.close();
        settle(ctx.world);
        return fail(`CONNECTED(00000003)\nSTARTTLS refused: ${hs.error}`);
      }
      intro = certificateSummary(ctx.world, host, port, true) + "\n";
    } else {
      intro =
        certificateSummary(ctx.world, host, port, false) +
        "\n" +
        showReply(s.greeting, ctx.explain);
    }
    if (s.closed) return ok(intro + "closed");
    attach(ctx, s, "openssl");
    return ok(intro);
  },
  complete(prev, ctx) {
    if (prev.length === 0) return ["s_client"];
    const last = prev[prev.length - 1];
    if (last === "-connect")
      return hostNames(ctx.world).flatMap((h) => [`${h}:25`, `${h}:465`, `${h}:587`]);
    if (last === "-starttls") return ["smtp"];
    return ["-connect", "-starttls", "-crlf"];
  },
};

export const ssh: LabCommand = {
  name: "ssh",
  usage: "ssh HOST",
  summary: "log in to another host of the scenario (an admin's server, the spammer's box)",
  run(args, ctx) {
    const target = args.find((a) => !a.startsWith("-"));
    if (!target) return fail("usage: ssh HOST");
    const host = target.includes("@") ? target.slice(target.indexOf("@") + 1) : target;
    const info = ctx.world.host(host) ?? ctx.world.hosts().find((h) => h.ip === host) ?? null;
    if (!info) return fail(`ssh: Could not resolve hostname ${host}: Name or service not known`);
    if (!info.shell) return fail(`ssh: connect to host ${info.name} port 22: Connection refused`);
    ctx.login(info.name);
    return ok(
      `Logged in to ${info.name} (${info.label}) as ${ctx.user}.\n` +
        style.dim(`  ↳ commands now run from ${info.name} (${info.ip}); 'exit' comes back`),
    );
  },
  complete: (prev, ctx) =>
    prev.length === 0
      ? ctx.world
          .hosts()
          .filter((h) => h.shell)
          .map((h) => h.name)
      : [],
};

export const exit: LabCommand = {
  name: "exit",
  usage: "exit",
  summary: "leave a host you reached with ssh",
  run(_args, ctx) {
    const from = ctx.host;
    if (!ctx.logout())
      return fail("exit: this is your own machine; there is nowhere to go back to");
    return ok(`logout\nConnection to ${from} closed.`);
  },
};

export const NETWORK_COMMANDS = [telnet, nc, openssl, ssh, exit];
