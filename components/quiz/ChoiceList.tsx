"use client";

import { useEffect, useRef } from "react";
import type { Choice } from "@/lib/quiz";

export type ChoiceState = "idle" | "selected" | "right" | "wrong" | "dim";

/**
 * Big numbered answer buttons. Number keys 1-9 pick (and focus) a choice, so Enter then
 * confirms it; a tap or click picks and confirms at once. Keys are ignored while a text
 * field has focus or a modifier is held.
 */
export function ChoiceList({
  choices,
  stateOf,
  onPick,
  onConfirm,
  disabled,
  label,
}: {
  choices: readonly Choice[];
  stateOf: (id: string) => ChoiceState;
  onPick?: (id: string) => void;
  onConfirm: (id: string) => void;
  disabled: boolean;
  label: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (disabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // A list in a hidden tab panel (another mode is showing) ignores the keys.
      if (!listRef.current || listRef.current.closest("[hidden]")) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1 || n > choices.length) return;
      e.preventDefault();
      const choice = choices[n - 1];
      if (!choice) return;
      refs.current[n - 1]?.focus();
      onPick?.(choice.id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [choices, disabled, onPick]);

  return (
    <ul ref={listRef} role="list" aria-label={label} className="grid gap-3">
      {choices.map((c, i) => {
        const state = stateOf(c.id);
        return (
          <li key={c.id}>
            <button
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              aria-pressed={state === "selected" || state === "right" || state === "wrong"}
              aria-disabled={disabled || undefined}
              onClick={() => {
                if (!disabled) onConfirm(c.id);
              }}
              className={`flex min-h-14 w-full items-center gap-4 rounded-xl border-2 px-4 py-3 text-left text-lg font-medium transition-colors ${STYLES[state]}`}
            >
              <kbd
                aria-hidden="true"
                className="grid size-8 shrink-0 place-items-center rounded-md border border-current font-mono text-base"
              >
                {i + 1}
              </kbd>
              <span className="flex-1">{c.label}</span>
              {state === "right" && <span className="font-semibold">Correct</span>}
              {state === "wrong" && <span className="font-semibold">Your answer</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const STYLES: Record<ChoiceState, string> = {
  idle: "border-border bg-bg hover:border-accent hover:bg-bg-soft",
  selected: "border-accent bg-bg-soft",
  right: "border-ok bg-bg-soft text-ok",
  wrong: "border-bad bg-bg-soft text-bad",
  dim: "border-border bg-bg text-fg-muted",
};
