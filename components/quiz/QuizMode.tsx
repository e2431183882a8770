"use client";

import { useRef, useState } from "react";
import { buildQuestions, cardName, getCard, QUIZ_LENGTH, type Question } from "@/lib/quiz";
import { QuestionCard } from "./QuestionCard";
import { useAnswerRecorder } from "./useAnswerRecorder";
import { BUTTON, StartPanel, ScoreLine } from "./bits";

/** Ten questions with feedback after each, then a score and the misses. */
export function QuizMode({
  focus,
  onClearFocus,
}: {
  focus: readonly string[];
  onClearFocus: () => void;
}) {
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<boolean[]>([]);
  const record = useAnswerRecorder("quiz");
  const doneRef = useRef<HTMLHeadingElement>(null);

  function start() {
    setQuestions(buildQuestions(Date.now() >>> 0, QUIZ_LENGTH, { focus }));
    setIndex(0);
    setResults([]);
  }

  if (!questions) {
    return (
      <StartPanel
        title={focus.length ? "Review your weakest ports" : "A 10-question quiz"}
        onStart={start}
        startLabel="Start the quiz"
      >
        {focus.length ? (
          <>
            <p>
              Questions on:{" "}
              {focus
                .map((id) => {
                  const c = getCard(id);
                  return c ? cardName(c) : id;
                })
                .join(", ")}
              .
            </p>
            <button
              type="button"
              onClick={onClearFocus}
              className="mt-2 font-medium text-accent underline underline-offset-2"
            >
              Quiz on everything instead
            </button>
          </>
        ) : (
          <p>
            Ports, TCP or UDP, secure counterparts, situations and SMTP replies, each explained as
            you answer.
          </p>
        )}
      </StartPanel>
    );
  }

  if (index >= questions.length) {
    const correct = results.filter(Boolean).length;
    const missed = questions.filter((_, i) => !results[i]);
    return (
      <section aria-labelledby="quiz-done" className="rounded-2xl border border-border p-4 sm:p-6">
        <h2
          id="quiz-done"
          ref={doneRef}
          tabIndex={-1}
          className="text-2xl font-bold focus:outline-none"
        >
          Quiz complete
        </h2>
        <ScoreLine correct={correct} total={questions.length} />
        {missed.length > 0 && (
          <>
            <h3 className="mt-5 text-lg font-semibold">To review</h3>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              {missed.map((q) => (
                <li key={q.id}>
                  {q.prompt}{" "}
                  <span className="font-semibold">
                    {q.format === "typed"
                      ? q.answer.port
                      : q.choices.find((c) => c.id === q.answer)?.label}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="button" autoFocus onClick={start} className={`mt-6 ${BUTTON.primary}`}>
          Another quiz
        </button>
      </section>
    );
  }

  const q = questions[index] as Question;
  return (
    <QuestionCard
      key={`${index}-${q.id}`}
      question={q}
      position={`Question ${index + 1} of ${questions.length}`}
      nextLabel={index + 1 === questions.length ? "See your score" : "Next question"}
      onAnswered={({ correct, elapsedMs }) => {
        setResults((r) => [...r, correct]);
        record(q, correct, elapsedMs);
      }}
      onNext={() => setIndex((i) => i + 1)}
    />
  );
}
