/**
 * Persisted stores: zustand `persist` on localStorage, made safe for a study app that must never
 * lose or choke on a learner's progress.
 *
 * - Every stored value carries a schema version. Older versions go through `migrate`; the result,
 *   like any current-version value, must pass the zod schema.
 * - Anything else (corrupt JSON, a truncated write, a value from an unknown future version, a
 *   migration that throws) is moved aside under `<key>:bad` and the store starts clean.
 * - Another tab writing the same key updates this tab (the `storage` event).
 * - Stores register themselves so the whole of a learner's progress can be exported and imported.
 * - Hydration is deferred until `rehydrateAll()` runs after mount, so server-rendered HTML and the
 *   first client render agree.
 */
import { create, type StoreApi, type UseBoundStore } from "zustand";
import { persist, type PersistStorage, type StorageValue } from "zustand/middleware";

/** What a store needs of its schema; both zod and the lighter zod/mini schemas have it. */
export interface Schema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export interface PersistedSpec<T extends object> {
  /** localStorage key, e.g. "relay-lab:quiz". */
  key: string;
  /** The current schema version; bump it whenever the stored shape changes. */
  version: number;
  /** Validates a stored value of the current version (a zod or zod/mini schema). */
  schema: Schema<T>;
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
export type LoadResult<T> = { ok: true; state: T } | { ok: false; reason: string };

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
    return { ok: false, reason: `saved by a newer version (${version}) of Relay Lab` };
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

/** Reads and validates a raw stored string; a bad one is moved under `<key>:bad`. */
function loadFromStorage<T extends object>(spec: PersistedSpec<T>): StorageValue<T> | null {
  const store = storage();
  if (!store) return null;
  let text: string | null;
  try {
    text = store.getItem(spec.key);
  } catch {
    return null;
  }
  if (text === null) return null;
  let result: LoadResult<T>;
  try {
    result = decodeStored(spec, JSON.parse(text));
  } catch {
    result = { ok: false, reason: "not valid JSON (corrupt or truncated)" };
  }
  if (result.ok) return { state: result.state, version: spec.version };
  try {
    store.setItem(badKey(spec.key), text);
    store.removeItem(spec.key);
  } catch {
    // Storage full or unavailable: starting clean in memory is still the safe choice.
  }
  console.warn(`Relay Lab: saved progress "${spec.key}" was set aside: ${result.reason}.`);
  return null;
}

function safeStorage<T extends object>(spec: PersistedSpec<T>): PersistStorage<T> {
  return {
    getItem: () => loadFromStorage(spec),
    setItem: (name, value) => {
      try {
        storage()?.setItem(name, JSON.stringify(value));
      } catch {
        // Quota exceeded or storage disabled: keep working in memory.
      }
    },
    removeItem: (name) => {
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
