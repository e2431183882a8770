/**
 * Persisted stores: zustand `persist` on localStorage, made safe for a study app that must never
 * lose or choke on a learner's progress.
 *
 * - Every stored value carries a schema version. Older versions go through `migrate`; the result,
 *   like any current-version value, must pass the zod schema.
 * - Anything else (corrupt JSON, a truncated write, a migration that throws) is moved aside
 *   under `<key>:bad` and the store starts clean. Every bad value is kept there (oldest dropped
 *   first once the log passes a size bound), not only the latest.
 * - A value written by a newer version of the app is left exactly where it is: this version
 *   never writes that key, and the page says the app needs updating.
 * - Every write reports to `save-status`: a refused write (quota, storage turned off) shows a
 *   banner that suggests exporting, so unsaved progress is never presented as saved.
 * - Another tab writing the same key updates this tab (the `storage` event).
 * - Stores register themselves so the whole of a learner's progress can be exported and imported.
 * - Hydration is deferred until `rehydrateAll()` runs after mount, so server-rendered HTML and the
 *   first client render agree.
 */
import type { ZodType } from "zod";
import { create, type StoreApi, type UseBoundStore } from "zustand";
import { persist, type PersistStorage, type StorageValue } from "zustand/middleware";
import { isNewer, reportNewer, reportWrite } from "./save-status";

export interface PersistedSpec<T extends object> {
  /** localStorage key, e.g. "relay-lab:quiz". */
  key: string;
  /** The current schema version; bump it whenever the stored shape changes. */
  version: number;
  /** Validates a stored value of the current version. */
  schema: ZodType<T>;
  /** A fresh, empty state. */
  initial: () => T;
  /** Turns a value stored by an older version into the current shape (it is validated after). */
  migrate?: (state: unknown, fromVersion: number) => unknown;
}

export type SetData<T extends object> = (fn: (s: T) => Partial<T>) => void;

export type PersistedStore<T extends object, A extends object> = UseBoundStore<StoreApi<T & A>> & {
  /** Back to the initial state (and storage cleared). */
  reset: () => void;
};

/** Why a stored value was set aside; also the reason given by `importProgress`. */
export type LoadResult<T> = { ok: true; state: T } | { ok: false; reason: string; newer?: boolean };

export function badKey(key: string): string {
  return `${key}:bad`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Access can throw (sandboxed iframes, disabled storage).
  }
}

/** Decodes one stored envelope `{ state, version }` into a valid current-version state. */
export function decodeStored<T extends object>(
  spec: PersistedSpec<T>,
  envelope: unknown,
): LoadResult<T> {
  if (typeof envelope !== "object" || envelope === null || !("state" in envelope)) {
    return { ok: false, reason: "not a saved-progress record" };
  }
  const raw = envelope as { state: unknown; version?: unknown };
  const version = typeof raw.version === "number" ? raw.version : 0;
  let state = raw.state;
  if (version > spec.version) {
    return {
      ok: false,
      reason: `was saved by a newer version (${version}) of Relay Lab`,
      newer: true,
    };
  }
  if (version < spec.version) {
    if (!spec.migrate) return { ok: false, reason: `no migration from version ${version}` };
    try {
      state = spec.migrate(state, version);
    } catch (e) {
      return { ok: false, reason: `migration from version ${version} failed: ${String(e)}` };
    }
  }
  const parsed = spec.schema.safeParse(state);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `does not match the expected shape (${parsed.error.issues[0]?.message ?? "invalid"})`,
    };
  }
  return { ok: true, state: parsed.data };
}

/** The log of set-aside values under `<key>:bad`, newest last. */
export interface BadEntry {
  /** Epoch ms when it was set aside (0 for a copy kept by an older version of the app). */
  at: number;
  reason: string;
  text: string;
  /** True when `text` was cut to fit the bound. */
  truncated?: boolean;
}

const BAD_FORMAT = "relay-lab-bad-values";
/** Bound on the whole log, in UTF-16 characters (localStorage counts those). */
export const BAD_LOG_LIMIT = 200_000;

/** Reads the bad-value log; a plain string left there by an older version becomes one entry. */
export function readBadLog(text: string | null): BadEntry[] {
  if (text === null) return [];
  try {
    const v = JSON.parse(text) as { format?: unknown; entries?: unknown };
    if (v && v.format === BAD_FORMAT && Array.isArray(v.entries)) return v.entries as BadEntry[];
  } catch {
    // Not our log: an older version stored the raw bad value here.
  }
  return [{ at: 0, reason: "set aside by an earlier version", text }];
}

/** Adds an entry, then drops the oldest (and cuts an oversized newest) until the log fits. */
export function appendBad(log: readonly BadEntry[], entry: BadEntry): BadEntry[] {
  const room = BAD_LOG_LIMIT - 200; // leave space for the reasons and the JSON around them
  const newest =
    entry.text.length > room
      ? { ...entry, text: entry.text.slice(0, room), truncated: true }
      : entry;
  const out = [...log, newest];
  const size = () => out.reduce((n, e) => n + e.text.length + e.reason.length + 64, 0);
  while (out.length > 1 && size() > room) out.shift();
  return out;
}

function setAside(store: Storage, key: string, text: string, reason: string): boolean {
  try {
    const log = appendBad(readBadLog(store.getItem(badKey(key))), { at: Date.now(), reason, text });
    store.setItem(badKey(key), JSON.stringify({ format: BAD_FORMAT, entries: log }));
    store.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** Keys this tab must not write: data from a newer version, or a bad value it could not copy. */
const frozen = new Set<string>();

/** Reads and validates a raw stored string; a bad one is moved to the `<key>:bad` log. */
function loadFromStorage<T extends object>(spec: PersistedSpec<T>): StorageValue<T> | null {
  const store = storage();
  if (!store) return null;
  let text: string | null;
  try {
    text = store.getItem(spec.key);
  } catch {
    return null;
  }
  reportNewer(spec.key, false);
  frozen.delete(spec.key);
  if (text === null) return null;
  let result: LoadResult<T>;
  try {
    result = decodeStored(spec, JSON.parse(text));
  } catch {
    result = { ok: false, reason: "not valid JSON (corrupt or truncated)" };
  }
  if (result.ok) return { state: result.state, version: spec.version };
  if (!result.ok && result.newer) {
    // Leave it untouched: the learner will get it back after updating the app.
    frozen.add(spec.key);
    reportNewer(spec.key, true);
    console.warn(`Relay Lab: saved progress "${spec.key}" ${result.reason}; not overwriting it.`);
    return null;
  }
  if (!setAside(store, spec.key, text, result.reason)) {
    // Could not keep a copy (storage full): do not overwrite the only one either.
    frozen.add(spec.key);
    reportWrite(spec.key, false);
  }
  console.warn(`Relay Lab: saved progress "${spec.key}" was set aside: ${result.reason}.`);
  return null;
}

/** True when this tab may write the key (false for newer-version data or an uncopied bad value). */
export function canWrite(key: string): boolean {
  return !frozen.has(key) && !isNewer(key);
}

/** Writes one value and reports whether the browser kept it. */
export function writeStored(key: string, text: string): boolean {
  if (!canWrite(key)) {
    reportWrite(key, false);
    return false;
  }
  const store = storage();
  let ok = false;
  try {
    if (store) {
      store.setItem(key, text);
      ok = true;
    }
  } catch {
    // Quota exceeded or storage disabled: keep working in memory, and say so.
  }
  if (typeof window !== "undefined") reportWrite(key, ok);
  return ok;
}

/** The raw stored text of a key, or null (missing, or storage unavailable). */
export function readStored(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeStorage<T extends object>(spec: PersistedSpec<T>): PersistStorage<T> {
  return {
    getItem: () => loadFromStorage(spec),
    setItem: (name, value) => {
      writeStored(name, JSON.stringify(value));
    },
    removeItem: (name) => {
      if (!canWrite(name)) return;
      try {
        storage()?.removeItem(name);
      } catch {
        // As above.
      }
    },
  };
}

interface Registered {
  spec: PersistedSpec<object>;
  store: PersistedStore<object, object>;
}

const registry = new Map<string, Registered>();
let hydrateOnCreate = false;

/** After the app has hydrated, stores created later (lazy-loaded pages) load themselves at once. */
export function setHydrateOnCreate(on: boolean): void {
  hydrateOnCreate = on;
}

/** Every persisted store, by key (for export/import and hydration). */
export function registeredStores(): ReadonlyMap<string, Registered> {
  return registry;
}

export function createPersistedStore<T extends object, A extends object>(
  spec: PersistedSpec<T>,
  actions: (set: SetData<T>, get: () => T) => A,
): PersistedStore<T, A> {
  const dataKeys = Object.keys(spec.initial()) as (keyof T)[];
  const pick = (s: T & A): T => {
    const out = {} as T;
    for (const k of dataKeys) out[k] = s[k];
    return out;
  };

  const useStore = create<T & A>()(
    persist<T & A, [], [], T>(
      (set, get) => ({
        ...spec.initial(),
        ...actions((fn) => set((s) => fn(s) as Partial<T & A>), get),
      }),
      {
        name: spec.key,
        version: spec.version,
        storage: safeStorage(spec),
        partialize: pick,
        skipHydration: true,
      },
    ),
  );

  const reset = () => {
    useStore.setState(spec.initial() as Partial<T & A>);
    safeStorage(spec).removeItem(spec.key);
  };
  const bound = Object.assign(useStore, { reset }) as unknown as PersistedStore<T, A>;

  registry.set(spec.key, {
    spec: spec as unknown as PersistedSpec<object>,
    store: bound as unknown as PersistedStore<object, object>,
  });
  if (hydrateOnCreate) void useStore.persist.rehydrate();
  return bound;
}
