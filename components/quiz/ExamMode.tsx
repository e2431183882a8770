"use client";

import { useEffect, useRef, useState } from "react";
import {
  buildQuestions,
  checkAnswer,
  correctLabel,
  formatClock,
  scoreExam,
  secondsLeft,
  type ExamReport,
  type Question,
} from "@/lib/quiz";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { ChoiceList } from "./ChoiceList";
import { PortInput } from "./PortInput";
import { Bar, BUTTON, QuestionHead, ScoreLine, StartPanel } from "./bits";
import { today } from "./useAnswerRecorder";

const SIZES = [10, 20, 40] as const;
/** The real exam allows about a minute a question. */
const MS_PER_QUESTION = 60_000;

type Answer = { choice: string } | { typed: string };

interface Exam {
  questions: Question[];
  startedAt: number;
  durationMs: number;
}

/** A timed exam: no feedback until the end, flag questions for review, a report by topic. */
export function ExamMode() {
  const [size, setSize] = useState<(typeof SIZES)[number]>(20);
  const [exam, setExam] = useState<Exam | null>(null);
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [flags, setFlags] = useState<ReadonlySet<number>>(new Set());
  const [index, setIndex] = useState(0);
  const [now, setNow] = useState(0);
  const [report, setReport] = useState<{ r: ExamReport; timedOut: boolean; usedMs: number } | null>(
    null,
  );
  const recordAnswer = useQuizProgress((s) => s.recordAnswer);
  const recordExam = useQuizProgress((s) => s.recordExam);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);

  const left = exam ? secondsLeft(exam.startedAt, exam.durationMs, now) : 0;

  function finish(timedOut: boolean) {
    if (!exam || report) return;
    const at = Date.now();
    const results = exam.questions.map((q, i) => {
      const a = answers[i];
      if (!a) return undefined;
      const v = checkAnswer(q, a);
      return v.status === "answered" ? v.correct : undefined;
    });
    exam.questions.forEach((q, i) => {
      const correct = results[i];
      if (correct !== undefined) {
        recordAnswer({
          cardId: q.cardId,
          correct,
          elapsedMs: 0,
          format: q.format,
          mode: "exam",
          now: at,
          day: today(at),
        });
      }
    });
    const r = scoreExam(exam.questions, results);
    recordExam(at, r.correct, r.total);
    setReport({ r, timedOut, usedMs: Math.min(exam.durationMs, at - exam.startedAt) });
  }

  // The interval outlives renders, so it calls the latest finish() through a ref.
  const finishRef = useRef(finish);
  useEffect(() => {
    finishRef.current = finish;
  });

  useEffect(() => {
    if (!exam || report) return;
    const end = exam.startedAt + exam.durationMs;
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= end) finishRef.current(true);
    }, 250);
    return () => clearInterval(id);
  }, [exam, report]);

  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!exam || report) return;
    // A typed question takes focus in its field; a choice question on its prompt.
    (inputRef.current ?? headingRef.current)?.focus();
  }, [index, exam, report]);

  function start() {
    const t = Date.now();
    setExam({
      questions: buildQuestions(t >>> 0, size),
      startedAt: t,
      durationMs: size * MS_PER_QUESTION,
    });
    setAnswers({});
    setFlags(new Set());
    setIndex(0);
    setNow(t);
    setReport(null);
  }

  if (!exam) {
    return (
      <StartPanel title="Timed exam" startLabel={`Start a ${size}-question exam`} onStart={start}>
        <p>
          A minute a question, no feedback until the end. Flag questions to revisit; blanks count as
          wrong.
        </p>
        <fieldset className="mt-3">
          <legend className="font-semibold text-fg">Questions</legend>
          <div className="mt-2 flex gap-2">
            {SIZES.map((n) => (
              <label
                key={n}
                className="flex h-12 min-w-16 cursor-pointer items-center justify-center rounded-lg border-2 border-border px-4 font-semibold text-fg has-[:checked]:border-accent has-[:checked]:bg-bg has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus"
              >
                <input
                  type="radio"
                  name="exam-size"
                  value={n}
                  checked={size === n}
                  onChange={() => setSize(n)}
                  className="sr-only"
                />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
      </StartPanel>
    );
  }

  if (report) {
    const { r, timedOut, usedMs } = report;
    return (
      <section
        aria-labelledby="exam-report"
        className="rounded-2xl border border-border p-4 sm:p-6"
      >
        <h2
          id="exam-report"
          ref={reportRef}
          tabIndex={-1}
          className="text-2xl font-bold focus:outline-none"
        >
          {timedOut ? "Time is up: exam report" : "Exam report"}
        </h2>
        <ScoreLine correct={r.correct} total={r.total} />
        <p className="text-fg-muted">
          Answered {r.answered} of {r.total} in {formatClock(Math.round(usedMs / 1000))}.
        </p>
        <h3 className="mt-6 text-lg font-semibold">By topic, weakest first</h3>
        <ul className="mt-3 space-y-3">
          {r.byTopic.map((t) => (
            <li key={t.topic}>
              <div className="flex justify-between text-sm font-medium">
                <span>{t.label}</span>
                <span>
                  {t.correct}/{t.total}
                </span>
              </div>
              <Bar value={t.correct / t.total} label={`of ${t.label} questions right`} />
            </li>
          ))}
        </ul>
        {r.missed.length > 0 && (
          <>
            <h3 className="mt-6 text-lg font-semibold">Missed or unanswered</h3>
            <ol className="mt-3 space-y-4">
              {r.missed.map((i) => {
                const q = exam.questions[i] as Question;
                return (
                  <li key={i} className="rounded-xl bg-bg-soft p-3">
                    <p className="font-medium">
                      {i + 1}. {q.code ? `${q.code}: ` : ""}
                      {q.prompt}
                    </p>
                    <p className="mt-1">
                      Answer: <strong>{correctLabel(q)}</strong>
                    </p>
                    <p className="mt-1 text-fg-muted">{q.explanation}</p>
                  </li>
                );
              })}
            </ol>
          </>
        )}
        <button type="button" onClick={() => setExam(null)} className={`mt-6 ${BUTTON.primary}`}>
          New exam
        </button>
      </section>
    );
  }

  const q = exam.questions[index] as Question;
  const a = answers[index];
  const setAnswer = (v: Answer) => setAnswers((s) => ({ ...s, [index]: v }));
  const go = (i: number) => setIndex(Math.max(0, Math.min(exam.questions.length - 1, i)));
  const last = index === exam.questions.length - 1;
  const answeredCount = Object.values(answers).filter(
    (v) => !("typed" in v) || v.typed.trim() !== "",
  ).length;

  return (
    <section aria-labelledby="exam-q" className="rounded-2xl border border-border p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-medium text-fg-muted">
          Question {index + 1} of {exam.questions.length} · {answeredCount} answered
        </p>
        <p
          role="timer"
          aria-label="Time left"
          className={`rounded-lg px-3 py-1 font-mono text-xl font-bold tabular-nums ${left <= 60 ? "bg-bad text-bg" : "bg-bg-soft"}`}
        >
          {formatClock(left)}
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {left <= 60 && left > 0 ? "One minute left." : ""}
      </p>
      <QuestionHead id="exam-q" ref={headingRef} code={q.code} prompt={q.prompt} />
      <div className="mt-5">
        {q.format === "choice" ? (
          <ChoiceList
            key={index}
            label="Choices"
            choices={q.choices}
            disabled={false}
            stateOf={(id) => (a && "choice" in a && a.choice === id ? "selected" : "idle")}
            onPick={(id) => setAnswer({ choice: id })}
            onConfirm={(id) => {
              setAnswer({ choice: id });
              if (!last) go(index + 1);
            }}
          />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!last) go(index + 1);
            }}
          >
            <PortInput
              ref={inputRef}
              key={index}
              id={`exam-input-${index}`}
              value={a && "typed" in a ? a.typed : ""}
              onChange={(v) => setAnswer({ typed: v })}
            />
          </form>
        )}
      </div>
      <div className="mt-5 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => go(index - 1)}
          disabled={index === 0}
          className="h-12 rounded-xl border-2 border-border px-5 font-semibold disabled:opacity-50"
        >
          Previous
        </button>
        <button
          type="button"
          aria-pressed={flags.has(index)}
          onClick={() =>
            setFlags((f) => {
              const n = new Set(f);
              if (n.has(index)) n.delete(index);
              else n.add(index);
              return n;
            })
          }
          className="h-12 rounded-xl border-2 border-border px-5 font-semibold aria-pressed:border-warn aria-pressed:text-warn"
        >
          {flags.has(index) ? "Flagged for review" : "Flag for review"}
        </button>
        {!last && (
          <button
            type="button"
            onClick={() => go(index + 1)}
            className="h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg"
          >
            Next
          </button>
        )}
        <button
          type="button"
          onClick={() => finish(false)}
          className={`h-12 rounded-xl px-5 font-semibold ${last ? "bg-accent text-accent-fg" : "border-2 border-border"}`}
        >
          Finish exam
        </button>
      </div>
      <nav aria-label="Exam questions" className="mt-6">
        <ol className="flex flex-wrap gap-2">
          {exam.questions.map((_, i) => {
            const answered = answers[i] !== undefined;
            const flagged = flags.has(i);
            return (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => go(i)}
                  aria-current={i === index ? "step" : undefined}
                  aria-label={`Question ${i + 1}${answered ? ", answered" : ""}${flagged ? ", flagged" : ""}`}
                  className={`relative size-11 rounded-lg border-2 font-mono font-semibold ${
                    i === index ? "border-accent" : "border-border"
                  } ${answered ? "bg-bg-soft" : "bg-bg text-fg-muted"}`}
                >
                  {i + 1}
                  {flagged && (
                    <span
                      aria-hidden="true"
                      className="absolute -top-1.5 -right-1.5 size-3.5 rounded-full bg-warn"
                    />
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </section>
  );
}
