/**
 * The lab's shell: the command table and a ShellSession bound to an engine World. This is the one
 * entry point the UI uses (see components/lab/Lab.tsx).
 */
import type { World } from "@/lib/smtp";
import { BASIC_COMMANDS } from "./commands/basic";
import { DNS_COMMANDS } from "./commands/dns";
import { firewall } from "./commands/firewall";
import { MAILAUTH_COMMANDS } from "./commands/mailauth";
import { MTA_COMMANDS } from "./commands/mta";
import { NETWORK_COMMANDS } from "./commands/network";
import { SCENARIO_COMMANDS } from "./commands/scenario";
import { smtpVerbAtShell } from "./hints";
import type { HistoryStore } from "./history";
import { ShellSession } from "./session";
import { userOn, type LabCommand, type LabSession } from "./world";

/** Every command, in the order `help` lists them. */
export const LAB_COMMANDS: readonly LabCommand[] = [
  ...NETWORK_COMMANDS.slice(0, 3), // telnet, nc, openssl
  ...MTA_COMMANDS,
  ...DNS_COMMANDS,
  ...MAILAUTH_COMMANDS,
  firewall,
  ...NETWORK_COMMANDS.slice(3), // ssh, exit
  ...SCENARIO_COMMANDS,
  ...BASIC_COMMANDS,
];

export function createLabSession(world: World, history?: HistoryStore): LabSession {
  return new ShellSession<World>({
    world,
    commands: LAB_COMMANDS,
    history,
    home: { host: world.scenario.learner.host, user: world.scenario.learner.user },
    userOn,
    failedLineHint: (line, session) => smtpVerbAtShell(line, session.world, session.host),
  });
}

/** The banner printed when the terminal opens. */
export function banner(world: World): string {
  const s = world.scenario;
  return `Relay Lab: ${s.title}\n${s.summary}\nType 'help' for commands, 'scenario' for the story. Tab completes.\n\n`;
}

export type { LabSession, LabCommand };

/**
 * Runs one demo step (content/scenarios `demo`) as if typed: moves to the step's host first
 * (exit back home, then ssh), then submits each input line. Returns what the terminal printed.
 * `submit` types a line some other way (the presenter's demo types through the terminal).
 */
export function runDemoStep(
  session: LabSession,
  step: { host?: string; input: readonly string[] },
  submit: (line: string) => string = (line) => session.submit(line),
): string {
  let out = "";
  const target = step.host ?? session.world.scenario.learner.host;
  if (!session.interaction && session.host !== target) {
    while (session.depth > 0) out += submit("exit");
    if (target !== session.host) out += submit(`ssh ${target}`);
  }
  for (const line of step.input) out += submit(line);
  return out;
}
