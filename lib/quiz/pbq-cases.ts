import { shuffle, type Rng } from "./rng";

/**
 * A pick-one PBQ's question: the case asked for by id (or one at random), and its diagnosis with
 * three other cases' as the choices, shuffled.
 */
export function caseWithChoices<C extends { id: string; diagnosis: string }>(
  rng: Rng,
  cases: readonly C[],
  id?: string,
): { chosen: C; choices: { id: string; label: string }[] } {
  const order = shuffle(rng, cases);
  const chosen = cases.find((c) => c.id === id) ?? (order[0] as C);
  const others = order.filter((c) => c.id !== chosen.id).slice(0, 3);
  return {
    chosen,
    choices: shuffle(
      rng,
      [chosen, ...others].map((c) => ({ id: c.id, label: c.diagnosis })),
    ),
  };
}
