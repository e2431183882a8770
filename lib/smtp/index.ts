/**
 * Relay Lab's SMTP engine: a deterministic simulated mail internet. See README.md for the
 * contract. Nothing exported here throws, reads the wall clock, or touches the DOM.
 */
import { scenarioSchema, type ScenarioSpec } from "@/content/scenarios/schema";
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from "@/content/scenarios";
import type { World, WorldError, WorldOptions } from "./types";
import { SimWorld } from "./world";
import { text } from "./parse";

export type * from "./types";
export { SCENARIO_IDS, type ScenarioId } from "@/content/scenarios";
export { formatReply, parseReply, splitLines, readDataLine, stuffDataLine } from "./framing";
export { parseCommand, parsePath, encodeBase64, decodeBase64 } from "./parse";
export { rfc5322Date, mailqDate } from "./clock";
export { formatMailq } from "./format";
export { receivedChain } from "./message";
export { POSTCONF_DEFAULTS, validateParam } from "./policy";

/**
 * Build a world from a scenario id (content/scenarios) or a scenario object.
 * A known id always gives a World; anything else may give a WorldError, never an exception.
 */
export function createWorld(scenario: ScenarioId, options?: WorldOptions): World;
export function createWorld(scenario: unknown, options?: WorldOptions): World | WorldError;
export function createWorld(scenario: unknown, options: WorldOptions = {}): World | WorldError {
  try {
    let input: unknown = scenario;
    if (typeof scenario === "string") {
      input = (SCENARIOS as Record<string, unknown>)[scenario];
      if (input === undefined) {
        return {
          ok: false,
          error: `Unknown scenario "${scenario}". Known: ${Object.keys(SCENARIOS).join(", ")}.`,
        };
      }
    }
    const parsed = scenarioSchema.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return {
        ok: false,
        error: `Invalid scenario: ${first ? `${first.path.join(".")}: ${first.message}` : "unknown problem"}`,
      };
    }
    return new SimWorld(
      parsed.data,
      typeof options === "object" && options !== null ? options : {},
    );
  } catch (e) {
    return { ok: false, error: `Could not build the world: ${text(e)}` };
  }
}

/** A scenario's validated data without building a world (for lists and lesson pages). */
export function getScenario(id: string): ScenarioSpec | null {
  const raw = (SCENARIOS as Record<string, unknown>)[id];
  const parsed = scenarioSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Every scenario's id, title and one-line summary, in course order (for menus). */
export function listScenarios(): Array<{ id: ScenarioId; title: string; summary: string }> {
  return SCENARIO_IDS.map((id) => ({
    id,
    title: SCENARIOS[id].title,
    summary: SCENARIOS[id].summary,
  }));
}
