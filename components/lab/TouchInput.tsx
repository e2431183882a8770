"use client";

import { useState } from "react";

interface Props {
  /** Runs a whole line, as if typed and followed by Enter. */
  onLine: (line: string) => void;
  /** Sends raw keys (Tab, Ctrl+C, arrows). */
  onKeys: (data: string) => void;
  /** Quick commands offered as buttons. */
  suggestions: readonly string[];
}

const KEYS: readonly { label: string; name: string; data: string }[] = [
  { label: "Tab", name: "Tab (complete the command)", data: "\t" },
  { label: "↑", name: "↑ (previous command)", data: "\x1b[A" },
  { label: "↓", name: "↓ (next command)", data: "\x1b[B" },
  { label: "Ctrl+C", name: "Ctrl+C (interrupt)", data: "\x03" },
];

/**
 * A plain input line and command buttons for touch screens, where xterm's own input is unreliable.
 * Everything goes through the same shell as the keyboard.
 */
export function TouchInput({ onLine, onKeys, suggestions }: Props) {
  const [value, setValue] = useState("");
  return (
    <div className="mt-2 space-y-2">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onLine(value);
          setValue("");
        }}
      >
        <label htmlFor="lab-line" className="sr-only">
          Command line
        </label>
        <input
          id="lab-line"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="send"
          placeholder="Type a command or SMTP line"
          className="min-w-0 flex-1 rounded-md border border-border bg-bg px-3 py-2 font-mono text-base text-fg placeholder:text-fg-muted"
        />
        <button
          type="submit"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg"
        >
          Run
        </button>
      </form>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Keys and common commands">
        {KEYS.map((k) => (
          <button
            key={k.label}
            type="button"
            aria-label={k.name}
            onClick={() => onKeys(k.data)}
            className="rounded-md border border-border px-3 py-1.5 font-mono text-sm hover:bg-bg-soft"
          >
            {k.label}
          </button>
        ))}
        {suggestions.map((s) => (
          <button
            key={s}
            type="button"
            onClick={() => onLine(s)}
            className="rounded-md border border-border px-3 py-1.5 font-mono text-sm hover:bg-bg-soft"
          >
            {s}
          </button>
        ))}
      </div>
    </div>
  );
}
