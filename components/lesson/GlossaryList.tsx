import type { GlossaryEntry } from "@/lib/lessons/glossary";

/** The glossary as a definition list, sorted by term; each entry is an anchor target. */
export function GlossaryList({ entries }: { entries: readonly GlossaryEntry[] }) {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term));
  return (
    <dl className="mt-8 divide-y divide-border border-y border-border">
      {sorted.map((e) => (
        <div key={e.id} id={e.id} className="scroll-mt-6 py-5 target:bg-bg-soft">
          <dt className="text-lg font-semibold">{e.term}</dt>
          <dd className="mt-1 text-fg-muted">{e.short}</dd>
        </div>
      ))}
    </dl>
  );
}
