import type { Rng } from "@/lib/random";

/** The engine's only source of randomness is the shared seeded generator. */
export { createRng, type Rng } from "@/lib/random";

/** A Postfix-style short queue id: 11 uppercase hex digits, e.g. 4F3A21C0123. */
export function queueId(rng: Rng): string {
  const high = rng.int(0x100000).toString(16).padStart(5, "0"); // 20 bits
  const low = rng.int(0x1000000).toString(16).padStart(6, "0"); // 24 bits
  return (high + low).toUpperCase();
}
