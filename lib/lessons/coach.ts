/**
 * The coach behind "Show me": from where the learner is now (which host, which SMTP session and
 * how far it got, which tasks are done), the next line that fits. It reads the shell's and the
 * engine's state, never the text the learner typed. Pure: no React, no DOM, no timers.
 *
 * How: the lesson's solution is replayed once in a fresh world, recording the place before each
 * line (host, session, SMTP state) and the line after which each task first holds. To advise, the
 * coach takes the first task (in the solution's order) that is not done, looks in that task's part
 * of the solution for a line recorded at the learner's current place, and otherwise moves the
 * learner there: QUIT a session that is not the one needed, exit or ssh to the right host, then
 * the command that opens the needed session.
 */
import { createWorld, type World } from "@/lib/smtp";
import { Nsupdate } from "@/lib/shell/commands/mailauth";
import { unreloaded } from "@/lib/shell/commands/mta";
import { createLabSession, type LabSession } from "@/lib/shell/lab";
import { SmtpClientInteraction } from "@/lib/shell/smtpClient";
import { evaluateTasks } from "./checks";
import type { Task } from "./schema";

/** Where the learner is: their host, and the SMTP session they are typing into, if any. */
export interface Place {
  host: string;
  depth: number;
  /** What takes the typed lines: the shell, an SMTP session, or another program (mail's editor). */
  at: "shell" | "smtp" | "program";
  session: {
    server: string;
    port: number;
    state: string;
    tls: boolean;
    authenticated: boolean;
    /** Message lines typed since DATA's 354. */
    dataLines: number;
  } | null;
  /** Inside nsupdate: updates typed but not sent, and batches sent in this run. */
  nsupdate?: { pending: number; sent: number };
}

export type CoachAdvice =
  | {
      kind: "type";
      line: string;
      /** The task this line works towards. */
      task: Task;
      /** One sentence on why this line comes now. */
      why: string;
    }
  | { kind: "done" };

/** Reads the place from the shell session (the engine's session state through the client program). */
export function placeOf(shell: LabSession): Place {
  const base = { host: shell.host, depth: shell.depth };
  const program = shell.interaction;
  if (!program || program.done) return { ...base, at: "shell", session: null };
  if (program instanceof Nsupdate)
    return {
      ...base,
      at: "program",
      session: null,
      nsupdate: { pending: program.pendingCount, sent: program.sent },
    };
  if (!(program instanceof SmtpClientInteraction)) return { ...base, at: "program", session: null };
  const c = program.connection;
  return {
    ...base,
    at: "smtp",
    session: {
      server: c.server ?? "",
      port: c.port ?? 0,
      state: c.state ?? "",
      tls: c.tls ?? false,
      authenticated: Boolean(c.authenticatedAs),
      dataLines: program.inData ? program.dataLines : 0,
    },
  };
}

const sessionKey = (p: Place) =>
  p.session
    ? `${p.session.server}:${p.session.port}|${p.session.state}|${p.session.tls}|${p.session.authenticated}`
    : "";
const placeKey = (p: Place) =>
  `${p.host}|${p.depth}|${p.at}|${sessionKey(p)}|${p.session?.dataLines ?? 0}` +
  (p.nsupdate ? `|ns:${p.nsupdate.pending}:${p.nsupdate.sent}` : "");

/** One solution line with the place it was typed at. */
interface Step {
  line: string;
  place: Place;
  /** Index of the line that opened the session this line is typed into (-1 at the shell). */
  opener: number;
}

export interface Plan {
  steps: Step[];
  /** For each task id, the index of the solution line after which it first holds (-1: never). */
  completes: Record<string, number>;
}

/** Replays the solution in a fresh copy of the scenario (the learner's world is not touched). */
export function planLesson(
  scenario: World["scenario"],
  tasks: readonly Task[],
  solution: readonly string[],
): Plan {
  const world = createWorld(scenario);
  const completes: Record<string, number> = Object.fromEntries(tasks.map((t) => [t.id, -1]));
  if (!world.ok) return { steps: [], completes };
  const shell = createLabSession(world);
  const steps: Step[] = [];
  let opener = -1;
  solution.forEach((line, i) => {
    const place = placeOf(shell);
    steps.push({ line, place, opener: place.at === "shell" ? -1 : opener });
    if (place.at === "shell") opener = i;
    shell.submit(line);
    const done = evaluateTasks(tasks, world);
    for (const t of tasks) if (done[t.id] && completes[t.id] === -1) completes[t.id] = i;
  });
  return { steps, completes };
}

const plans = new WeakMap<readonly string[], Plan>();

function planFor(world: World, tasks: readonly Task[], solution: readonly string[]): Plan {
  let plan = plans.get(solution);
  if (!plan) {
    plan = planLesson(world.scenario, tasks, solution);
    plans.set(solution, plan);
  }
  return plan;
}

/** The tasks in the order the solution completes them (tasks it never completes go last). */
export function taskOrder(plan: Plan, tasks: readonly Task[]): Task[] {
  const at = (t: Task) => (plan.completes[t.id]! < 0 ? Infinity : plan.completes[t.id]!);
  return [...tasks].sort((a, b) => at(a) - at(b));
}

/**
 * The next line for the learner, given where they are and which tasks are done (the caller's view:
 * live checks, plus saved progress for tasks that stay done once achieved).
 */
export function adviseNext(
  tasks: readonly Task[],
  solution: readonly string[],
  shell: LabSession,
  done: Readonly<Record<string, boolean>>,
): CoachAdvice {
  const plan = planFor(shell.world, tasks, solution);
  const order = taskOrder(plan, tasks);
  const target = order.find((t) => !done[t.id]);
  if (!target) return { kind: "done" };
  const end = plan.completes[target.id] ?? -1;
  // The target's part of the solution: after the line that completed the task before it.
  const before = order[order.indexOf(target) - 1];
  const start = before ? (plan.completes[before.id] ?? -1) + 1 : 0;
  // A reload fits only while the host has changes it has not re-read (state, not typed text);
  // while it fits it comes first, since other lines at the same place would skip it.
  const isReload = (s: Step) => /^postfix\s+reload\b/.test(s.line);
  const fits = (s: Step) => !isReload(s) || unreloaded(shell.world, s.place.host).length > 0;
  const segment = end < 0 ? [] : plan.steps.slice(start, end + 1).filter(fits);
  const here = placeOf(shell);
  const type = (line: string, why: string): CoachAdvice => ({
    kind: "type",
    line,
    task: target,
    why,
  });

  // A line of the solution typed at exactly this place: the latest one, so that lines which only
  // look around (postconf NAME) are not repeated forever.
  const key = placeKey(here);
  const atHere = segment.filter((s) => placeKey(s.place) === key);
  const match = atHere.find(isReload) ?? atHere.pop();
  if (match) {
    const line = withInstalledKey(match.line, shell.world, tasks);
    return type(line, whyLine(line, here));
  }

  if (here.at === "smtp" && here.session) {
    const s = here.session;
    if (s.state === "data")
      return type(".", "a line holding only a dot ends the message you are writing");
    if (s.state === "auth") return type("*", "a lone * cancels the login exchange");
    return type("QUIT", "this task needs a different session: close this one politely");
  }
  if (here.nsupdate)
    return type("quit", "this task needs something other than this nsupdate run: leave it");
  if (here.at === "program") return type(".", "a line holding only a dot sends the message");

  // At the shell: go to where the task's part of the solution starts, then open its session.
  const first = segment.find((s) => s.place.at === "shell") ?? segment[0];
  const entry =
    first && first.place.at !== "shell" && first.opener >= 0 ? plan.steps[first.opener] : first;
  if (!entry) return type("help", "this task has no recorded steps; help lists the commands");
  if (entry.place.host !== here.host) {
    if (here.depth > 0)
      return type("exit", `this task starts on ${entry.place.host}: leave ${here.host}`);
    return type(`ssh ${entry.place.host}`, `this task is done from ${entry.place.host}`);
  }
  return type(entry.line, "this starts the task from the shell");
}

/**
 * The solution's `update add SEL._domainkey.DOMAIN ... TXT "v=DKIM1; ... p=..."` line carries the
 * key the replay made. A learner who ran opendkim-genkey again holds a different key, so the line
 * publishes the record of the key installed in their world now (on the host a dkimKey task names,
 * else the first relay holding one); other lines, and worlds without such a key, are unchanged.
 */
export function withInstalledKey(line: string, world: World, tasks: readonly Task[]): string {
  const m = /^(\s*update\s+add\s+)(\S+?)\.?(\s+(?:\d+\s+)?(?:IN\s+)?TXT\s+)(.*)$/i.exec(line);
  const at = /^([^.]+)\._domainkey\.(.+)$/i.exec(m?.[2] ?? "");
  if (!m || !at || !/\bp=/.test(m[4]!)) return line;
  const selector = at[1]!.toLowerCase();
  const domain = at[2]!.toLowerCase();
  const keys = world.dkimKeys().filter((k) => k.domain === domain && k.selector === selector);
  const named = tasks.find(
    (t) =>
      t.check.kind === "dkimKey" &&
      t.check.domain.toLowerCase() === domain &&
      t.check.selector.toLowerCase() === selector,
  );
  const host = named?.check.kind === "dkimKey" ? named.check.host?.toLowerCase() : undefined;
  const installed = keys.find((k) => k.host === host) ?? keys[0];
  return installed ? `${m[1]}${m[2]}${m[3]}"${installed.record}"` : line;
}

/** One sentence on why a solution line comes now, from what it is and where it is typed. */
export function whyLine(line: string, place: Place): string {
  const word = line.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  if (place.session?.state === "data")
    return line === "."
      ? "a line holding only a dot ends the message and hands it to the server"
      : "inside DATA every line is the message: headers, a blank line, then the body";
  if (place.nsupdate) {
    const says: Record<string, string> = {
      ZONE: "name the zone the update belongs to",
      UPDATE: "add the record to the update you are building",
      SEND: "send the update to the DNS server: nothing changes until you do",
      SHOW: "look at the update before sending it",
      QUIT: "the update is sent: leave nsupdate",
    };
    return says[word] ?? "the next line of the DNS update";
  }
  if (place.at === "smtp") {
    const says: Record<string, string> = {
      EHLO: "the server has greeted you; introduce yourself with EHLO before anything else",
      HELO: "the server has greeted you; introduce yourself before anything else",
      AUTH: "log in before naming the sender, so the server will relay for you",
      MAIL: "name the envelope sender: this starts one message",
      RCPT: "name a recipient; this is where a server decides whether it will relay",
      DATA: "a recipient was accepted: ask to send the message text",
      QUIT: "end the session politely",
      RSET: "abandon the message in progress and start over",
    };
    return says[word] ?? "the next command of this session";
  }
  const shellSays: Record<string, string> = {
    TELNET: "open a plain-text SMTP session with the server this task needs",
    NC: "open a plain-text SMTP session with the server this task needs",
    OPENSSL: "open an encrypted session with the server this task needs",
    SSH: "this task is done from another host: log in there",
    EXIT: "leave this host: the next step happens elsewhere",
    DIG: "ask DNS first",
    HOST: "ask DNS first",
    POSTCONF: "read or change the mail server's settings",
    POSTFIX: "make the running mail server pick up its new settings",
    NSUPDATE: "publish DNS records with a dynamic update",
    "OPENDKIM-GENKEY": "make the key pair that signs this domain's mail",
    "OPENDKIM-TESTKEY": "check the published key against the private one",
  };
  return shellSays[word] ?? "the next step of this task from the shell";
}
