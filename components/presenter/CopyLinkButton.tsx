"use client";

import { useEffect, useId, useState } from "react";

/** Copies a link to this page with `query`; if the clipboard refuses, shows the link to copy. */
export function CopyLinkButton({ query, className }: { query: string; className?: string }) {
  const [result, setResult] = useState<{ query: string; copied: boolean } | null>(null);
  const id = useId();
  const url = () => new URL(`${window.location.pathname}?${query}`, window.location.href).href;
  const shown = result?.query === query ? result : null;

  useEffect(() => {
    if (!shown?.copied) return;
    const t = window.setTimeout(() => setResult(null), 4000);
    return () => window.clearTimeout(t);
  }, [shown]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url());
      setResult({ query, copied: true });
    } catch {
      setResult({ query, copied: false });
    }
  }

  return (
    <>
      <button type="button" onClick={() => void copy()} className={className}>
        Copy link to this moment
      </button>
      <span role="status" className="text-fg-muted">
        {shown?.copied && "Link copied."}
      </span>
      {shown && !shown.copied && (
        <span className="flex basis-full flex-col gap-1">
          <label htmlFor={id} className="font-medium">
            The clipboard is not available here; copy this link:
          </label>
          <input
            id={id}
            readOnly
            value={url()}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-lg border border-border bg-bg px-3 py-2 font-mono text-sm"
          />
        </span>
      )}
    </>
  );
}
