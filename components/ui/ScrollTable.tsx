import type { ReactNode } from "react";

/**
 * A table that scrolls sideways, on its own, when the screen is narrower than it: the wrapper is
 * a named region that takes focus, so keyboard users can scroll it too.
 */
export function ScrollTable({
  label,
  caption,
  columns,
  className = "",
  children,
}: {
  /** The region's accessible name. */
  label: string;
  caption: ReactNode;
  columns: readonly string[];
  /** Extra classes for the table, such as a minimum width. */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto" data-scroll-x tabIndex={0} role="region" aria-label={label}>
      <table className={`w-full border-collapse text-left text-sm ${className}`}>
        <caption className="pb-2 text-left text-fg-muted">{caption}</caption>
        <thead>
          <tr className="border-b border-border">
            {columns.map((c) => (
              <th key={c} scope="col" className="py-1 pr-3 align-bottom last:pr-0">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
