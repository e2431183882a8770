import { useSyncExternalStore } from "react";
import { registeredStores, setHydrateOnCreate } from "./persisted";

let hydrated = false;
const listeners = new Set<() => void>();
let detachSync: (() => void) | null = null;

/**
 * Loads every persisted store from localStorage (once, after the first render) and starts
 * listening for other tabs. Safe to call more than once.
 */
export async function rehydrateAll(): Promise<void> {
  await Promise.all(
    [...registeredStores().values()].map(({ store }) =>
      (
        store as unknown as { persist: { rehydrate: () => Promise<void> | void } }
      ).persist.rehydrate(),
    ),
  );
  if (!detachSync && typeof window !== "undefined") detachSync = syncAcrossTabs();
  hydrated = true;
  setHydrateOnCreate(true);
  listeners.forEach((l) => l());
}

/** When another tab writes a store's key, reload it here; when it clears it, start clean here. */
function syncAcrossTabs(): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.storageArea !== window.localStorage) return;
    const entry = e.key === null ? null : registeredStores().get(e.key);
    if (e.key !== null && !entry) return;
    const targets = entry ? [entry] : [...registeredStores().values()];
    for (const { spec, store } of targets) {
      if (e.key !== null && e.newValue !== null) {
        void (
          store as unknown as { persist: { rehydrate: () => Promise<void> } }
        ).persist.rehydrate();
      } else {
        store.setState(spec.initial());
      }
    }
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}

/** For tests: forget hydration state and stop listening. */
export function resetHydrationForTests(): void {
  hydrated = false;
  setHydrateOnCreate(false);
  detachSync?.();
  detachSync = null;
}

/** Calls `l` once saved progress has loaded; returns a function that stops. */
export function subscribeHydrated(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Whether saved progress has loaded (false on the server). */
export function isHydrated(): boolean {
  return hydrated;
}

/** False during server rendering and the first client render; true once saved progress is loaded. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeHydrated, isHydrated, () => false);
}

interface PersistApi {
  hasHydrated: () => boolean;
  onFinishHydration: (fn: () => void) => () => void;
}

/**
 * True once this one store has loaded its saved value. A store created after the app hydrated
 * (in a lazily loaded mode) loads a moment later than the rest, so `useHydrated` is not enough.
 */
export function useStoreHydrated(store: object): boolean {
  const api = (store as { persist: PersistApi }).persist;
  return useSyncExternalStore(
    // Both can come last: the store may finish loading before rehydrateAll sets `hydrated`.
    (l) => {
      const stopStore = api.onFinishHydration(l);
      const stopAll = subscribeHydrated(l);
      return () => {
        stopStore();
        stopAll();
      };
    },
    () => hydrated && api.hasHydrated(),
    () => false,
  );
}
