/**
 * The lab's first frame as plain data: what the diagram and the terminal show before anything has
 * been typed. The engine is deterministic, so the server computes this at build time and the page
 * draws it at once; the simulation itself (engine, shell, crypto: about 0.5 MB of script) loads
 * only when the learner first uses the lab (components/lab/LazyLab.tsx).
 */
import { createWorld, type ScenarioId, type World } from "@/lib/smtp";
import { banner, createLabSession } from "./lab";
import type { LayoutHost, LayoutNetwork } from "./diagramLayout";

export interface FrameHost extends LayoutHost {
  label: string;
}

export interface LabFrame {
  scenario: string;
  /** The learner's host, where the shell starts. */
  here: string;
  /** The shell's banner (unwrapped) and its first prompt, as the shell prints them. */
  banner: string;
  prompt: string;
  hosts: readonly FrameHost[];
  networks: readonly LayoutNetwork[];
}

/** The first frame of a freshly created world (no history: the prompt never depends on it). */
export function labFrame(world: World): LabFrame {
  const session = createLabSession(world);
  return {
    scenario: world.scenario.id,
    here: session.host,
    banner: banner(world),
    prompt: session.prompt(),
    hosts: world.hosts().map((h) => ({
      name: h.name,
      ip: h.ip,
      role: h.role,
      network: h.network,
      ports: [...h.ports],
      label: h.label,
    })),
    networks: world.networks().map((n) => ({ id: n.id, name: n.name, cidr: n.cidr, kind: n.kind })),
  };
}

/** The first frame of a built-in scenario, as the lab starts it. */
export const scenarioFrame = (id: ScenarioId): LabFrame => labFrame(createWorld(id));
