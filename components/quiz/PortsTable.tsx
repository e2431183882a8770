"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

export interface PortRow {
  id: string;
  protocol: string;
  name: string;
  ports: { number: number; transports: string[]; label: string; iana: string }[];
  topic: string;
  purpose: string;
  secure: string[];
  confusions: string[];
  core: boolean;
}

type SortKey = "port" | "protocol" | "transport" | "topic";

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "port", label: "Port" },
  { key: "protocol", label: "Protocol" },
  { key: "transport", label: "TCP/UDP" },
  { key: "topic", label: "Topic" },
];

function sortValue(r: PortRow, key: SortKey): string | number {
  switch (key) {
    case "port":
      return r.ports[0]?.number ?? 0;
    case "protocol":
      return r.protocol.toLowerCase();
    case "transport":
      return [...new Set(r.ports.flatMap((p) => p.transports))].join("+");
    case "topic":
      return r.topic;
  }
}

/** Normalises text for search: lower case, no punctuation, so "pop 3" finds POP3 and "tcp/25" finds 25. */
function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The searchable, sortable port reference; every row links to a drill of that protocol. */
export function PortsTable({ rows }: { rows: PortRow[] }) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "port", dir: 1 });

  const shown = useMemo(() => {
    const terms = norm(query)
      .split(" ")
      .filter(Boolean)
      .filter((t) => t !== "tcp" && t !== "udp" && t !== "port");
    const wantT = norm(query)
      .split(" ")
      .filter((t) => t === "tcp" || t === "udp");
    const hay = (r: PortRow) =>
      norm(
        [
          r.protocol,
          r.name,
          r.topic,
          r.purpose,
          ...r.ports.map((p) => `${p.number} ${p.label} ${p.iana}`),
        ].join(" "),
      );
    return rows
      .filter((r) => {
        const h = ` ${hay(r)} `;
        const transports = r.ports.flatMap((p) => p.transports);
        return (
          terms.every((t) =>
            /^\d+$/.test(t) ? r.ports.some((p) => String(p.number) === t) : h.includes(t),
          ) && wantT.every((t) => transports.includes(t))
        );
      })
      .sort((a, b) => {
        const x = sortValue(a, sort.key);
        const y = sortValue(b, sort.key);
        return (
          (x < y ? -1 : x > y ? 1 : (a.ports[0]?.number ?? 0) - (b.ports[0]?.number ?? 0)) *
          sort.dir
        );
      });
  }, [rows, query, sort]);

  return (
    <div>
      <div className="flex flex-wrap items-end gap-4">
        <label className="block grow">
          <span className="block font-semibold">Search ports</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="25, ldap, mail, udp…"
            className="mt-2 h-12 w-full max-w-md rounded-xl border-2 border-border bg-bg px-4 text-lg placeholder:text-fg-muted focus:border-accent"
          />
        </label>
        <p role="status" className="pb-3 text-fg-muted">
          {shown.length} of {rows.length} protocols
        </p>
      </div>
      <div data-scroll-x className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Port reference, sorted by {sort.key}</caption>
          <thead>
            <tr className="border-b-2 border-border">
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : undefined
                  }
                  className="py-1 pr-3"
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort((s) => ({
                        key: c.key,
                        dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : 1,
                      }))
                    }
                    className="flex min-h-11 items-center gap-1 font-semibold"
                  >
                    {c.label}
                    <span aria-hidden="true" className="text-fg-muted">
                      {sort.key === c.key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col" className="py-1 pr-3 font-semibold">
                What it is for
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className="border-b border-border align-top">
                <td className="py-3 pr-3 font-mono text-lg font-semibold whitespace-nowrap">
                  {r.ports.map((p) => p.number).join(", ")}
                </td>
                <th scope="row" className="py-3 pr-3 text-left">
                  <Link
                    href={`/quiz?mode=drill&port=${r.id}`}
                    prefetch={false}
                    aria-label={`${r.protocol}: drill this port`}
                    className="font-semibold text-accent underline underline-offset-2"
                  >
                    {r.protocol}
                  </Link>
                  {!r.core && <span className="ml-2 text-xs font-normal text-fg-muted">extra</span>}
                  <div className="text-sm font-normal text-fg-muted">{r.name}</div>
                </th>
                <td className="py-3 pr-3 font-mono whitespace-nowrap uppercase">
                  {r.ports.map((p) => (
                    <div key={p.number}>{p.transports.join("+")}</div>
                  ))}
                </td>
                <td className="py-3 pr-3 text-sm whitespace-nowrap">{r.topic}</td>
                <td className="min-w-64 py-3 pr-3 text-sm">
                  <p>{r.purpose}</p>
                  {r.secure.length > 0 && <p className="mt-1">Secure: {r.secure.join(", ")}</p>}
                  {r.confusions[0] && <p className="mt-1 text-fg-muted">{r.confusions[0]}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && (
        <p className="mt-4">
          No protocol matches “{query}”. Try a number such as 25, or a word such as mail.
        </p>
      )}
    </div>
  );
}
