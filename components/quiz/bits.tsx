"use client";

import { forwardRef, type ReactNode } from "react";

/** The panel a mode shows before it starts: what it is, and one big start button. */
export function StartPanel({
  title,
  children,
  onStart,
  startLabel,
  disabled,
}: {
  title: string;
  children: ReactNode;
  onStart: () => void;
  startLabel: string;
  disabled?: boolean;
}) {
  return (
    <section
      aria-labelledby="start-title"
      className="min-h-72 rounded-2xl border border-border bg-bg-soft p-4 sm:p-6"
    >
      <h2 id="start-title" className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-3 space-y-2 text-fg-muted">{children}</div>
      <button
        type="button"
        onClick={onStart}
        disabled={disabled}
        className={`mt-5 w-full disabled:opacity-60 sm:w-auto ${BUTTON.primary}`}
      >
        {startLabel}
      </button>
    </section>
  );
}

export function ScoreLine({ correct, total }: { correct: number; total: number }) {
  const pct = total ? Math.round((100 * correct) / total) : 0;
  return (
    <p className="mt-3 text-lg">
      You scored <strong className="text-2xl">{correct}</strong> of {total} ({pct}%).
    </p>
  );
}

/** A horizontal bar for a 0..1 value; the number beside it carries the meaning. */
export function Bar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="flex items-center gap-3">
      <div
        aria-hidden="true"
        className="h-3 flex-1 overflow-hidden rounded-full bg-bg-soft ring-1 ring-border"
      >
        <div
          className={`h-full rounded-full ${pct >= 80 ? "bg-ok" : pct >= 50 ? "bg-warn" : "bg-bad"}`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="w-24 shrink-0 text-right text-sm tabular-nums">
        {pct}% <span className="sr-only">{label}</span>
      </span>
    </div>
  );
}

/** Button looks shared by every mode: big enough for a thumb. */
export const BUTTON = {
  primary: "h-14 rounded-xl bg-accent px-6 text-lg font-semibold text-accent-fg",
  secondary: "h-12 rounded-xl border-2 border-border px-5 font-semibold hover:bg-bg-soft",
  small: "h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg",
} as const;

/** A question's code line (a port or a reply) and its prompt, which takes focus when shown. */
export const QuestionHead = forwardRef<
  HTMLHeadingElement,
  { id: string; code?: string; prompt: string }
>(function QuestionHead({ id, code, prompt }, ref) {
  return (
    <>
      {code && (
        <p className="mt-3 font-mono text-2xl font-semibold break-words text-accent sm:text-3xl">
          {code}
        </p>
      )}
      <h2
        id={id}
        ref={ref}
        tabIndex={-1}
        className="mt-3 text-xl font-semibold text-balance focus:outline-none sm:text-2xl"
      >
        {prompt}
      </h2>
    </>
  );
});
