/**
 * Export and import of all saved progress as one JSON file, so a learner can move between
 * browsers. Import is all-or-nothing: one invalid section and nothing changes. After applying
 * it, every section is read back from storage; if the browser did not keep one (storage full
 * or turned off), the import is rolled back and says so, rather than vanishing on reload.
 */
import * as z from "zod/mini";
import { canWrite, decodeStored, readStored, registeredStores } from "./persisted";
// Export and import work on the registered stores, and a page loads only the stores it shows (the
// quiz page never loads lesson progress). Importing every store here registers them all, so no
// section is left out of an export or ignored by an import, whichever page runs it.
import "./course-store";
import "./exam-store";
import "./quiz-store";

export const EXPORT_FORMAT = "relay-lab-progress";

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: z.optional(z.string()),
  stores: z.record(z.string(), z.object({ version: z.int(), state: z.unknown() })),
});

export type ImportResult =
  { ok: true; imported: string[]; ignored: string[] } | { ok: false; error: string };

export function exportProgress(now: Date = new Date()): string {
  const stores: Record<string, { version: number; state: unknown }> = {};
  for (const [key, { spec }] of registeredStores()) {
    stores[key] = { version: spec.version, state: pickData(key) };
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
  const blocked = decoded.find(({ key }) => !canWrite(key));
  if (blocked) {
    return {
      ok: false,
      error: `This browser holds "${blocked.key}" progress saved by a newer Relay Lab. Reload to update the app first, so nothing was imported.`,
    };
  }
  const before = decoded.map(({ key }) => ({ key, state: pickData(key) }));
  for (const { key, state } of decoded) registry.get(key)?.store.setState(state);
  const unsaved = decoded.filter(({ key, state }) => !storedEquals(key, state));
  if (unsaved.length > 0) {
    for (const { key, state } of before) if (state) registry.get(key)?.store.setState(state);
    return {
      ok: false,
      error:
        "The file is fine, but this browser refused to store it (storage is full or turned off), so nothing was imported. Free some space or allow site data, then try again.",
    };
  }
  return { ok: true, imported: decoded.map((d) => d.key), ignored };
}

function pickData(key: string): object | null {
  const entry = registeredStores().get(key);
  if (!entry) return null;
  const state = entry.store.getState() as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const k of Object.keys(entry.spec.initial())) data[k] = state[k];
  return data;
}

/** Reads a store's key back from storage and compares it with what was meant to be there. */
function storedEquals(key: string, state: object): boolean {
  const entry = registeredStores().get(key);
  const text = readStored(key);
  if (!entry || text === null) return false;
  try {
    const back = decodeStored(entry.spec, JSON.parse(text));
    return back.ok && JSON.stringify(back.state) === JSON.stringify(state);
  } catch {
    return false;
  }
}
