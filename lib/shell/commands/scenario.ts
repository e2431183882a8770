/** Switching scenarios and letting virtual time pass. */
import { SCENARIO_IDS, createWorld, getScenario } from "@/lib/smtp";
import { style } from "../terminal";
import { fail, ok, type CommandResult } from "../types";
import { LAB_EVENT_LIMIT, settle, type LabCommand, type LabSession } from "../world";

/** Builds a fresh world for `id` and moves the session into it. */
export function loadScenario(ctx: LabSession, id: string): CommandResult {
  const w = createWorld(id, { eventLimit: LAB_EVENT_LIMIT });
  if (!w.ok) return fail(`scenario: ${w.error}`);
  ctx.setWorld(w, { host: w.scenario.learner.host, user: w.scenario.learner.user });
  return ok(
    `${style.bold(w.scenario.title)} (${w.scenario.id})\n${w.scenario.summary}\n` +
      style.dim(
        `You are ${w.scenario.learner.user} on ${w.scenario.learner.host}. Type 'scenario' for the full story.`,
      ),
  );
}

export const scenario: LabCommand = {
  name: "scenario",
  usage: "scenario [list | load ID | reset]",
  summary: "describe this scenario, list the others, switch, or start over",
  run(args, ctx) {
    const [sub, id] = args;
    const current = ctx.world.scenario;
    if (sub === undefined)
      return ok(`${style.bold(current.title)} (${current.id})\n${current.description}`);
    if (sub === "list")
      return ok(
        SCENARIO_IDS.map((sid) => {
          const s = getScenario(sid);
          const mark = sid === current.id ? "*" : " ";
          return `${mark} ${sid.padEnd(16)} ${s?.summary ?? ""}`;
        }).join("\n"),
      );
    if (sub === "reset") return loadScenario(ctx, current.id);
    if (sub === "load") {
      if (!id) return fail("usage: scenario load ID (see 'scenario list')");
      return loadScenario(ctx, id);
    }
    return fail(`scenario: unknown subcommand '${sub}'\nusage: scenario [list | load ID | reset]`);
  },
  complete: (prev) =>
    prev.length === 0
      ? ["list", "load", "reset"]
      : prev.length === 1 && prev[0] === "load"
        ? [...SCENARIO_IDS]
        : [],
};

export const sleep: LabCommand = {
  name: "sleep",
  usage: "sleep SECONDS",
  summary: "let virtual time pass (queued mail is retried, deferred mail may bounce)",
  run(args, ctx: LabSession) {
    const m = /^(\d+)([smhd]?)$/.exec(args[0] ?? "");
    if (!m) return fail("sleep: missing or invalid operand (e.g. sleep 600, sleep 2h)");
    const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s" | "m" | "h" | "d"];
    const seconds = Math.min(Number(m[1]) * unit, 30 * 86400);
    const steps = settle(ctx.world, seconds * 1000);
    return ok(
      steps > 0
        ? style.dim(
            `  ↳ ${seconds}s of virtual time passed; the mail servers did ${steps} thing(s)`,
          )
        : "",
    );
  },
};

export const SCENARIO_COMMANDS = [scenario, sleep];
