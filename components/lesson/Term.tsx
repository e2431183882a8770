import type { GlossaryEntry } from "@/lib/lessons/glossary";

/**
 * A glossary term inline in lesson prose. The explanation opens in an HTML popover: a native
 * button toggles it, so it works by keyboard (Enter/Space, Escape to close), by touch and mouse,
 * and without any JavaScript; the browser manages focus and the expanded state.
 */
export function Term({
  entry,
  uid,
  children,
}: {
  entry: GlossaryEntry;
  uid: string;
  children: React.ReactNode;
}) {
  const popId = `term-${uid}`;
  return (
    <>
      <button
        type="button"
        popoverTarget={popId}
        className="cursor-help rounded-sm font-semibold text-fg underline decoration-accent decoration-dotted decoration-2 underline-offset-4 hover:decoration-solid"
      >
        {children}
      </button>
      <span
        id={popId}
        popover="auto"
        role="note"
        aria-label={entry.term}
        className="inset-x-4 top-auto bottom-4 mx-auto my-0 max-w-md rounded-xl border-2 border-border bg-bg p-4 text-base text-fg shadow-xl"
      >
        <span className="block font-semibold">{entry.term}</span>
        <span className="mt-1 block text-fg-muted">{entry.short}</span>
        <a
          href={`/glossary#${entry.id}`}
          className="mt-2 inline-block font-medium text-accent underline"
        >
          All terms in the glossary
        </a>
      </span>
    </>
  );
}
