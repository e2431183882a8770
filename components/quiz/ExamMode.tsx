"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import {
  byObjective,
  correctLabel,
  EXAM_SIZES,
  examClock,
  examQuestions,
  examResults,
  formatClock,
  isAnswered,
  missedPortCards,
  newExam,
  PASS_MARK,
  passed,
  reviewLists,
  scaledScore,
  scoreExam,
  type ExamAnswer,
  type ExamState,
  type Question,
} from "@/lib/quiz";
import { useExamStore } from "@/lib/progress/exam-store";
import { useStoreHydrated } from "@/lib/progress/hydration";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { ChoiceList } from "./ChoiceList";
import { PortInput } from "./PortInput";
import { Bar, BUTTON, QuestionHead, StartPanel } from "./bits";
import { today } from "./useAnswerRecorder";

/**
 * A timed exam like the real one: no feedback until the end, flags, a review screen that
 * lists blanks and flags before submitting, a scaled score, and results by objective. Saved
 * on every change, so a reload or a closed tab resumes it; the clock keeps running meanwhile.
 */
export function ExamMode({ onDrill }: { onDrill: (cardIds: string[]) => void }) {
  const hydrated = useStoreHydrated(useExamStore);
  const exam = useExamStore((s) => s.current);
  const [size, setSize] = useState<number>(20);
  // When the saved exam was found on load (null: not resumed). Checked once, during the first
  // render after loading, before the exam's own clock can finish an exam that expired meanwhile.
  const [resumed, setResumed] = useState(false);
  const [checked, setChecked] = useState(false);
  const [away, setAway] = useState(false);
  if (hydrated && !checked) {
    setChecked(true);
    if (exam && exam.finishedAt === null) setResumed(true);
  }

  if (!hydrated) {
    return (
      <section
        aria-busy="true"
        className="min-h-72 rounded-2xl border border-border bg-bg-soft p-4 sm:p-6"
      >
        <p className="text-fg-muted">Loading your saved exam…</p>
      </section>
    );
  }

  if (!exam) {
    return (
      <StartPanel
        title="Timed exam"
        startLabel={`Start a ${size}-question exam`}
        onStart={() => {
          const now = Date.now();
          setResumed(false);
          setAway(false);
          useExamStore.getState().start(newExam(now >>> 0, size, now));
        }}
      >
        <p>
          A minute a question and no feedback until the end. Flag questions to revisit; a review
          screen lists blanks and flags before you submit. Blanks count as wrong.
        </p>
        <p>
          Your answers are saved as you go: reload or close the tab and the exam resumes. The clock
          keeps running while you are away, as it would in a test centre.
        </p>
        <fieldset className="mt-3">
          <legend className="font-semibold text-fg">Questions</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {EXAM_SIZES.map((n) => (
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

  if (exam.finishedAt !== null) {
    return <ExamReportView exam={exam} away={away} onDrill={onDrill} />;
  }
  return (
    <ExamInProgress
      exam={exam}
      resumed={resumed}
      onDismissResumed={() => setResumed(false)}
      onExpiredWhileAway={() => setAway(true)}
    />
  );
}

/** Scores the exam, records each answer in the learner's stats once, and marks it finished. */
function finishExam(exam: ExamState, at: number, timedOut: boolean) {
  const questions = examQuestions(exam);
  const results = examResults(questions, exam.answers);
  const { recordAnswer, recordExam } = useQuizProgress.getState();
  questions.forEach((q, i) => {
    const correct = results[i];
    if (correct === undefined) return;
    recordAnswer({
      cardId: q.cardId,
      correct,
      elapsedMs: 0,
      format: q.format,
      mode: "exam",
      now: at,
      day: today(at),
    });
  });
  const r = scoreExam(questions, results);
  recordExam(at, r.correct, r.total);
  useExamStore.getState().finish(at, timedOut);
}

function ExamInProgress({
  exam,
  resumed,
  onDismissResumed,
  onExpiredWhileAway,
}: {
  exam: ExamState;
  resumed: boolean;
  onDismissResumed: () => void;
  onExpiredWhileAway: () => void;
}) {
  const questions = useMemo(() => examQuestions(exam), [exam.seed, exam.size]); // eslint-disable-line react-hooks/exhaustive-deps
  const [now, setNow] = useState(() => Date.now());
  const [reviewing, setReviewing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { answer, toggleFlag, go } = useExamStore.getState();

  const { left, expired } = examClock(exam, now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, []);
  // Expired already on the first check after a resume: the time ran out while away.
  const firstCheck = useRef(true);
  useEffect(() => {
    if (expired) {
      if (firstCheck.current && resumed) onExpiredWhileAway();
      finishExam(exam, exam.startedAt + exam.durationMs, true);
    }
    firstCheck.current = false;
  }, [expired, exam, resumed, onExpiredWhileAway]);

  useEffect(() => {
    if (reviewing) return;
    (inputRef.current ?? headingRef.current)?.focus();
  }, [exam.index, reviewing]);

  if (reviewing) {
    return (
      <ReviewScreen
        exam={exam}
        left={left}
        onBack={(i) => {
          if (i !== undefined) go(i);
          setReviewing(false);
        }}
        onSubmit={() => finishExam(exam, Date.now(), false)}
      />
    );
  }

  const index = exam.index;
  const q = questions[index] as Question;
  const a = exam.answers[index];
  const last = index === exam.size - 1;
  const answeredCount = questions.filter((_, i) => isAnswered(exam.answers[i])).length;
  const flagged = exam.flags.includes(index);
  const setAnswer = (v: ExamAnswer) => answer(index, v);

  return (
    <section aria-labelledby="exam-q" className="rounded-2xl border border-border p-4 sm:p-6">
      {resumed && (
        <p
          role="status"
          className="mb-4 flex flex-wrap items-center gap-2 rounded-lg bg-bg-soft p-3"
        >
          <span className="flex-1 basis-52">
            Welcome back: your exam was saved. The clock kept running while you were away.
          </span>
          <button
            type="button"
            onClick={onDismissResumed}
            className="font-semibold text-accent underline"
          >
            OK
          </button>
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-medium text-fg-muted">
          Question {index + 1} of {exam.size} · {answeredCount} answered
        </p>
        <Timer left={left} />
      </div>
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
      <div className="mt-5 grid grid-cols-3 gap-2 sm:flex sm:flex-wrap sm:gap-3">
        <button
          type="button"
          onClick={() => go(index - 1)}
          disabled={index === 0}
          className="h-12 rounded-xl border-2 border-border px-3 font-semibold disabled:opacity-50 sm:px-5"
        >
          Previous
        </button>
        <button
          type="button"
          aria-pressed={flagged}
          onClick={() => toggleFlag(index)}
          className="h-12 rounded-xl border-2 border-border px-3 font-semibold aria-pressed:border-warn aria-pressed:bg-bg-soft sm:px-5"
        >
          {flagged ? "Flagged" : "Flag"}
          <span className="sr-only"> for review</span>
        </button>
        <button
          type="button"
          onClick={() => (last ? setReviewing(true) : go(index + 1))}
          className="h-12 rounded-xl bg-accent px-3 font-semibold text-accent-fg sm:px-5"
        >
          {last ? "Review" : "Next"}
        </button>
      </div>
      <nav aria-label="Exam questions" className="mt-6">
        <ol className="flex flex-wrap gap-2">
          {questions.map((_, i) => {
            const done = isAnswered(exam.answers[i]);
            const f = exam.flags.includes(i);
            return (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => go(i)}
                  aria-current={i === index ? "step" : undefined}
                  aria-label={`Question ${i + 1}${done ? ", answered" : ", unanswered"}${f ? ", flagged" : ""}`}
                  className={`relative size-11 rounded-lg border-2 font-mono font-semibold ${
                    i === index ? "border-accent" : "border-border"
                  } ${done ? "bg-bg-soft" : "bg-bg text-fg-muted"}`}
                >
                  {i + 1}
                  {f && (
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
      {/* Kept apart from Next, below the question grid, so a mis-tap cannot end the exam. */}
      <div className="mt-8 border-t border-border pt-5">
        <button type="button" onClick={() => setReviewing(true)} className={BUTTON.secondary}>
          Review and finish…
        </button>
      </div>
    </section>
  );
}

function Timer({ left }: { left: number }) {
  return (
    <>
      <p
        role="timer"
        aria-label="Time left"
        className={`rounded-lg px-3 py-1 font-mono text-xl font-bold tabular-nums ${left <= 60 ? "bg-bad text-bg" : "bg-bg-soft"}`}
      >
        {formatClock(left)}
      </p>
      <p className="sr-only" aria-live="polite">
        {left <= 60 && left > 0 ? "One minute left." : ""}
      </p>
    </>
  );
}

function QuestionLinks({
  label,
  indexes,
  onGo,
}: {
  label: string;
  indexes: number[];
  onGo: (i: number) => void;
}) {
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-2">
      {indexes.map((i) => (
        <li key={i}>
          <button
            type="button"
            onClick={() => onGo(i)}
            aria-label={`Go to question ${i + 1}`}
            className="h-11 min-w-11 rounded-lg border-2 border-border px-3 font-mono font-semibold"
          >
            {i + 1}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Before submitting: what is blank, what is flagged, and a confirmation for blanks. */
function ReviewScreen({
  exam,
  left,
  onBack,
  onSubmit,
}: {
  exam: ExamState;
  left: number;
  onBack: (index?: number) => void;
  onSubmit: () => void;
}) {
  const { unanswered, flagged } = reviewLists(exam);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby="exam-review" className="rounded-2xl border border-border p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2
          id="exam-review"
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-bold focus:outline-none"
        >
          Review before submitting
        </h2>
        <Timer left={left} />
      </div>
      <p className="mt-3">
        {exam.size - unanswered.length} of {exam.size} answered.
      </p>
      <h3 className="mt-5 text-lg font-semibold">Unanswered ({unanswered.length})</h3>
      {unanswered.length === 0 ? (
        <p className="mt-1 text-fg-muted">None: every question has an answer.</p>
      ) : (
        <QuestionLinks label="Unanswered questions" indexes={unanswered} onGo={onBack} />
      )}
      <h3 className="mt-5 text-lg font-semibold">Flagged for review ({flagged.length})</h3>
      {flagged.length === 0 ? (
        <p className="mt-1 text-fg-muted">No flags.</p>
      ) : (
        <QuestionLinks label="Flagged questions" indexes={flagged} onGo={onBack} />
      )}
      <div className="mt-8 flex flex-wrap gap-3">
        <button type="button" onClick={() => onBack()} className={BUTTON.secondary}>
          Back to the questions
        </button>
        <button
          type="button"
          onClick={() => (unanswered.length > 0 ? dialogRef.current?.showModal() : onSubmit())}
          className={BUTTON.small}
        >
          Submit exam
        </button>
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby="exam-confirm-title"
        className="m-auto max-w-md rounded-2xl border-2 border-border bg-bg p-6 text-fg backdrop:bg-black/60"
      >
        <h3 id="exam-confirm-title" className="text-xl font-bold">
          Submit with {unanswered.length} unanswered?
        </h3>
        <p className="mt-3">
          {unanswered.length === 1 ? "One question is" : `${unanswered.length} questions are`} still
          blank, and blanks count as wrong. You still have {formatClock(left)} left.
        </p>
        <form method="dialog" className="mt-6 flex flex-wrap gap-3">
          <button type="submit" autoFocus className={BUTTON.small}>
            Keep answering
          </button>
          <button
            type="button"
            onClick={() => {
              dialogRef.current?.close();
              onSubmit();
            }}
            className={BUTTON.secondary}
          >
            Submit anyway
          </button>
        </form>
      </dialog>
    </section>
  );
}

function ExamReportView({
  exam,
  away,
  onDrill,
}: {
  exam: ExamState;
  away: boolean;
  onDrill: (cardIds: string[]) => void;
}) {
  const questions = useMemo(() => examQuestions(exam), [exam]);
  const r = useMemo(
    () => scoreExam(questions, examResults(questions, exam.answers)),
    [questions, exam],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const scaled = scaledScore(r.correct, r.total);
  const pass = passed(scaled);
  const weak = missedPortCards(questions, r.missed);
  const usedMs = Math.min(exam.durationMs, (exam.finishedAt ?? exam.startedAt) - exam.startedAt);

  return (
    <section aria-labelledby="exam-report" className="rounded-2xl border border-border p-4 sm:p-6">
      <h2
        id="exam-report"
        ref={headingRef}
        tabIndex={-1}
        className="text-2xl font-bold focus:outline-none"
      >
        {exam.timedOut ? "Time is up: exam report" : "Exam report"}
      </h2>
      {away && <p className="mt-2 text-fg-muted">Time ran out while you were away.</p>}
      <p className="mt-4 text-lg" data-scaled-score={scaled}>
        Scaled score <strong className="text-3xl">{scaled}</strong> of 900 ·{" "}
        <strong className={pass ? "text-ok" : "text-bad"}>
          {pass ? "Pass" : "Not yet a pass"}
        </strong>{" "}
        (pass mark {PASS_MARK})
      </p>
      <p className="mt-1">
        Answered {r.answered} of {r.total}, {r.correct} right, in{" "}
        {formatClock(Math.round(usedMs / 1000))}.
      </p>
      <p className="mt-2 text-sm text-fg-muted">
        The 100–900 scaling is ours, a straight line from none right to all right, so a pass here
        needs about 81%. CompTIA does not publish how it scales its exam; treat this as a guide.
      </p>
      {weak.length > 0 && (
        <button type="button" onClick={() => onDrill(weak)} className={`mt-5 ${BUTTON.small}`}>
          Drill my weak ports ({weak.length})
        </button>
      )}
      <h3 className="mt-6 text-lg font-semibold">By SY0-701 objective, weakest first</h3>
      <ul className="mt-3 space-y-3">
        {byObjective(r).map((o) => (
          <li key={o.id}>
            <div className="flex justify-between gap-3 text-sm font-medium">
              <span>{o.label}</span>
              <span className="shrink-0">
                {o.correct}/{o.total}
              </span>
            </div>
            <Bar value={o.correct / o.total} label={`of objective ${o.id} questions right`} />
          </li>
        ))}
      </ul>
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
              const q = questions[i] as Question;
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
      <button
        type="button"
        onClick={() => useExamStore.getState().clear()}
        className={`mt-6 ${BUTTON.primary}`}
      >
        New exam
      </button>
    </section>
  );
}
