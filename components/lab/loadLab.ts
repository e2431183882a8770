import { yieldToMain } from "./yieldToMain";

/**
 * Loads the lab's code in three steps, each evaluated in a task of its own: the engine (with its
 * scenarios, schemas and DKIM crypto), then the shell, then `ui` (the lab's components). Loaded by
 * one import(), the whole graph was evaluated in a single task of about 150 ms under Lighthouse's
 * 4x CPU slowdown, which Total Blocking Time counts almost in full. The cost is two more round
 * trips before the lab appears, since each step's chunks are fetched after the one before.
 */
export async function loadLab<T>(ui: () => Promise<T>): Promise<T> {
  await import("@/lib/smtp");
  await yieldToMain();
  await import("@/lib/shell/lab");
  await yieldToMain();
  return ui();
}
