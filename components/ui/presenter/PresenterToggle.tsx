"use client";

import { usePresenter } from "./presenter-store";

/** The header switch for presenter mode (also `?present=1`). */
export function PresenterToggle() {
  const on = usePresenter((s) => s.on);
  const setOn = usePresenter((s) => s.setOn);
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => setOn(!on)}
      className="rounded-full border border-border px-3 py-1 text-sm font-medium text-fg-muted hover:bg-bg-soft aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
    >
      <span aria-hidden="true">▣ </span>Present
    </button>
  );
}
