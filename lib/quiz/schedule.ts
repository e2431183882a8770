import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import { CARDS } from "./cards";

/**
 * Spaced repetition with ts-fsrs (FSRS-6). Time is always passed in as epoch milliseconds,
 * so the same answers at the same instants always give the same schedule.
 */

/** An FSRS card as stored: JSON-safe, dates as epoch ms. */
export interface CardMemory {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: "new" | "learning" | "review" | "relearning";
  lastReview: number | null;
}

const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true });

function toCard(m: CardMemory): Card {
  return {
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: 0,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: STATE_NAMES.indexOf(m.state) as State,
    ...(m.lastReview === null ? {} : { last_review: new Date(m.lastReview) }),
  };
}

function fromCard(c: Card): CardMemory {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_NAMES[c.state] ?? "new",
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

export type GradeName = "again" | "hard" | "good" | "easy";

const GRADES: Record<GradeName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** Typed answers take longer than a tap, so they get more time before counting as slow. */
const PACE = {
  choice: { fast: 4_000, slow: 15_000 },
  typed: { fast: 6_000, slow: 20_000 },
} as const;

/**
 * The FSRS rating for an answer: wrong is Again; right is Easy when quick, Hard when slow,
 * Good otherwise. The learner never has to rate themselves.
 */
export function gradeFor(
  correct: boolean,
  elapsedMs: number,
  format: "choice" | "typed",
): GradeName {
  if (!correct) return "again";
  const pace = PACE[format];
  if (elapsedMs <= pace.fast) return "easy";
  if (elapsedMs >= pace.slow) return "hard";
  return "good";
}

/** The memory after one review at `now`. A card seen for the first time starts empty at `now`. */
export function review(memory: CardMemory | undefined, grade: GradeName, now: number): CardMemory {
  const card = memory ? toCard(memory) : createEmptyCard(new Date(now));
  return fromCard(scheduler.next(card, new Date(now), GRADES[grade]).card);
}

/** The probability (0..1) the learner still recalls the card at `now`; 0 for a card never reviewed. */
export function recallProbability(memory: CardMemory | undefined, now: number): number {
  if (!memory || memory.state === "new") return 0;
  return scheduler.get_retrievability(toCard(memory), new Date(now), false);
}

export interface DrillPlan {
  /** Cards due now, most overdue first. */
  due: string[];
  /** New cards the learner may still start today, in introduction order. */
  fresh: string[];
  /** When the next not-yet-due card comes due, if any. */
  nextDueAt: number | null;
}

/**
 * What to drill at `now`: due cards first, then new cards up to the daily limit.
 * `pool` restricts the drill to some cards (for example one protocol's ports).
 */
export function planDrill(
  memories: Readonly<Record<string, CardMemory | undefined>>,
  now: number,
  opts: { newPerDay: number; newToday: number; pool?: readonly string[] },
): DrillPlan {
  const ids = opts.pool ?? CARDS.map((c) => c.id);
  const due: { id: string; at: number }[] = [];
  const fresh: string[] = [];
  let nextDueAt: number | null = null;
  for (const id of ids) {
    const m = memories[id];
    if (!m) fresh.push(id);
    else if (m.due <= now) due.push({ id, at: m.due });
    else nextDueAt = nextDueAt === null ? m.due : Math.min(nextDueAt, m.due);
  }
  due.sort((a, b) => a.at - b.at);
  // A focused drill (one protocol) ignores the daily limit: the learner asked for those cards.
  const room = opts.pool ? fresh.length : Math.max(0, opts.newPerDay - opts.newToday);
  return { due: due.map((d) => d.id), fresh: fresh.slice(0, room), nextDueAt };
}

/** The next card to drill, or null when nothing is due and no new card is allowed today. */
export function nextDrillCard(plan: DrillPlan): { id: string; isNew: boolean } | null {
  const due = plan.due[0];
  if (due) return { id: due, isNew: false };
  const fresh = plan.fresh[0];
  return fresh ? { id: fresh, isNew: true } : null;
}

/** When no card is due, the one that comes due soonest (for "review ahead"). */
export function soonestCard(
  memories: Readonly<Record<string, CardMemory | undefined>>,
  pool?: readonly string[],
): string | null {
  let best: { id: string; due: number } | null = null;
  for (const id of pool ?? Object.keys(memories)) {
    const m = memories[id];
    if (m && (!best || m.due < best.due)) best = { id, due: m.due };
  }
  return best?.id ?? null;
}

/**
 * Cards coming due on each of the next `days` days (day 0 is today and includes anything
 * overdue). `dayOf` turns an instant into the learner's local day key.
 */
export function forecast(
  memories: Readonly<Record<string, CardMemory | undefined>>,
  now: number,
  dayOf: (ms: number) => string,
  days = 7,
  pool?: readonly string[],
): { day: string; due: number }[] {
  const keys: string[] = [];
  for (let i = 0; i < days; i++) keys.push(dayOf(now + i * 86_400_000));
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const id of pool ?? Object.keys(memories)) {
    const m = memories[id];
    if (!m) continue;
    const key = m.due <= now ? keys[0] : dayOf(m.due);
    if (key !== undefined && counts.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return keys.map((day) => ({ day, due: counts.get(day) ?? 0 }));
}
