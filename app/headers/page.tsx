import type { Metadata } from "next";
import { HeaderAnalyzer } from "@/components/headers/HeaderAnalyzer";

export const metadata: Metadata = {
  title: "Header analyser",
  description:
    "Paste a real message's headers and see its route hop by hop, where the time went, SPF, DKIM and DMARC in plain words, and the warning signs. Nothing leaves your browser.",
};

export default function HeadersPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Header analyser</h1>
      <p className="mt-3 max-w-3xl text-lg text-fg-muted">
        Every server that relays a message adds a Received: header on top, and the receiving server
        records what it checked. Read them bottom-up and you have the message&apos;s route, its
        delays and its authentication: the evidence an investigator starts from.
      </p>
      <div className="mt-6">
        <HeaderAnalyzer />
      </div>
    </div>
  );
}
