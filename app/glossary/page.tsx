import type { Metadata } from "next";
import { GlossaryList } from "@/components/lesson/GlossaryList";
import { getGlossary } from "@/lib/lessons/content";

export const metadata: Metadata = {
  title: "Glossary",
  description:
    "The mail terms the lessons use: MUA, MSA, MTA, MX, relay, open relay, envelope and more.",
};

export default function GlossaryPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Glossary</h1>
      <p className="mt-3 text-lg text-fg-muted">
        The terms the lessons use, in plain words. In a lesson, select an underlined term to see its
        entry without leaving the page.
      </p>
      <GlossaryList entries={getGlossary()} />
    </div>
  );
}
