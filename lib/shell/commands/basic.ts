/** Commands that need no mail network: help, clear, history, hostname, whoami, base64, explain. */
import { decodeBase64, encodeBase64, escapeControls, unescapeText } from "../base64";
import type { History } from "../history";
import { style } from "../terminal";
import { fail, ok, type Command } from "../types";

/** What these commands need from the session (any world). */
export interface BasicContext {
  readonly host: string;
  readonly user: string;
  readonly history: History;
  readonly commands: ReadonlyMap<
    string,
    Pick<Command<never>, "name" | "usage" | "summary" | "details">
  >;
  explain: boolean;
}

type Cmd = Command<BasicContext>;

const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - s.length));

export const help: Cmd = {
  name: "help",
  usage: "help [COMMAND]",
  summary: "list the commands, or explain one",
  run(args, ctx) {
    const name = args[0];
    if (name !== undefined) {
      const cmd = ctx.commands.get(name);
      if (!cmd) return fail(`help: no help topics match '${name}'. Try 'help' on its own.`);
      return ok(
        [
          `${style.bold("Usage:")} ${cmd.usage}`,
          `  ${cmd.summary}`,
          ...(cmd.details ?? []).map((d) => `  ${d}`),
        ].join("\n"),
      );
    }
    const cmds = [...ctx.commands.values()];
    const width = Math.max(...cmds.map((c) => c.usage.length)) + 2;
    return ok(
      [
        "Commands (Tab completes names, hosts and SMTP verbs; Up/Down recall history):",
        ...cmds.map((c) => `  ${pad(c.usage, width)}${style.dim(c.summary)}`),
        "Type 'help COMMAND' for details and examples.",
      ].join("\n"),
    );
  },
  complete: (prev, ctx) => (prev.length === 0 ? [...ctx.commands.keys()] : []),
};

export const clear: Cmd = {
  name: "clear",
  usage: "clear",
  summary: "clear the screen (Ctrl+L also works)",
  run: () => ok("\x1b[H\x1b[2J\x1b[3J"),
};

export const history: Cmd = {
  name: "history",
  usage: "history [-c]",
  summary: "show the commands you typed (-c clears them)",
  run(args, ctx) {
    if (args[0] === "-c") {
      ctx.history.clear();
      return ok();
    }
    if (args.length > 0)
      return fail(`history: ${args[0]}: invalid option\nhistory: usage: history [-c]`, 2);
    const list = ctx.history.list();
    const w = String(list.length).length + 2;
    return ok(list.map((l, i) => `${String(i + 1).padStart(w)}  ${l}`).join("\n"));
  },
};

export const hostname: Cmd = {
  name: "hostname",
  usage: "hostname",
  summary: "print the name of the host you are on",
  run: (_args, ctx) => ok(ctx.host),
};

export const whoami: Cmd = {
  name: "whoami",
  usage: "whoami",
  summary: "print your user name on this host",
  run: (_args, ctx) => ok(ctx.user),
};

export const base64: Cmd = {
  name: "base64",
  usage: "base64 [-d] TEXT",
  summary: "encode TEXT in base64 (-d decodes); \\0 stands for a NUL byte",
  details: [
    "AUTH PLAIN wants base64 of \\0user\\0password:",
    "  base64 '\\0alice\\0secret'    ->  AGFsaWNlAHNlY3JldA==",
    "AUTH LOGIN prompts are base64 too:",
    "  base64 -d VXNlcm5hbWU6      ->  Username:",
  ],
  run(args) {
    const decode = args[0] === "-d" || args[0] === "--decode";
    const rest = decode ? args.slice(1) : args;
    const bad = rest.find((a) => a.startsWith("-") && a.length > 1);
    if (bad)
      return fail(`base64: invalid option -- '${bad.replace(/^-+/, "")}'\nTry 'help base64'.`);
    if (rest.length === 0)
      return fail(
        "base64: missing TEXT (this lab reads its input from the command line)\nTry 'help base64'.",
      );
    const text = rest.join(" ");
    if (!decode) return ok(encodeBase64(unescapeText(text)));
    const d = decodeBase64(text);
    return d.ok ? ok(escapeControls(d.text)) : fail("base64: invalid input");
  },
  complete: (prev) => (prev.length === 0 ? ["-d"] : []),
};

export const explain: Cmd = {
  name: "explain",
  usage: "explain [on|off]",
  summary: "show or hide the plain-English line beneath each SMTP reply",
  run(args, ctx) {
    const v = args[0];
    if (v === "on" || v === "off") ctx.explain = v === "on";
    else if (v !== undefined) return fail("explain: expected 'on' or 'off'");
    return ok(`Reply explanations are ${ctx.explain ? "on" : "off"}.`);
  },
  complete: (prev) => (prev.length === 0 ? ["on", "off"] : []),
};

export const echo: Cmd = {
  name: "echo",
  usage: "echo TEXT",
  summary: "print TEXT",
  run: (args) => ok(args.join(" ")),
};

export const BASIC_COMMANDS = [help, clear, history, hostname, whoami, base64, explain, echo];
