/** Where a class quiz stands: which question, and whether its answer is shown. */
export type ClassPhase =
  { kind: "setup" } | { kind: "question"; index: number; revealed: boolean } | { kind: "done" };

/** → / Enter: reveal the answer, then go on to the next question, then finish. */
export function forward(p: ClassPhase, total: number): ClassPhase {
  if (p.kind !== "question") return p;
  if (!p.revealed) return { ...p, revealed: true };
  return p.index + 1 < total
    ? { kind: "question", index: p.index + 1, revealed: false }
    : { kind: "done" };
}

/** ←: hide the answer again, or back to the previous question as it was left (revealed). */
export function backward(p: ClassPhase, total: number): ClassPhase {
  if (p.kind === "done")
    return total > 0 ? { kind: "question", index: total - 1, revealed: true } : p;
  if (p.kind !== "question") return p;
  if (p.revealed) return { ...p, revealed: false };
  return p.index > 0 ? { kind: "question", index: p.index - 1, revealed: true } : p;
}

export const COUNTS = [5, 10, 20] as const;
/** Seconds per question; 0 is no countdown. */
export const COUNTDOWNS = [0, 15, 30, 60] as const;

/** `?seed=123` repeats a class quiz; anything else is ignored (a fresh quiz is drawn). */
export function seedFromParam(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

export function formatSeconds(s: number): string {
  const whole = Math.max(0, Math.ceil(s));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

export interface ClassSetup {
  count: number;
  seconds: number;
  coreOnly: boolean;
}

/**
 * The link that repeats a class quiz: its seed and its settings, and presenter mode when the
 * presenter is using it (so the class sees the same room-sized screen).
 */
export function classQuizQuery(seed: number, setup: ClassSetup, present: boolean): string {
  const p = new URLSearchParams({
    seed: String(seed),
    count: String(setup.count),
    seconds: String(setup.seconds),
    core: setup.coreOnly ? "1" : "0",
  });
  if (present) p.set("present", "1");
  return p.toString();
}

/** The settings a link carries; anything missing or not on offer keeps the current value. */
export function setupFromParams(params: URLSearchParams, current: ClassSetup): ClassSetup {
  const count = Number(params.get("count"));
  const seconds = params.get("seconds");
  const core = params.get("core");
  return {
    count: (COUNTS as readonly number[]).includes(count) ? count : current.count,
    seconds:
      seconds !== null && (COUNTDOWNS as readonly number[]).includes(Number(seconds))
        ? Number(seconds)
        : current.seconds,
    coreOnly: core === "1" ? true : core === "0" ? false : current.coreOnly,
  };
}
