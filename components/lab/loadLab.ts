import { yieldToMain } from "./yieldToMain";

/**
 * Loads the lab's code in three steps, each evaluated in a task of its own: the engine (with its
 * scenarios, schemas and DKIM crypto), then the shell, then `ui` (the lab's components). Loaded by
 * one import(), the whole graph was evaluated in one task; the engine step alone takes about
 * 145 ms on these machines before Lighthouse's 4x CPU slowdown. The cost is two more round trips
 * before the lab appears, since each step's chunks are fetched after the one before. Measured
 * side by side (`npm run lighthouse`, 3 runs): with one import() instead, blocking time on /lab
 * and /demo rose by about 100 and 170 ms.
 */
export async function loadLab<T>(ui: () => Promise<T>): Promise<T> {
  await import("@/lib/smtp");
  await yieldToMain();
  await import("@/lib/shell/lab");
  await yieldToMain();
  return ui();
}
