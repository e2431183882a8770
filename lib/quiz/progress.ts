import { CARDS, getCard } from "./cards";
import { gradeFor, review, type CardMemory, type GradeName } from "./schedule";

/**
 * The learner's quiz progress as plain data, and the pure functions that update and read it.
 * lib/progress/quiz-store.ts persists this shape; nothing here touches storage or the clock.
 */

export interface CardStats {
  seen: number;
  correct: number;
  /** The last few results, oldest first. */
  recent: boolean[];
  lastAt: number;
  /** FSRS memory, present once the card has been drilled. */
  memory?: CardMemory;
}

export interface DayStats {
  answered: number;
  correct: number;
  /** New cards introduced by the drill that day (for the daily limit). */
  fresh: number;
}

export interface ExamRecord {
  at: number;
  correct: number;
  total: number;
}

export interface PbqRecord {
  at: number;
  score: number;
}

export interface QuizProgressData {
  cards: Record<string, CardStats>;
  /** Keyed by local calendar day, "YYYY-MM-DD". */
  days: Record<string, DayStats>;
  exams: ExamRecord[];
  pbq: PbqRecord[];
  newPerDay: number;
  /** Protocol ids of the learner's hand-picked deck. */
  customDeck: string[];
}

export const RECENT = 8;
export const DEFAULT_NEW_PER_DAY = 10;
const KEEP_RECORDS = 30;

export function emptyProgress(): QuizProgressData {
  return {
    cards: {},
    days: {},
    exams: [],
    pbq: [],
    newPerDay: DEFAULT_NEW_PER_DAY,
    customDeck: [],
  };
}

export interface AnswerEvent {
  cardId: string;
  correct: boolean;
  elapsedMs: number;
  format: "choice" | "typed";
  mode: "drill" | "quiz" | "exam";
  now: number;
  day: string;
  /** The learner's own rating (drill); without it the answer's speed and result decide. */
  grade?: GradeName;
}

/** What one answer changed, so it can be taken back exactly (undo, or a changed rating). */
export interface AnswerUndo {
  cardId: string;
  day: string;
  card: CardStats | undefined;
  dayStats: DayStats | undefined;
}

export function undoFor(p: QuizProgressData, e: Pick<AnswerEvent, "cardId" | "day">): AnswerUndo {
  return { cardId: e.cardId, day: e.day, card: p.cards[e.cardId], dayStats: p.days[e.day] };
}

/** Puts a card and its day back as they were before the answer. */
export function applyUndo(p: QuizProgressData, u: AnswerUndo): QuizProgressData {
  const cards = { ...p.cards };
  const days = { ...p.days };
  if (u.card) cards[u.cardId] = u.card;
  else delete cards[u.cardId];
  if (u.dayStats) days[u.day] = u.dayStats;
  else delete days[u.day];
  return { ...p, cards, days };
}

/** Records one answer. Only the drill moves the FSRS schedule; every mode counts for mastery. */
export function applyAnswer(p: QuizProgressData, e: AnswerEvent): QuizProgressData {
  if (!getCard(e.cardId)) return p;
  const prev = p.cards[e.cardId] ?? { seen: 0, correct: 0, recent: [], lastAt: e.now };
  const next: CardStats = {
    ...prev,
    seen: prev.seen + 1,
    correct: prev.correct + (e.correct ? 1 : 0),
    recent: [...prev.recent, e.correct].slice(-RECENT),
    lastAt: e.now,
  };
  const isNew = e.mode === "drill" && !prev.memory;
  if (e.mode === "drill") {
    next.memory = review(prev.memory, e.grade ?? gradeFor(e.correct, e.elapsedMs, e.format), e.now);
  }
  const day = p.days[e.day] ?? { answered: 0, correct: 0, fresh: 0 };
  return {
    ...p,
    cards: { ...p.cards, [e.cardId]: next },
    days: {
      ...p.days,
      [e.day]: {
        answered: day.answered + 1,
        correct: day.correct + (e.correct ? 1 : 0),
        fresh: day.fresh + (isNew ? 1 : 0),
      },
    },
  };
}

export function addRecord<T>(list: readonly T[], item: T): T[] {
  return [...list, item].slice(-KEEP_RECORDS);
}

/**
 * Mastery 0..1: accuracy over the last few answers, scaled down until the card has been
 * answered three times, so one lucky tap is not "mastered".
 */
export function mastery(s: CardStats | undefined): number {
  if (!s || s.recent.length === 0) return 0;
  const right = s.recent.filter(Boolean).length;
  return (right / s.recent.length) * Math.min(1, s.recent.length / 3);
}

/** The `n` weakest cards among those answered at least once: lowest mastery, most recently missed first. */
export function weakest(p: QuizProgressData, n: number): string[] {
  return Object.entries(p.cards)
    .filter(([id, s]) => getCard(id) && s.seen > 0 && mastery(s) < 0.8)
    .sort(([, a], [, b]) => mastery(a) - mastery(b) || b.lastAt - a.lastAt)
    .slice(0, n)
    .map(([id]) => id);
}

/** Share of all cards with mastery of at least 0.8. */
export function overallMastery(p: QuizProgressData): {
  mastered: number;
  seen: number;
  total: number;
} {
  let mastered = 0;
  let seen = 0;
  for (const c of CARDS) {
    const s = p.cards[c.id];
    if (s && s.seen > 0) seen += 1;
    if (mastery(s) >= 0.8) mastered += 1;
  }
  return { mastered, seen, total: CARDS.length };
}

/** "YYYY-MM-DD" for the instant `ms` in a zone `offsetMinutes` ahead of UTC. */
export function dayKey(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function addDays(key: string, n: number): string {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Consecutive days with at least one answer, ending today (or yesterday, if today has none yet). */
export function streak(days: Readonly<Record<string, DayStats>>, today: string): number {
  let day = (days[today]?.answered ?? 0) > 0 ? today : addDays(today, -1);
  let count = 0;
  while ((days[day]?.answered ?? 0) > 0) {
    count += 1;
    day = addDays(day, -1);
  }
  return count;
}

/** The last `n` days, oldest first, with zeros for days without practice. */
export function history(
  days: Readonly<Record<string, DayStats>>,
  today: string,
  n: number,
): { day: string; answered: number; correct: number }[] {
  const out = [];
  for (let i = n - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    const s = days[day];
    out.push({ day, answered: s?.answered ?? 0, correct: s?.correct ?? 0 });
  }
  return out;
}
