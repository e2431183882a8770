import type { Question } from "@/lib/lessons/schema";
import { choiceName } from "./checkpointName";

/** Choice indices in authored order (the server's order, before any shuffle). */
export const authored = (q: Question) => q.choices.map((_, i) => i);

export interface CheckpointViewProps {
  lesson: string;
  questions: readonly Question[];
  picked?: Readonly<Record<string, number>>;
  /** Each question's choice order; authored order where absent. */
  orders?: Readonly<Record<string, readonly number[]>>;
  done?: boolean;
  /** Absent in the server-rendered page, which shows the questions before their code loads. */
  onPick?: (q: Question, choice: number) => void;
  onRetry?: (q: Question) => void;
}

/**
 * The checkpoint's markup, without state or hooks, so the server renders the same questions the
 * interactive Checkpoint shows (and the page carries none of its code until it is needed).
 */
export function CheckpointView({
  lesson,
  questions,
  picked = {},
  orders = {},
  done = false,
  onPick,
  onRetry,
}: CheckpointViewProps) {
  const right = questions.filter((q) => picked[q.id] === q.answer).length;
  return (
    <section aria-labelledby="checkpoint-heading" className="mt-8" data-checkpoint={lesson}>
      <h2 id="checkpoint-heading" className="text-2xl font-bold tracking-tight">
        Questions
      </h2>
      <p className="mt-2 text-fg-muted" role="status">
        {right} of {questions.length} right{done ? " · checkpoint complete ✓" : ""}
      </p>
      <ol className="mt-4 space-y-6">
        {questions.map((q, n) => {
          const choice = picked[q.id];
          const answered = choice !== undefined;
          const correct = choice === q.answer;
          const why = answered && !correct ? q.choices[choice]?.why : undefined;
          return (
            <li key={q.id} className="rounded-xl border border-border p-5" data-question={q.id}>
              <fieldset>
                <legend className="text-lg font-semibold">
                  {n + 1}. {q.prompt}
                </legend>
                <div className="mt-3 space-y-2">
                  {(orders[q.id] ?? authored(q)).map((i) => (
                    <label
                      key={i}
                      className="flex cursor-pointer items-start gap-3 rounded-lg border border-border px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-bg-soft"
                    >
                      <input
                        type="radio"
                        name={choiceName(lesson, q)}
                        value={i}
                        {...(onPick
                          ? { checked: choice === i, onChange: () => onPick(q, i) }
                          : { defaultChecked: choice === i })}
                        className="mt-1.5 size-4 accent-[var(--accent)]"
                      />
                      <span>{q.choices[i]!.text}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <div aria-live="polite" className="mt-3 min-h-6">
                {answered && (
                  <p>
                    <strong className={correct ? "text-ok" : "text-bad"}>
                      {correct ? "Right." : "Not quite."}
                    </strong>{" "}
                    {correct ? q.explain : why}
                  </p>
                )}
              </div>
              {answered && !correct && onRetry && (
                <button
                  type="button"
                  onClick={(e) => {
                    const first = e.currentTarget.closest("li")?.querySelector("input");
                    onRetry(q);
                    first?.focus();
                  }}
                  className="mt-2 rounded-lg border border-border bg-bg px-3 py-2 text-sm font-semibold hover:border-accent"
                >
                  Try again (choices reshuffled)
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
