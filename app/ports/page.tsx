import type { Metadata } from "next";
import { PORTS, TOPIC_LABELS } from "@/content/ports";
import { PortTableSchema } from "@/content/ports/schema";
import { PortsTable, type PortRow } from "@/components/quiz/PortsTable";
import { SEARCH_KEYWORDS } from "@/lib/quiz/search-keywords";

export const metadata: Metadata = {
  title: "Port reference",
  description:
    "The ports a Security+ candidate must know, with TCP/UDP, secure counterparts and common confusions.",
};

export default function PortsPage() {
  // Validated at build time, so a bad entry fails the build rather than reaching a learner.
  const entries = PortTableSchema.parse(PORTS);
  const rows: PortRow[] = entries.map((e) => ({
    id: e.id,
    protocol: e.protocol,
    name: e.name,
    ports: e.ports,
    topic: TOPIC_LABELS[e.topic],
    purpose: e.purpose,
    secure: (e.secure ?? []).map((id) => {
      const s = entries.find((x) => x.id === id);
      return s ? `${s.protocol} (${s.ports.map((p) => p.number).join("/")})` : id;
    }),
    confusions: e.confusions,
    core: e.core,
    keywords: [...(SEARCH_KEYWORDS[e.id] ?? [])],
  }));
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Port reference</h1>
      <p className="mt-3 max-w-3xl text-lg text-fg-muted">
        Every port here is checked against the IANA registry. Search by number, name or topic (typos
        are forgiven), sort by any column, and drill a protocol or the whole result.
      </p>
      <div className="mt-6">
        <PortsTable rows={rows} />
      </div>
    </div>
  );
}
