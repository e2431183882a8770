import type { ReactNode } from "react";
import { ScrollTable } from "@/components/ui/ScrollTable";

/** One column of the route table after the hop number. */
export interface HopColumn<H> {
  heading: string;
  cell: (h: H) => ReactNode;
  /** Classes for the cell beyond the padding (a font, wrapping, a warning colour). */
  className?: string | ((h: H) => string);
}

/** What a hop's card shows on a phone: a title line, then terms and their values. */
export interface HopCard {
  title: ReactNode;
  fields: ReadonlyArray<{ term: string; value: ReactNode; mono?: boolean }>;
}

/**
 * A message's route, first hop first: one card per hop on phones, a table from small screens up.
 * The header analyser and the lab's message view both show their hops through it; each says
 * which columns and card fields its own kind of hop has.
 */
export function HopRoute<H>({
  hops,
  number,
  columns,
  card,
  caption,
  tableClassName,
}: {
  hops: readonly H[];
  /** The hop's number, first hop 1: its key, card title and row header. */
  number: (h: H) => number;
  columns: ReadonlyArray<HopColumn<H>>;
  card: (h: H) => HopCard;
  caption: ReactNode;
  tableClassName?: string;
}) {
  return (
    <>
      <ol className="space-y-2 sm:hidden" aria-label="Hops, first hop first">
        {hops.map((h) => {
          const c = card(h);
          return (
            <li key={number(h)} className="rounded-md border border-border p-3 text-sm">
              <p className="font-semibold">{c.title}</p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 [overflow-wrap:anywhere]">
                {c.fields.map((f) => (
                  <Field key={f.term} {...f} />
                ))}
              </dl>
            </li>
          );
        })}
      </ol>
      <div className="hidden sm:block">
        <ScrollTable
          label="Hop table"
          caption={caption}
          columns={["Hop", ...columns.map((c) => c.heading)]}
          className={tableClassName}
        >
          {hops.map((h) => (
            <tr key={number(h)} className="border-b border-border align-top">
              <th scope="row" className="py-1.5 pr-3">
                {number(h)}
              </th>
              {columns.map((c) => (
                <td
                  key={c.heading}
                  className={`py-1.5 pr-3 last:pr-0 ${typeof c.className === "function" ? c.className(h) : (c.className ?? "")}`}
                >
                  {c.cell(h)}
                </td>
              ))}
            </tr>
          ))}
        </ScrollTable>
      </div>
    </>
  );
}

function Field({ term, value, mono }: { term: string; value: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt className="text-fg-muted">{term}</dt>
      <dd className={mono ? "font-mono" : undefined}>{value}</dd>
    </>
  );
}
