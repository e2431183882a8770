import type { Metadata } from "next";
import Link from "@/components/ui/Link";

export const metadata: Metadata = {
  title: "Page not found",
  description: "There is no page at this address in Relay Lab.",
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-20 text-center sm:px-6">
      <p className="font-mono text-lg font-semibold text-bad">550 5.1.1</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">No such page here</h1>
      <p className="mt-4 text-lg text-fg-muted">
        Like mail for a mailbox that does not exist, this address was refused. The page may have
        moved, or the link may have a typo.
      </p>
      <Link
        href="/"
        className="mt-8 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-accent-fg"
      >
        Back to the course
      </Link>
    </div>
  );
}
