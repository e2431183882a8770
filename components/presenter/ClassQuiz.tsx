"use client";

import Link from "@/components/ui/Link";
import { useEffect, useMemo, useRef, useState } from "react";
import { activates, ownsKeys } from "@/components/ui/presenter/keys";
import { usePresenter } from "@/components/ui/presenter/presenter-store";
import { usePresenterSteps } from "@/components/ui/presenter/usePresenterSteps";
import type { Question } from "@/lib/quiz/questions";
import {
  backward,
  COUNTDOWNS,
  COUNTS,
  formatSeconds,
  forward,
  seedFromParam,
  setupFromParams,
  classQuizQuery,
  type ClassSetup,
  type ClassPhase,
} from "./classQuiz";

const BUTTON =
  "rounded-xl border-2 border-border px-5 py-2.5 text-lg font-semibold hover:bg-bg-soft disabled:opacity-60";
const PRIMARY =
  "rounded-xl bg-accent px-6 py-3 text-lg font-semibold text-accent-fg hover:opacity-90";
const LETTERS = "ABCDEFGH";

/** Loaded at Start (see classQuizBank). */
type Bank = typeof import("./classQuizBank");

type Setup = ClassSetup;

/**
 * A quiz for a room: one question at a time, full screen, an optional countdown, Reveal with
 * the explanation, Next. The class answers aloud, so nothing is scored and nothing is saved:
 * it reads lib/quiz (pure, seeded) and never touches the presenter's own progress.
 */
export function ClassQuiz() {
  const [setup, setSetup] = useState<Setup>({ count: 10, seconds: 0, coreOnly: true });
  const [seed, setSeed] = useState<number | null>(null);
  const [bank, setBank] = useState<Bank | null>(null);
  const [phase, setPhase] = useState<ClassPhase>({ kind: "setup" });
  const present = usePresenter((p) => p.on);
  // A quiz's link carries its settings: show them on the setup screen once the page is live.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read the link once after hydration
    setSetup((s) => setupFromParams(new URLSearchParams(window.location.search), s));
  }, []);
  const questions = useMemo(
    () =>
      seed === null || bank === null
        ? []
        : bank.buildQuestions(seed, setup.count, { coreOnly: setup.coreOnly }),
    [bank, seed, setup.count, setup.coreOnly],
  );
  const total = questions.length;

  function start() {
    // A seed from the link repeats that quiz; otherwise each class gets a fresh draw.
    // Read at Start, not at render: the setup screen is then plain server-rendered HTML.
    const linked = new URLSearchParams(window.location.search).get("seed");
    const drawn = seedFromParam(linked) ?? Math.floor(Math.random() * 1e9);
    void import("./classQuizBank").then((loaded) => {
      setBank(loaded);
      setSeed(drawn);
      setPhase({ kind: "question", index: 0, revealed: false });
    });
  }

  const next = () => setPhase((p) => forward(p, total));
  const prev = () => setPhase((p) => backward(p, total));
  const [paused, setPaused] = useState(false);
  const timed = setup.seconds > 0 && phase.kind === "question" && !phase.revealed;

  usePresenterSteps(
    { onNext: next, onPrev: prev, onPause: () => (timed ? setPaused((x) => !x) : next()) },
    { always: true },
  );

  // Enter anywhere but on a control or a field does the obvious thing, like →.
  const enterRef = useRef(next);
  useEffect(() => {
    enterRef.current = next;
  });
  useEffect(() => {
    if (phase.kind !== "question") return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (ownsKeys(e.target) || activates(e.target)) return;
      e.preventDefault();
      enterRef.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase.kind]);

  if (phase.kind === "setup")
    return <SetupPanel setup={setup} onChange={setSetup} onStart={start} />;
  if (phase.kind === "done")
    return (
      <section aria-labelledby="class-done" className="rounded-2xl border border-border p-6">
        <h2 id="class-done" className="text-3xl font-bold" tabIndex={-1}>
          That was all {total} questions.
        </h2>
        <p className="mt-3 text-fg-muted">
          Nothing was saved. To repeat this quiz with another class, open{" "}
          <Link
            href={`/class?${classQuizQuery(seed ?? 0, setup, present)}`}
            className="font-medium text-accent underline underline-offset-2"
          >
            this quiz&rsquo;s link
          </Link>
          .
        </p>
        <div className="mt-5 flex flex-wrap gap-3">
          <button type="button" onClick={prev} className={BUTTON}>
            <span aria-hidden="true">← </span>Last question
          </button>
          <button
            type="button"
            onClick={() => {
              setSeed(null);
              setPhase({ kind: "setup" });
            }}
            className={PRIMARY}
          >
            New class quiz
          </button>
        </div>
      </section>
    );

  const q = questions[phase.index];
  if (!q || !bank) return null;
  return (
    <QuestionSlide
      key={`${seed}-${phase.index}`}
      bank={bank}
      question={q}
      position={`Question ${phase.index + 1} of ${total}`}
      revealed={phase.revealed}
      seconds={setup.seconds}
      paused={paused}
      onPause={() => setPaused((x) => !x)}
      onNext={next}
      onPrev={prev}
      last={phase.index + 1 === total}
      first={phase.index === 0}
    />
  );
}

function SetupPanel({
  setup,
  onChange,
  onStart,
}: {
  setup: Setup;
  onChange: (s: Setup) => void;
  onStart: () => void;
}) {
  return (
    <section aria-labelledby="class-setup" className="rounded-2xl border border-border p-6">
      <h2 id="class-setup" className="text-2xl font-bold">
        Port numbers, for the whole room
      </h2>
      <p className="mt-2 max-w-3xl text-fg-muted">
        One question at a time on the big screen. The class answers aloud; you reveal the answer and
        its explanation, then go on. Keys: → or Enter reveals, then moves on; ← goes back. Nothing
        is scored or saved.
      </p>
      <div className="mt-5 flex flex-wrap items-end gap-6">
        <label className="flex flex-col gap-1 font-medium">
          Questions
          <select
            value={setup.count}
            onChange={(e) => onChange({ ...setup, count: Number(e.target.value) })}
            className="rounded-lg border border-border bg-bg px-3 py-2"
          >
            {COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-medium">
          Countdown
          <select
            value={setup.seconds}
            onChange={(e) => onChange({ ...setup, seconds: Number(e.target.value) })}
            className="rounded-lg border border-border bg-bg px-3 py-2"
          >
            {COUNTDOWNS.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? "None" : `${s} seconds`}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 py-2 font-medium">
          <input
            type="checkbox"
            checked={setup.coreOnly}
            onChange={(e) => onChange({ ...setup, coreOnly: e.target.checked })}
            className="size-5 accent-accent"
          />
          Exam-core ports only
        </label>
      </div>
      <button type="button" onClick={onStart} className={`mt-6 ${PRIMARY}`}>
        Start the class quiz
      </button>
    </section>
  );
}

function QuestionSlide({
  question: q,
  position,
  revealed,
  seconds,
  paused,
  onPause,
  onNext,
  onPrev,
  first,
  last,
  bank,
}: {
  bank: Bank;
  question: Question;
  position: string;
  revealed: boolean;
  seconds: number;
  paused: boolean;
  onPause: () => void;
  onNext: () => void;
  onPrev: () => void;
  first: boolean;
  last: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [left, setLeft] = useState(seconds);
  const counting = seconds > 0 && !revealed && !paused && left > 0;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    if (!counting) return;
    const id = window.setInterval(() => setLeft((s) => s - 1), 1000);
    return () => window.clearInterval(id);
  }, [counting]);

  // Time is up: show the answer.
  const timeUp = seconds > 0 && left <= 0;
  useEffect(() => {
    if (timeUp && !revealed) onNext();
  }, [timeUp, revealed, onNext]);

  const answer = bank.correctLabel(q);
  return (
    <section aria-labelledby="class-q" className="rounded-2xl border border-border p-6">
      <div className="flex flex-wrap items-center justify-between gap-3 text-lg font-medium text-fg-muted">
        <span>
          {position} · {bank.KIND_LABELS[q.kind]}
        </span>
        {seconds > 0 && !revealed && (
          <span className="flex items-center gap-3">
            <span
              role="timer"
              aria-label="Time left"
              className="font-mono text-3xl font-bold text-fg"
            >
              {formatSeconds(left)}
            </span>
            <button type="button" onClick={onPause} aria-pressed={paused} className={BUTTON}>
              {paused ? "Resume" : "Pause"} countdown
            </button>
          </span>
        )}
      </div>
      {q.code && <p className="mt-4 font-mono text-4xl font-semibold text-accent">{q.code}</p>}
      <h2
        id="class-q"
        ref={heading}
        tabIndex={-1}
        // Focus lands here for screen readers at each question; a ring would only distract the room.
        style={{ outline: "none" }}
        className="mt-3 text-3xl leading-tight font-bold text-balance sm:text-4xl"
      >
        {q.prompt}
      </h2>
      {q.format === "choice" ? (
        <ol aria-label="Choices" className="mt-6 grid gap-3 sm:grid-cols-2">
          {q.choices.map((c, i) => {
            const right = revealed && c.id === q.answer;
            return (
              <li
                key={c.id}
                className={`flex items-baseline gap-3 rounded-xl border-2 p-4 text-2xl ${
                  right
                    ? "border-ok bg-bg-soft font-bold"
                    : revealed
                      ? "border-border text-fg-muted"
                      : "border-border"
                }`}
              >
                <span className="font-mono font-bold" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                <span>
                  {c.label}
                  {right && <span className="ml-2 text-ok">✓ the answer</span>}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mt-6 text-2xl text-fg-muted">Answer with a port number (and TCP or UDP).</p>
      )}
      <div aria-live="polite" className="mt-6">
        {revealed && (
          <div
            className="rounded-xl border-l-8 border-ok bg-bg-soft p-5"
            data-testid="class-answer"
          >
            <p className="text-2xl font-bold">Answer: {answer}</p>
            <p className="mt-2 text-xl">{q.explanation}</p>
          </div>
        )}
        {timeUp && revealed && (
          <p className="mt-2 text-lg font-semibold text-fg-muted">Time is up.</p>
        )}
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={onPrev} disabled={first && !revealed} className={BUTTON}>
          <span aria-hidden="true">← </span>Back
        </button>
        <button type="button" onClick={onNext} className={PRIMARY}>
          {!revealed ? "Reveal answer" : last ? "Finish" : "Next question"}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </section>
  );
}
