/** A small seeded generator (mulberry32): the engine's only source of randomness. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** A Postfix-style short queue id: 11 uppercase hex digits, e.g. 4F3A21C0123. */
export function queueId(rng: Rng): string {
  const high = rng.int(0x100000).toString(16).padStart(5, "0"); // 20 bits
  const low = rng.int(0x1000000).toString(16).padStart(6, "0"); // 24 bits
  return (high + low).toUpperCase();
}
