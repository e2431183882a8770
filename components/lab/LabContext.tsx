"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { World } from "@/lib/smtp";
import type { LabStore } from "./labStore";

export const LabContext = createContext<LabStore | null>(null);

/** The lab's store; throws only when used outside a <Lab> (a programming error). */
export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error("useLabStore must be used inside <Lab>");
  return store;
}

/**
 * The current world and a version that changes whenever it logs events (at most once per frame).
 * Lessons use this to check tasks against `world.events()`.
 */
export function useLabWorld(): { world: World; version: number } {
  const store = useLabStore();
  const version = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { world: store.world, version };
}
