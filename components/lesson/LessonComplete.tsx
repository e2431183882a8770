"use client";

import Link from "@/components/ui/Link";
import { useEffect, useRef, useState } from "react";
import type { LessonSummary } from "@/lib/lessons/schema";

/**
 * The lesson-complete moment: when the last task turns done while the learner works in the lab, a
 * card appears at the foot of the viewport (in view whatever the layout) with the next lesson one
 * click away. Focus moves to its heading so keyboard and screen reader users land on it (closing it,
 * by button or Escape, puts focus back), except while the learner is typing in the terminal or a
 * text field: their next keys (QUIT) must still reach it, so there the card is only announced.
 * It slides in unless reduced motion is asked for.
 */
export function LessonComplete({
  complete,
  live,
  next,
}: {
  /** Every task is done now. */
  complete: boolean;
  /** The lab is running and reporting checks (so "complete" happened in this visit). */
  live: boolean;
  next?: Pick<LessonSummary, "slug" | "title">;
}) {
  const [seenIncomplete, setSeenIncomplete] = useState(false);
  const [open, setOpen] = useState(false);
  if (live && !complete && !seenIncomplete) setSeenIncomplete(true);
  if (live && complete && seenIncomplete) {
    setSeenIncomplete(false);
    setOpen(true);
  }
  const heading = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    const typing =
      active instanceof HTMLElement &&
      (active.closest(".xterm") !== null || /^(INPUT|TEXTAREA)$/.test(active.tagName));
    if (typing) return;
    returnTo.current = active;
    heading.current?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    const back = returnTo.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }

  // The live region is always there, so the text that appears in it is announced.
  const announcement = (
    <p role="status" className="sr-only">
      {open ? "Lesson complete: every task is done." : ""}
    </p>
  );
  if (!open) return announcement;
  return (
    <>
      {announcement}
      <section
        aria-labelledby="lesson-complete-heading"
        data-lesson-complete
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
        }}
        className="fixed inset-x-3 bottom-3 z-40 rounded-xl border-2 border-ok bg-bg p-4 shadow-xl transition-[opacity,translate] duration-300 starting:translate-y-4 starting:opacity-0 motion-reduce:transition-none sm:inset-x-auto sm:right-6 sm:bottom-6 sm:w-[26rem]"
      >
        <h2
          id="lesson-complete-heading"
          ref={heading}
          tabIndex={-1}
          className="text-lg font-bold text-ok"
        >
          <span aria-hidden="true">✓ </span>Lesson complete
        </h2>
        <p className="mt-1 text-sm">Every task is done. Your progress is saved on this device.</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {next ? (
            <Link
              href={`/lessons/${next.slug}`}
              className="rounded-lg bg-accent px-3 py-2 text-sm font-semibold text-accent-fg"
            >
              Next lesson: {next.title} →
            </Link>
          ) : (
            <Link
              href="/lessons"
              className="rounded-lg bg-accent px-3 py-2 text-sm font-semibold text-accent-fg"
            >
              Back to all lessons →
            </Link>
          )}
          <button
            type="button"
            onClick={close}
            className="rounded-lg border border-border bg-bg px-3 py-2 text-sm font-semibold hover:border-accent"
          >
            Keep exploring the lab
          </button>
        </div>
      </section>
    </>
  );
}
