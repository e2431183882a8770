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

const HEX = "0123456789ABCDEF";

/** A Postfix-style short queue id: 11 uppercase hex digits, e.g. 4F3A21C0123. */
export function queueId(rng: Rng): string {
  let id = "";
  for (let i = 0; i < 11; i++) id += HEX[rng.int(16)];
  return id;
}
