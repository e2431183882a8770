import { buildQuestions, type ExamReport } from "./session";
import { checkAnswer, type Question } from "./questions";
import type { ExamTopic } from "./questions";

/**
 * Exam practice in the shape of the real one: a scaled score, a pass mark, objectives, and an
 * exam state that survives a reload. All pure: the clock is passed in.
 */

/** The reported scale and pass mark of Security+ SY0-701. */
export const SCALE_MIN = 100;
export const SCALE_MAX = 900;
export const PASS_MARK = 750;

/**
 * Our scaling, not CompTIA's (theirs is not published and weights questions): a straight line
 * from 100 for none right to 900 for all right, so passing needs about 81% here.
 */
export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return SCALE_MIN;
  const share = Math.max(0, Math.min(1, correct / total));
  return Math.round(SCALE_MIN + (SCALE_MAX - SCALE_MIN) * share);
}

export function passed(scaled: number): boolean {
  return scaled >= PASS_MARK;
}

/** The SY0-701 exam objectives our questions fall under (numbering from CompTIA's outline). */
export const OBJECTIVES = {
  "2.2": "2.2 Threat vectors and attack surfaces (open service ports)",
  "3.2": "3.2 Securing enterprise infrastructure (secure remote access, tunnels)",
  "4.4": "4.4 Security alerting and monitoring (SNMP, syslog)",
  "4.5": "4.5 Enterprise capabilities: secure protocols, email security, firewall rules",
  "4.6": "4.6 Identity and access management (directory services, AAA)",
} as const;
export type ObjectiveId = keyof typeof OBJECTIVES;

const OBJECTIVE_OF: Record<ExamTopic, ObjectiveId> = {
  mail: "4.5",
  replies: "4.5",
  mailauth: "4.5",
  web: "4.5",
  files: "4.5",
  "name-services": "4.5",
  voice: "4.5",
  remote: "3.2",
  vpn: "3.2",
  directory: "4.6",
  management: "4.4",
  data: "2.2",
};

export function objectiveOf(topic: ExamTopic): ObjectiveId {
  return OBJECTIVE_OF[topic];
}

export interface ObjectiveScore {
  id: ObjectiveId;
  label: string;
  correct: number;
  total: number;
}

/** The report's topic rows regrouped by objective, weakest first. */
export function byObjective(report: ExamReport): ObjectiveScore[] {
  const out = new Map<ObjectiveId, ObjectiveScore>();
  for (const t of report.byTopic) {
    const id = objectiveOf(t.topic);
    const row = out.get(id) ?? { id, label: OBJECTIVES[id], correct: 0, total: 0 };
    row.correct += t.correct;
    row.total += t.total;
    out.set(id, row);
  }
  return [...out.values()].sort(
    (a, b) => a.correct / a.total - b.correct / b.total || a.id.localeCompare(b.id),
  );
}

export type ExamAnswer = { choice: string } | { typed: string };

/** Everything needed to rebuild an exam after a reload: the questions come back from the seed. */
export interface ExamState {
  seed: number;
  size: number;
  startedAt: number;
  durationMs: number;
  /** Answers by question index (string keys, for JSON). */
  answers: Record<string, ExamAnswer>;
  flags: number[];
  index: number;
  /** Set once submitted (or timed out); the report is computed from the answers. */
  finishedAt: number | null;
  timedOut: boolean;
}

/** The real exam allows about a minute a question. */
export const MS_PER_QUESTION = 60_000;
export const EXAM_SIZES = [10, 20, 40, 90] as const;

export function newExam(seed: number, size: number, now: number): ExamState {
  return {
    seed,
    size,
    startedAt: now,
    durationMs: size * MS_PER_QUESTION,
    answers: {},
    flags: [],
    index: 0,
    finishedAt: null,
    timedOut: false,
  };
}

export function examQuestions(exam: Pick<ExamState, "seed" | "size">): Question[] {
  return buildQuestions(exam.seed, exam.size);
}

export function isAnswered(a: ExamAnswer | undefined): boolean {
  if (!a) return false;
  return "choice" in a ? a.choice !== "" : a.typed.trim() !== "";
}

/** Questions still blank and questions flagged, by index, for the review screen. */
export function reviewLists(exam: ExamState): { unanswered: number[]; flagged: number[] } {
  const unanswered: number[] = [];
  for (let i = 0; i < exam.size; i++) if (!isAnswered(exam.answers[i])) unanswered.push(i);
  return { unanswered, flagged: [...exam.flags].sort((a, b) => a - b) };
}

/**
 * Where a saved exam stands at `now`. The clock keeps running while the page is closed, as
 * it would in a test centre: an exam whose time ran out while away is over.
 */
export function examClock(
  exam: ExamState,
  now: number,
): { left: number; expired: boolean; endsAt: number } {
  const endsAt = exam.startedAt + exam.durationMs;
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  return { left, expired: now >= endsAt, endsAt };
}

/** Whether each question was answered right, or undefined when blank or not a valid answer. */
export function examResults(
  questions: readonly Question[],
  answers: Readonly<Record<string, ExamAnswer>>,
): (boolean | undefined)[] {
  return questions.map((q, i) => {
    const a = answers[i];
    if (!isAnswered(a) || !a) return undefined;
    const v = checkAnswer(q, a);
    return v.status === "answered" ? v.correct : undefined;
  });
}

/** Port cards missed in an exam (wrong or blank), for "drill my weak ports". */
export function missedPortCards(
  questions: readonly Question[],
  missed: readonly number[],
): string[] {
  const ids = missed
    .map((i) => questions[i]?.cardId)
    .filter((id): id is string => !!id && id.startsWith("port:"));
  return [...new Set(ids)];
}
