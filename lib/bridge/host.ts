/**
 * "Your computer": the host a real mail client's connections come from, added to the world
 * while the bridge is connected, and the world host those connections go to by default.
 */
import type { HostInfo, World } from "@/lib/smtp";

export const YOUR_COMPUTER_LABEL = "Your computer (bridge)";

const toInt = (ip: string): number =>
  ip.split(".").reduce((n, part) => n * 256 + (Number(part) & 255), 0);
const toIp = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");

/** The first free address from .100 up in a network (skipping network and broadcast). */
export function freeAddress(world: World, networkId: string): string | null {
  const net = world.networks().find((n) => n.id === networkId);
  if (!net) return null;
  const [base = "", bits = "24"] = net.cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const start = toInt(base) - (toInt(base) % size);
  const taken = new Set(world.hosts().map((h) => h.ip));
  const first = size > 256 ? 100 : Math.min(100, Math.floor(size / 2));
  for (let i = first; i < size - 1; i++) if (!taken.has(toIp(start + i))) return toIp(start + i);
  for (let i = 1; i < first; i++) if (!taken.has(toIp(start + i))) return toIp(start + i);
  return null;
}

/** your-pc.<the learner's domain>, e.g. your-pc.home.example beside pc.home.example. */
export function yourComputerName(world: World): string {
  const learner = world.scenario.learner.host;
  return "your-pc." + learner.slice(learner.indexOf(".") + 1);
}

/**
 * Adds "your computer" beside the learner's own host (same network, so the same firewall
 * rules and the same trust in mynetworks), once. Returns the host, or null if it cannot.
 */
export function ensureYourComputer(world: World): HostInfo | null {
  const name = yourComputerName(world);
  const existing = world.host(name);
  if (existing) return existing;
  const learner = world.host(world.scenario.learner.host);
  if (!learner) return null;
  const ip = freeAddress(world, learner.network);
  if (!ip) return null;
  const r = world.addHost({
    name,
    ip,
    network: learner.network,
    role: "client",
    label: YOUR_COMPUTER_LABEL,
  });
  return r.ok ? r.host : null;
}

/** Hosts a real client may talk to: those running Postfix. */
export function bridgeTargets(world: World): HostInfo[] {
  return world.hosts().filter((h) => h.mta);
}

/**
 * The server a mail client of the learner's would use: the MX of the learner's own domain
 * (their provider or company, which offers submission), else a relay, else any mail server.
 */
export function defaultTarget(world: World): string | null {
  const targets = bridgeTargets(world);
  const domain = world.scenario.learner.address.split("@")[1]?.toLowerCase() ?? "";
  const mx = world.domains().find((d) => d.domain === domain)?.mx[0]?.host;
  const own = targets.find((h) => h.name === mx);
  return (own ?? targets.find((h) => h.role === "relay") ?? targets[0])?.name ?? null;
}
