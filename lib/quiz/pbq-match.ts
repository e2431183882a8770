import { PORTS, type PortEntry } from "@/content/ports";
import { shuffle, type Rng } from "./rng";

/** PBQ "match protocols to ports": each protocol gets exactly one of the offered ports. */
export interface MatchPbq {
  items: { id: string; protocol: string; port: number }[];
  /** The ports to place, shuffled (one per item, no two alike). */
  ports: number[];
}

/** Picks `n` core protocols with distinct, unambiguous ports (no shared numbers). */
export function buildMatch(rng: Rng, n = 6): MatchPbq {
  const pool = shuffle(
    rng,
    // Single-port protocols only: "FTPS" could fairly be 989 or 990.
    PORTS.filter((e) => e.core && !e.runsOver && e.ports.length === 1),
  );
  const picked: { entry: PortEntry; port: number }[] = [];
  const used = new Set<number>();
  for (const entry of pool) {
    if (picked.length === n) break;
    const port = entry.ports[0]?.number;
    if (port === undefined || entry.ports.some((p) => used.has(p.number))) continue;
    // A port listed under two entries (e.g. 22 for SSH and SFTP) would make two answers right.
    if (
      PORTS.some((o) => o.id !== entry.id && !o.runsOver && o.ports.some((p) => p.number === port))
    )
      continue;
    entry.ports.forEach((p) => used.add(p.number));
    picked.push({ entry, port });
  }
  return {
    items: picked.map(({ entry, port }) => ({ id: entry.id, protocol: entry.protocol, port })),
    ports: shuffle(
      rng,
      picked.map((p) => p.port),
    ),
  };
}

export interface MatchGrade {
  correct: number;
  total: number;
  rows: { id: string; protocol: string; given: number | null; port: number; ok: boolean }[];
}

export function gradeMatch(
  pbq: MatchPbq,
  placed: Readonly<Record<string, number | null>>,
): MatchGrade {
  const rows = pbq.items.map((it) => {
    const given = placed[it.id] ?? null;
    return { id: it.id, protocol: it.protocol, given, port: it.port, ok: given === it.port };
  });
  return { correct: rows.filter((r) => r.ok).length, total: rows.length, rows };
}
