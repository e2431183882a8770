"use client";

import { forwardRef } from "react";

/** The typed-answer field: a numeric keypad on phones; "25", "tcp/25" or "25/tcp" all work. */
export const PortInput = forwardRef<
  HTMLInputElement,
  {
    id: string;
    value: string;
    onChange: (v: string) => void;
    readOnly?: boolean;
    invalid?: string | null;
    describedBy?: string;
  }
>(function PortInput({ id, value, onChange, readOnly, invalid, describedBy }, ref) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        Port number
      </label>
      <input
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        readOnly={readOnly}
        inputMode="numeric"
        enterKeyHint="done"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={
          [describedBy, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
        }
        placeholder="e.g. 25 or 25/tcp"
        className="mt-2 block h-14 w-full max-w-xs rounded-xl border-2 border-border bg-bg px-4 font-mono text-2xl placeholder:text-base placeholder:text-fg-muted focus:border-accent"
      />
      <p id={`${id}-error`} role="alert" className="mt-2 min-h-6 text-bad">
        {invalid}
      </p>
    </div>
  );
});
