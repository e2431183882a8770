import { TOPIC_LABELS } from "@/content/ports";
import { CARDS } from "./cards";
import { questionFor, type ExamTopic, type Question } from "./questions";
import { createRng, shuffle } from "./rng";

export const QUIZ_LENGTH = 10;

/**
 * A quiz or exam: `count` questions about different cards, chosen and ordered by `seed`.
 * `focus` restricts the cards (e.g. "review these" from the stats). Port cards outnumber
 * reply cards, and every question kind appears because each card picks its own kind.
 */
export function buildQuestions(
  seed: number,
  count: number,
  opts: { focus?: readonly string[]; coreOnly?: boolean } = {},
): Question[] {
  const rng = createRng(seed);
  let pool = CARDS.filter((c) => !opts.coreOnly || c.type !== "port" || c.entry.core).map(
    (c) => c.id,
  );
  if (opts.focus && opts.focus.length > 0) pool = pool.filter((id) => opts.focus?.includes(id));
  const order = shuffle(rng, pool);
  const out: Question[] = [];
  const seen = new Set<string>();
  // Cycle through the pool so a small focus set still fills the quiz, without repeating a question.
  for (let round = 0; out.length < count && round < 8; round++) {
    for (const id of order) {
      if (out.length >= count) break;
      const q = questionFor(id, rng);
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      out.push(q);
    }
  }
  return out;
}

export const TOPIC_NAMES: Record<ExamTopic, string> = {
  ...TOPIC_LABELS,
  replies: "SMTP replies",
  mailauth: "Email authentication",
};

export interface TopicScore {
  topic: ExamTopic;
  label: string;
  correct: number;
  total: number;
}

export interface ExamReport {
  correct: number;
  answered: number;
  total: number;
  /** 0..1 over all questions; unanswered count as wrong, as on the real exam. */
  score: number;
  byTopic: TopicScore[];
  /** Indexes of questions answered wrong or not at all, for review. */
  missed: number[];
}

/** Scores an exam; `answers[i]` is whether question i was right, or undefined if unanswered. */
export function scoreExam(
  questions: readonly Question[],
  answers: readonly (boolean | undefined)[],
): ExamReport {
  const topics = new Map<ExamTopic, TopicScore>();
  const missed: number[] = [];
  let correct = 0;
  let answered = 0;
  questions.forEach((q, i) => {
    const t = topics.get(q.topic) ?? {
      topic: q.topic,
      label: TOPIC_NAMES[q.topic],
      correct: 0,
      total: 0,
    };
    t.total += 1;
    const a = answers[i];
    if (a !== undefined) answered += 1;
    if (a === true) {
      t.correct += 1;
      correct += 1;
    } else missed.push(i);
    topics.set(q.topic, t);
  });
  const byTopic = [...topics.values()].sort(
    (a, b) => a.correct / a.total - b.correct / b.total || a.label.localeCompare(b.label),
  );
  return {
    correct,
    answered,
    total: questions.length,
    score: questions.length ? correct / questions.length : 0,
    byTopic,
    missed,
  };
}

/** Time left in an exam, in whole seconds, never below zero. */
export function secondsLeft(startedAt: number, durationMs: number, now: number): number {
  return Math.max(0, Math.ceil((startedAt + durationMs - now) / 1000));
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}
