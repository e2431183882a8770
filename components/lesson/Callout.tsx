/** A boxed aside in lesson prose ("For the exam" summaries). */
export function Callout({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <aside
      aria-label={title}
      className="my-6 rounded-xl border-l-4 border-accent bg-bg-soft px-5 py-4 [&>p]:my-1"
    >
      <p className="font-semibold text-fg">{title}</p>
      {children}
    </aside>
  );
}
