/**
 * Whether the learner's progress is really being saved. Persisted stores report every write
 * here; the page shows a polite banner while any store cannot save, so in-memory progress is
 * never presented as saved. No React and no zod, so the banner costs almost nothing to load.
 */

export type SaveProblem =
  /** The browser refused a write: storage full (quota) or turned off. */
  | "refused"
  /** The saved data was written by a newer Relay Lab; this version must not overwrite it. */
  | "newer";

export interface SaveStatus {
  /** Store keys whose last write was refused. */
  refused: readonly string[];
  /** Store keys holding data from a newer version (never written by this one). */
  newer: readonly string[];
}

const EMPTY: SaveStatus = { refused: [], newer: [] };
let status: SaveStatus = EMPTY;
const listeners = new Set<() => void>();

function update(next: SaveStatus): void {
  if (next.refused.join() === status.refused.join() && next.newer.join() === status.newer.join())
    return;
  status = next;
  listeners.forEach((l) => l());
}

const without = (list: readonly string[], key: string) => list.filter((k) => k !== key);
const withKey = (list: readonly string[], key: string) =>
  list.includes(key) ? list : [...list, key];

export function reportWrite(key: string, ok: boolean): void {
  update({
    ...status,
    refused: ok ? without(status.refused, key) : withKey(status.refused, key),
  });
}

export function reportNewer(key: string, newer: boolean): void {
  update({ ...status, newer: newer ? withKey(status.newer, key) : without(status.newer, key) });
}

export function isNewer(key: string): boolean {
  return status.newer.includes(key);
}

export function getSaveStatus(): SaveStatus {
  return status;
}

export function subscribeSaveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests. */
export function resetSaveStatusForTests(): void {
  status = EMPTY;
  listeners.clear();
}
