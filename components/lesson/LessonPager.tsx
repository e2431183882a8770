import Link from "@/components/ui/Link";
import type { LessonSummary } from "@/lib/lessons/schema";

/** Previous / next lesson links at the foot of a lesson. */
export function LessonPager({ prev, next }: { prev?: LessonSummary; next?: LessonSummary }) {
  return (
    <nav
      aria-label="Lessons"
      className="mt-12 grid gap-3 border-t border-border pt-6 sm:grid-cols-2"
    >
      {prev ? (
        <Link
          href={`/lessons/${prev.slug}`}
          rel="prev"
          className="rounded-xl border border-border p-4 hover:border-accent"
        >
          <span className="block text-sm text-fg-muted">← Previous</span>
          <span className="font-semibold">{prev.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={`/lessons/${next.slug}`}
          rel="next"
          className="rounded-xl border border-border p-4 text-right hover:border-accent"
        >
          <span className="block text-sm text-fg-muted">Next →</span>
          <span className="font-semibold">{next.title}</span>
        </Link>
      ) : (
        <Link
          href="/lessons"
          className="rounded-xl border border-border p-4 text-right hover:border-accent"
        >
          <span className="block text-sm text-fg-muted">Finished</span>
          <span className="font-semibold">Back to all lessons</span>
        </Link>
      )}
    </nav>
  );
}
