"use client";

import Link from "@/components/ui/Link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { checkAnswer, KIND_LABELS, type Question, type Verdict } from "@/lib/quiz";
import { ChoiceList, type ChoiceState } from "./ChoiceList";
import { PortInput } from "./PortInput";
import { BUTTON, QuestionHead } from "./bits";

export interface AnswerResult {
  correct: boolean;
  elapsedMs: number;
}

/**
 * One practice question with feedback: answer, see why, go on. Focus moves to the question
 * when it appears and to "Next" once answered, so Enter always does the obvious thing.
 * Mount it with `key={question.id}` so each question starts fresh.
 */
export function QuestionCard({
  question,
  position,
  onAnswered,
  onNext,
  nextLabel = "Next question",
  afterAnswer,
}: {
  question: Question;
  position?: string;
  onAnswered: (r: AnswerResult) => void;
  onNext: () => void;
  nextLabel?: string;
  /** Shown once answered, above "Next" (the drill's self-rating). */
  afterAnswer?: ReactNode;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Extract<Verdict, { status: "answered" }> | null>(null);
  const shownAt = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const uid = `q-${question.id.replace(/[^a-z0-9]/gi, "-")}`;

  useEffect(() => {
    shownAt.current = performance.now();
    if (question.format === "typed") inputRef.current?.focus();
    else headingRef.current?.focus();
  }, [question]);

  useEffect(() => {
    if (verdict) nextRef.current?.focus();
  }, [verdict]);

  function submit(response: { choice: string } | { typed: string }) {
    if (verdict) return;
    const v = checkAnswer(question, response);
    if (v.status === "invalid") {
      setInvalid(v.message);
      return;
    }
    setInvalid(null);
    setVerdict(v);
    onAnswered({ correct: v.correct, elapsedMs: performance.now() - shownAt.current });
  }

  const stateOf = (id: string): ChoiceState => {
    if (question.format !== "choice") return "idle";
    if (!verdict) return id === selected ? "selected" : "idle";
    if (id === question.answer) return "right";
    if (id === selected) return "wrong";
    return "dim";
  };

  return (
    <section
      aria-labelledby={`${uid}-prompt`}
      className="rounded-2xl border border-border bg-bg p-4 sm:p-6"
    >
      <p className="flex flex-wrap justify-between gap-2 text-sm font-medium text-fg-muted">
        <span>{KIND_LABELS[question.kind]}</span>
        {position && <span>{position}</span>}
      </p>
      <QuestionHead
        id={`${uid}-prompt`}
        ref={headingRef}
        code={question.code}
        prompt={question.prompt}
      />

      <div className="mt-5">
        {question.format === "choice" ? (
          <ChoiceList
            label="Choices"
            choices={question.choices}
            stateOf={stateOf}
            disabled={verdict !== null}
            onPick={setSelected}
            onConfirm={(id) => {
              setSelected(id);
              submit({ choice: id });
            }}
          />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit({ typed });
            }}
            className="flex flex-wrap items-start gap-3"
          >
            <div className="grow">
              <PortInput
                ref={inputRef}
                id={`${uid}-input`}
                value={typed}
                onChange={setTyped}
                readOnly={verdict !== null}
                invalid={invalid}
              />
            </div>
            {!verdict && (
              <button type="submit" className={`mt-8 ${BUTTON.primary}`}>
                Check
              </button>
            )}
          </form>
        )}
        {question.format === "choice" && invalid && (
          <p role="alert" className="mt-2 text-bad">
            {invalid}
          </p>
        )}
      </div>

      <div aria-live="polite" className="mt-5">
        {verdict && (
          <div
            className={`rounded-xl border-l-4 bg-bg-soft p-4 ${verdict.correct ? "border-ok" : "border-bad"}`}
          >
            <p
              data-verdict
              className={`text-lg font-bold ${verdict.correct ? "text-ok" : "text-bad"}`}
            >
              {verdict.note}
            </p>
            <p className="mt-2">{question.explanation}</p>
            {question.learn && (
              <p className="mt-2">
                <Link
                  href={question.learn.href}
                  prefetch={false}
                  className="font-medium text-accent underline underline-offset-2"
                >
                  {question.learn.label}
                </Link>
              </p>
            )}
          </div>
        )}
      </div>

      {verdict && afterAnswer}
      {verdict && (
        <button
          ref={nextRef}
          type="button"
          onClick={onNext}
          className={`mt-5 w-full sm:w-auto ${BUTTON.primary}`}
        >
          {nextLabel} <span aria-hidden="true">(Enter)</span>
        </button>
      )}
    </section>
  );
}
