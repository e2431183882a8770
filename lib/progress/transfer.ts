/**
 * Export and import of all saved progress as one JSON file, so a learner can move between
 * browsers. Import is all-or-nothing: one invalid section and nothing changes.
 */
import { z } from "zod";
import { decodeStored, registeredStores } from "./persisted";

export const EXPORT_FORMAT = "relay-lab-progress";

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: z.string().optional(),
  stores: z.record(z.string(), z.object({ version: z.number().int(), state: z.unknown() })),
});

export type ImportResult =
  { ok: true; imported: string[]; ignored: string[] } | { ok: false; error: string };

export function exportProgress(now: Date = new Date()): string {
  const stores: Record<string, { version: number; state: unknown }> = {};
  for (const [key, { spec, store }] of registeredStores()) {
    const state = store.getState() as Record<string, unknown>;
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(spec.initial())) data[k] = state[k];
    stores[key] = { version: spec.version, state: data };
  }
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now.toISOString(), stores }, null, 2);
}

export function importProgress(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "This file is not valid JSON, so nothing was imported." };
  }
  const file = exportFileSchema.safeParse(json);
  if (!file.success) {
    return { ok: false, error: "This is not a Relay Lab progress file, so nothing was imported." };
  }
  const registry = registeredStores();
  const decoded: { key: string; state: object }[] = [];
  const ignored: string[] = [];
  for (const [key, envelope] of Object.entries(file.data.stores)) {
    const entry = registry.get(key);
    if (!entry) {
      ignored.push(key);
      continue;
    }
    const result = decodeStored(entry.spec, envelope);
    if (!result.ok) {
      return {
        ok: false,
        error: `The "${key}" section ${result.reason}, so nothing was imported.`,
      };
    }
    decoded.push({ key, state: result.state });
  }
  for (const { key, state } of decoded) registry.get(key)?.store.setState(state);
  return { ok: true, imported: decoded.map((d) => d.key), ignored };
}
