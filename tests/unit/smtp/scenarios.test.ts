import { describe, expect, it } from "vitest";
import { createWorld, getScenario, listScenarios, SCENARIO_IDS } from "@/lib/smtp";
import { scenarioSchema } from "@/content/scenarios/schema";
import { SCENARIOS } from "@/content/scenarios";
import { receivedChain, runDemo } from "./demo-runner";

describe("scenario data", () => {
  it("has the six scenarios of DESIGN.md", () => {
    expect(SCENARIO_IDS).toEqual([
      "isp-relay",
      "telecommuter",
      "open-relay",
      "closed-relay",
      "port-25-blocked",
      "mail-firewall",
    ]);
  });

  it.each(SCENARIO_IDS)("%s validates against the schema", (id) => {
    const parsed = scenarioSchema.safeParse(SCENARIOS[id]);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const s = getScenario(id)!;
    expect(s.demo.length).toBeGreaterThanOrEqual(4);
    expect(s.demo.length).toBeLessThanOrEqual(12);
    expect(s.hosts.some((h) => h.name === s.learner.host)).toBe(true);
  });

  it.each(SCENARIO_IDS)("%s uses only RFC 2606 names and RFC 5737 / private addresses", (id) => {
    const s = getScenario(id)!;
    for (const h of s.hosts) {
      expect(h.name).toMatch(/\.example$/);
      expect(h.ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113|10\.\d+\.\d+)\./);
    }
  });

  it("rejects a malformed scenario object with a message instead of throwing", () => {
    const w = createWorld({ id: "x" });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.error).toMatch(/Invalid scenario/);
  });

  it("rejects a host name outside .example", () => {
    const bad = {
      ...SCENARIOS["isp-relay"],
      hosts: [{ ...SCENARIOS["isp-relay"].hosts[0], name: "pc.home.com" }],
    };
    const w = createWorld(bad);
    expect(w.ok).toBe(false);
  });
});

describe.each(SCENARIO_IDS)("demo script of %s", (id) => {
  it("plays against the engine and ends where it says", () => {
    const world = createWorld(id);
    const scenario = world.scenario;
    const { output, problems } = runDemo(world, scenario);
    expect(problems).toEqual([]);
    expect(output.length).toBe(scenario.demo.length);
    const events = world.events();
    for (const exp of scenario.expect) {
      switch (exp.kind) {
        case "delivered": {
          const box = world.mailbox(exp.mailbox);
          expect(box.length, `mailbox ${exp.mailbox}`).toBeGreaterThan(0);
          expect(receivedChain(box[box.length - 1]!)).toEqual(exp.via);
          break;
        }
        case "rejected": {
          const hit = events.some(
            (e) =>
              e.type === "reply" &&
              e.code === exp.code &&
              (exp.recipient === undefined || e.text.includes(`<${exp.recipient}>`)),
          );
          expect(hit, `a ${exp.code} reply${exp.recipient ? ` for ${exp.recipient}` : ""}`).toBe(
            true,
          );
          break;
        }
        case "refused":
          expect(events.some((e) => e.type === "refused" && e.error === exp.error)).toBe(true);
          break;
        case "deferred":
          expect(
            world
              .queue(exp.host)
              .some((q) => q.recipients.some((r) => r.address === exp.recipient)),
          ).toBe(true);
          break;
      }
    }
  });
});

describe("listScenarios", () => {
  it("gives id, title and summary in course order", () => {
    const list = listScenarios();
    expect(list.map((s) => s.id)).toEqual(SCENARIO_IDS);
    for (const s of list) expect(s.title.length).toBeGreaterThan(5);
  });
});
