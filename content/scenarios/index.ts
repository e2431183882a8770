/** The scenario index: ids to data. Each scenario is validated by createWorld and by the tests. */
import { ispRelayScenario } from "./isp-relay";
import type { ScenarioInput } from "./schema";

export const SCENARIOS = {
  "isp-relay": ispRelayScenario,
} as const satisfies Record<string, ScenarioInput>;

export type ScenarioId = keyof typeof SCENARIOS;
export const SCENARIO_IDS = Object.keys(SCENARIOS) as ScenarioId[];
