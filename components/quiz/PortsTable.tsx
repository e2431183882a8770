"use client";

import Link from "@/components/ui/Link";
import { useEffect, useMemo, useRef, useState } from "react";
import type FuseType from "fuse.js";

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
  /** Extra words people search with ("email", "active directory"). */
  keywords: string[];
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

/** The exact search: numbers match a port, words match a substring of the row's text. */
function exactMatches(rows: PortRow[], words: string[]): Set<string> {
  const hay = (r: PortRow) =>
    ` ${norm(
      [
        r.protocol,
        r.name,
        r.topic,
        r.purpose,
        ...r.keywords,
        ...r.ports.map((p) => `${p.label} ${p.iana}`),
      ].join(" "),
    )} `;
  return new Set(
    rows
      .filter((r) => {
        const h = hay(r);
        return words.every((t) =>
          /^\d+$/.test(t) ? r.ports.some((p) => String(p.number) === t) : h.includes(t),
        );
      })
      .map((r) => r.id),
  );
}

type Fuse = FuseType<PortRow>;

/**
 * Fuse.js (typo-tolerant search) loads on the first keystroke, so the page's first load does
 * not carry it; until then the exact search answers alone.
 */
function useFuse(rows: PortRow[], wanted: boolean): Fuse | null {
  const [fuse, setFuse] = useState<Fuse | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!wanted || started.current) return;
    started.current = true;
    void import("fuse.js").then(({ default: Fuse }) =>
      setFuse(
        new Fuse(rows, {
          keys: [
            { name: "protocol", weight: 3 },
            { name: "name", weight: 2 },
            { name: "keywords", weight: 2 },
            { name: "topic", weight: 1 },
            { name: "ports.label", weight: 1 },
            { name: "ports.iana", weight: 1 },
          ],
          threshold: 0.25,
          ignoreLocation: true,
          ignoreDiacritics: true,
        }),
      ),
    );
  }, [rows, wanted]);
  return fuse;
}

/**
 * The searchable, sortable port reference: a table on wide screens, one card per protocol
 * below 640 px (every column shown). Search forgives typos; "Drill these" drills the result.
 */
export function PortsTable({ rows }: { rows: PortRow[] }) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "port", dir: 1 });
  const fuse = useFuse(rows, query.trim() !== "");
  const search = useRef<HTMLInputElement>(null);
  // The box is in the server HTML, so a learner can type before the script hydrates it; React
  // keeps what they typed on screen but never saw it change, so take it up once.
  useEffect(() => {
    const typed = search.current?.value ?? "";
    if (typed !== "") setQuery(typed);
  }, []);

  const shown = useMemo(() => {
    const all = norm(query).split(" ").filter(Boolean);
    const wantT = all.filter((t) => t === "tcp" || t === "udp");
    const words = all.filter((t) => t !== "tcp" && t !== "udp" && t !== "port" && t !== "ports");
    const exact = exactMatches(rows, words);
    // Typo-tolerant matches for the words (numbers are always exact), after the exact ones.
    const text = words.filter((t) => !/^\d+$/.test(t)).join(" ");
    const fuzzy =
      fuse && text && words.every((t) => !/^\d+$/.test(t))
        ? fuse.search(text).map((r) => r.item.id)
        : [];
    const ids = new Set([...exact, ...fuzzy]);
    return rows
      .filter((r) => ids.has(r.id))
      .filter((r) => wantT.every((t) => r.ports.some((p) => p.transports.includes(t))))
      .sort((a, b) => {
        const x = sortValue(a, sort.key);
        const y = sortValue(b, sort.key);
        return (
          (x < y ? -1 : x > y ? 1 : (a.ports[0]?.number ?? 0) - (b.ports[0]?.number ?? 0)) *
          sort.dir
        );
      });
  }, [rows, query, sort, fuse]);

  const drillHref = `/quiz?mode=drill&entries=${shown.map((r) => r.id).join(",")}`;

  return (
    <div>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <label className="block grow">
          <span className="block font-semibold">Search ports</span>
          <input
            ref={search}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="25, ldap, email, udp…"
            className="mt-2 h-12 w-full max-w-md rounded-xl border-2 border-border bg-bg px-4 text-lg placeholder:text-fg-muted focus:border-accent"
          />
        </label>
        <p role="status" className="pb-3 text-fg-muted">
          {shown.length} of {rows.length} protocols
        </p>
        {shown.length > 0 && (
          <Link
            href={drillHref}
            prefetch={false}
            className="mb-1 inline-flex h-12 items-center rounded-xl bg-accent px-5 font-semibold text-accent-fg"
          >
            {shown.length === rows.length ? "Drill all of these" : `Drill these ${shown.length}`}
          </Link>
        )}
      </div>

      {/* Phones: one card per protocol, every column shown, sorting from a list box. */}
      <div className="mt-4 sm:hidden">
        <label className="flex items-center gap-3">
          <span className="font-semibold">Sort by</span>
          <select
            value={`${sort.key}:${sort.dir}`}
            onChange={(e) => {
              const [key, dir] = e.target.value.split(":") as [SortKey, string];
              setSort({ key, dir: dir === "-1" ? -1 : 1 });
            }}
            className="h-12 rounded-xl border-2 border-border bg-bg px-3"
          >
            {COLUMNS.flatMap((c) => [
              <option key={`${c.key}:1`} value={`${c.key}:1`}>
                {c.label}, ascending
              </option>,
              <option key={`${c.key}:-1`} value={`${c.key}:-1`}>
                {c.label}, descending
              </option>,
            ])}
          </select>
        </label>
        <ul aria-label="Ports" className="mt-4 space-y-3">
          {shown.map((r) => (
            // Forty cards make a page 16,000 px tall on a phone. Off-screen ones are laid out only
            // when scrolled near (they stay findable and in the accessibility tree), which cut the
            // first load's layout time by about 40%; 25rem is a typical card's height.
            <li
              key={r.id}
              data-port-card={r.id}
              className="rounded-2xl border border-border p-4 [contain-intrinsic-size:auto_25rem] [content-visibility:auto]"
            >
              <h2 className="flex flex-wrap items-baseline gap-x-3 text-xl font-semibold">
                <Link
                  href={`/quiz?mode=drill&entries=${r.id}`}
                  prefetch={false}
                  aria-label={`${r.protocol}: drill this port`}
                  className="text-accent underline underline-offset-2"
                >
                  {r.protocol}
                </Link>
                {!r.core && <span className="text-xs font-normal text-fg-muted">extra</span>}
              </h2>
              <p className="text-sm text-fg-muted">{r.name}</p>
              <dl className="mt-3 grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1">
                <dt className="font-semibold">Port</dt>
                <dd className="font-mono text-lg font-semibold">
                  {r.ports.map((p) => p.number).join(", ")}
                </dd>
                <dt className="font-semibold">TCP/UDP</dt>
                <dd className="font-mono uppercase">
                  {r.ports.map((p) => `${p.number}: ${p.transports.join("+")}`).join(" · ")}
                </dd>
                <dt className="font-semibold">Topic</dt>
                <dd>{r.topic}</dd>
                <dt className="font-semibold">For</dt>
                <dd>{r.purpose}</dd>
                {r.secure.length > 0 && (
                  <>
                    <dt className="font-semibold">Secure</dt>
                    <dd>{r.secure.join(", ")}</dd>
                  </>
                )}
                {r.confusions[0] && (
                  <>
                    <dt className="font-semibold">Watch out</dt>
                    <dd className="text-fg-muted">{r.confusions[0]}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      </div>

      <div data-scroll-x className="mt-4 hidden overflow-x-auto sm:block">
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
                    href={`/quiz?mode=drill&entries=${r.id}`}
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
