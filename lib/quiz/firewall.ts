import type { FirewallPbq, Transport } from "@/content/ports";

export type Direction = "inbound" | "outbound";

export function ruleKey(direction: Direction, port: number, transport: Transport): string {
  return `${direction}:${port}/${transport}`;
}

export interface RuleFeedback {
  key: string;
  direction: Direction;
  port: number;
  transport: Transport;
  service: string;
  verdict: "required" | "allowed" | "forbidden";
  open: boolean;
  /** ok: as it should be; missing: a required rule left closed; extra: a forbidden rule opened. */
  outcome: "ok" | "missing" | "extra" | "optional";
  why: string;
}

export interface FirewallGrade {
  /** 0..1: required rules set, less one for each forbidden rule opened, over the required count. */
  score: number;
  earned: number;
  possible: number;
  feedback: RuleFeedback[];
}

function defaultWhy(direction: Direction, service: string, port: number): string {
  return direction === "inbound"
    ? `Nothing on this server needs to accept ${service} (${port}); an open port is attack surface.`
    : `This server has no reason to start ${service} (${port}) connections; keep egress to what it needs.`;
}

/** Grades the learner's open rules with partial credit and a reason for every row that matters. */
export function gradeFirewall(pbq: FirewallPbq, open: ReadonlySet<string>): FirewallGrade {
  const feedback: RuleFeedback[] = [];
  let required = 0;
  let earned = 0;
  for (const c of pbq.candidates) {
    for (const direction of ["inbound", "outbound"] as const) {
      const key = ruleKey(direction, c.port, c.transport);
      const rule = pbq.rules.find(
        (r) => r.direction === direction && r.port === c.port && r.transport === c.transport,
      );
      const verdict = rule?.verdict ?? "forbidden";
      const isOpen = open.has(key);
      let outcome: RuleFeedback["outcome"];
      if (verdict === "required") {
        required += 1;
        if (isOpen) earned += 1;
        outcome = isOpen ? "ok" : "missing";
      } else if (verdict === "allowed") {
        outcome = "optional";
      } else {
        if (isOpen) earned -= 1;
        outcome = isOpen ? "extra" : "ok";
      }
      feedback.push({
        key,
        direction,
        port: c.port,
        transport: c.transport,
        service: c.service,
        verdict,
        open: isOpen,
        outcome,
        why: rule?.why ?? defaultWhy(direction, c.service, c.port),
      });
    }
  }
  const clamped = Math.max(0, earned);
  return {
    score: required ? clamped / required : 0,
    earned: clamped,
    possible: required,
    feedback,
  };
}
