import { describe, expect, it } from "vitest";
import { createWorld, getScenario, listScenarios, SCENARIO_IDS } from "@/lib/smtp";
import { scenarioSchema } from "@/content/scenarios/schema";
import { SCENARIOS } from "@/content/scenarios";
import { runDemo } from "./demo-runner";
import { unmet } from "./expectations";

describe("scenario data", () => {
  it("has the six scenarios of DESIGN.md and the three of email authentication", () => {
    expect(SCENARIO_IDS).toEqual([
      "isp-relay",
      "telecommuter",
      "open-relay",
      "closed-relay",
      "port-25-blocked",
      "mail-firewall",
      "spoofing",
      "telecommuter-auth",
      "forwarding",
    ]);
  });

  it.each(SCENARIO_IDS)("%s validates against the schema", (id) => {
    const parsed = scenarioSchema.safeParse(SCENARIOS[id]);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const s = getScenario(id)!;
    expect(s.demo.length).toBeGreaterThanOrEqual(6);
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
    if (!w.ok) expect(w.error).toContain("hosts.0.name: use an RFC 2606 name ending in .example");
  });

  it("says in English what is wrong with a scenario (zod/mini loads no locale by itself)", () => {
    const w = createWorld({ ...SCENARIOS["isp-relay"], networks: [] });
    expect(w).toEqual({
      ok: false,
      error: "Invalid scenario: networks: Too small: expected array to have >=1 items",
    });
  });
});

describe.each(SCENARIO_IDS)("demo script of %s", (id) => {
  it("plays against the engine and ends where it says", () => {
    const world = createWorld(id);
    const scenario = world.scenario;
    const { output, problems } = runDemo(world, scenario);
    expect(problems).toEqual([]);
    expect(output.length).toBe(scenario.demo.length);
    for (const exp of scenario.expect) expect(unmet(world, exp), exp.kind).toBeNull();
  });
});

describe("listScenarios", () => {
  it("gives id, title and summary in course order", () => {
    const list = listScenarios();
    expect(list.map((s) => s.id)).toEqual(SCENARIO_IDS);
    for (const s of list) expect(s.title.length).toBeGreaterThan(5);
  });
});
