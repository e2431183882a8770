import type { ReactNode } from "react";

interface Props {
  id: string;
  title: string;
  /** Heading level: 2 on /lab, 3 when a lesson embeds the lab under its own h2. */
  level?: 2 | 3;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A titled lab panel (terminal, network, mailboxes, transcript). */
export function Panel({ id, title, level = 2, actions, children, className = "" }: Props) {
  const H = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={id}
      className={`min-w-0 rounded-xl border border-border bg-bg p-3 sm:p-4 ${className}`}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <H id={id} className="text-lg font-semibold tracking-tight">
          {title}
        </H>
        {actions}
      </div>
      {children}
    </section>
  );
}
