import { yieldToMain } from "@/components/ui/yieldToMain";

/**
 * Loads the lab's code in steps, each evaluated in a task of its own: the engine's libraries
 * (the scenario schema with zod/mini, then the Ed25519 and SHA-2 code DKIM uses), the scenarios'
 * data, the engine, the shell, the diagram's text measure, then `ui` (the lab's components).
 * Loaded by one import(), the whole graph was evaluated in one task, which Lighthouse's 4x CPU
 * slowdown made a long one: measured side by side (`npm run lighthouse`, 3 runs), blocking time
 * on /lab and /demo rose by about 100 and 170 ms without the steps. The cost is a round trip
 * per step before the lab appears.
 */
export async function loadLab<T>(ui: () => Promise<T>): Promise<T> {
  // The engine's own modules that pull in each library, so only the parts it uses are loaded.
  await import("@/content/scenarios/schema");
  await yieldToMain();
  await import("@/lib/smtp/auth/ed25519");
  await yieldToMain();
  await import("@/content/scenarios");
  await yieldToMain();
  await import("@/lib/smtp");
  await yieldToMain();
  await import("@/lib/shell/lab");
  // The diagram's text measure, made while the page's style is settled (see prepareTextMeasure).
  await (await import("./textMeasure")).prepareTextMeasureApart();
  return ui();
}
