/** The scenario index: ids to data. Each scenario is validated by createWorld and by the tests. */
import { closedRelayScenario } from "./closed-relay";
import { forwardingScenario } from "./forwarding";
import { ispRelayScenario } from "./isp-relay";
import { mailFirewallScenario } from "./mail-firewall";
import { openRelayScenario } from "./open-relay";
import { port25BlockedScenario } from "./port-25-blocked";
import { spoofingScenario } from "./spoofing";
import type { ScenarioInput } from "./schema";
import { telecommuterAuthScenario } from "./telecommuter-auth";
import { telecommuterScenario } from "./telecommuter";

export const SCENARIOS = {
  "isp-relay": ispRelayScenario,
  telecommuter: telecommuterScenario,
  "open-relay": openRelayScenario,
  "closed-relay": closedRelayScenario,
  "port-25-blocked": port25BlockedScenario,
  "mail-firewall": mailFirewallScenario,
  spoofing: spoofingScenario,
  "telecommuter-auth": telecommuterAuthScenario,
  forwarding: forwardingScenario,
} as const satisfies Record<string, ScenarioInput>;

export type ScenarioId = keyof typeof SCENARIOS;
export const SCENARIO_IDS = Object.keys(SCENARIOS) as ScenarioId[];
