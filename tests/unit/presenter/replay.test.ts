import { describe, expect, it } from "vitest";
import { SCENARIO_IDS, createWorld, getScenario } from "@/lib/smtp";
import { createLabSession, runDemoStep } from "@/lib/shell/lab";
import { Shell } from "@/lib/shell/shell";
import { StringTerminal } from "@/lib/shell/terminal";

/** The demo driver's way: every demo line typed through the shell, as the presenter would. */
function throughTerminal(id: string, steps: number) {
  const session = createLabSession(createWorld(id as (typeof SCENARIO_IDS)[number]));
  const term = new StringTerminal();
  const shell = new Shell(term, session, 80);
  shell.start("");
  const demo = getScenario(id)!.demo;
  for (const step of demo.slice(0, steps))
    runDemoStep(session, step, (line) => {
      shell.runLine(line);
      return "";
    });
  return { session, output: term.output };
}

function direct(id: string, steps: number) {
  const session = createLabSession(createWorld(id as (typeof SCENARIO_IDS)[number]));
  for (const step of getScenario(id)!.demo.slice(0, steps)) runDemoStep(session, step);
  return session;
}

describe("replaying a demo through the terminal", () => {
  it.each(SCENARIO_IDS.map((id) => [id]))(
    "%s: every step leaves the same world as running the step directly",
    (id) => {
      const total = getScenario(id)!.demo.length;
      for (let n = 0; n <= total; n++) {
        const a = throughTerminal(id, n).session;
        const b = direct(id, n);
        expect(a.world.events()).toEqual(b.world.events());
        expect(a.host).toBe(b.host);
        expect(a.interaction === null).toBe(b.interaction === null);
      }
    },
  );

  it("prints the same terminal text on every replay to a step (what ← relies on)", () => {
    const first = throughTerminal("isp-relay", 5).output;
    expect(throughTerminal("isp-relay", 5).output).toBe(first);
    expect(first).toContain("RCPT TO:<bob@corp.example>");
    expect(first).toContain("250 2.0.0 Ok: queued");
  });
});
