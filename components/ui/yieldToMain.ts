/**
 * Resolves in a later task, so start-up work split by it never makes one long main-thread task
 * (what Total Blocking Time counts). Uses `scheduler.yield()` where the browser has it (the
 * continuation runs before other queued work), else a zero-delay timeout.
 */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === "function") return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
