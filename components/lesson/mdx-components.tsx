/**
 * The one map from MDX elements to styled components, used for every lesson.
 * Markdown elements get the site's type scale; <Term> and <Callout> are the custom tags lessons use.
 */
import type { ComponentProps } from "react";
import Link from "@/components/ui/Link";
import type { GlossaryEntry } from "@/lib/lessons/glossary";
import { Callout } from "./Callout";
import { Term } from "./Term";

type P<T extends keyof React.JSX.IntrinsicElements> = ComponentProps<T>;

/** Builds the map for one lesson; `glossary` resolves <Term id>, `prefix` keeps popover ids unique. */
export function lessonMdxComponents(glossary: readonly GlossaryEntry[], prefix: string) {
  let n = 0;
  let tables = 0;
  return {
    h2: (p: P<"h2">) => (
      <h2 className="mt-10 mb-3 text-2xl font-bold tracking-tight text-balance" {...p} />
    ),
    h3: (p: P<"h3">) => <h3 className="mt-8 mb-2 text-xl font-semibold" {...p} />,
    p: (p: P<"p">) => <p className="my-4 leading-7" {...p} />,
    ul: (p: P<"ul">) => <ul className="my-4 list-disc space-y-2 pl-6 leading-7" {...p} />,
    ol: (p: P<"ol">) => <ol className="my-4 list-decimal space-y-2 pl-6 leading-7" {...p} />,
    a: ({ href = "", ...p }: P<"a">) =>
      href.startsWith("/") ? (
        <Link href={href} className="font-medium text-accent underline" {...p} />
      ) : (
        <a href={href} className="font-medium text-accent underline" {...p} />
      ),
    strong: (p: P<"strong">) => <strong className="font-semibold text-fg" {...p} />,
    code: (p: P<"code">) => (
      <code className="rounded bg-bg-soft px-1.5 py-0.5 font-mono text-[0.9em] text-fg" {...p} />
    ),
    pre: (p: P<"pre">) => (
      <pre
        tabIndex={0}
        className="my-5 overflow-x-auto rounded-xl border border-border bg-bg-soft p-4 font-mono text-sm leading-6 [&_code]:bg-transparent [&_code]:p-0"
        {...p}
      />
    ),
    table: (p: P<"table">) => {
      tables += 1;
      return (
        <div
          tabIndex={0}
          role="region"
          aria-label={`Table ${tables}`}
          data-scroll-x
          className="my-5 overflow-x-auto"
        >
          <table className="w-full border-collapse text-left text-sm sm:text-base" {...p} />
        </div>
      );
    },
    th: (p: P<"th">) => <th className="border-b-2 border-border px-3 py-2 font-semibold" {...p} />,
    td: (p: P<"td">) => <td className="border-b border-border px-3 py-2 align-top" {...p} />,
    Callout,
    Term: ({ id, children }: { id: string; children: React.ReactNode }) => {
      const entry = glossary.find((g) => g.id === id);
      if (!entry) return <>{children}</>; // The loader refuses unknown ids at build time.
      n += 1;
      return (
        <Term entry={entry} uid={`${prefix}-${id}-${n}`}>
          {children}
        </Term>
      );
    },
  };
}
