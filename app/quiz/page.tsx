import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { QuizApp } from "@/components/quiz/QuizApp";

export const metadata: Metadata = {
  title: "Port practice",
  description:
    "Drill the Security+ port numbers with spaced repetition, take a quiz or a timed exam, and set a mail server's firewall rules.",
};

export default function QuizPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Port practice</h1>
      <p className="mt-3 text-lg text-fg-muted">
        The ports and SMTP replies a Security+ candidate must know, checked against the IANA
        registry. Keys: 1-4 pick an answer, Enter confirms and moves on.
      </p>
      <noscript>
        {/* Without JavaScript the practice cannot run: say so instead of "Loading…" forever. */}
        <style>{"#quiz-app{display:none}"}</style>
        <p className="mt-6 rounded-2xl border border-border bg-bg-soft p-4 sm:p-6">
          Port practice runs in your browser and needs JavaScript. Turn it on to drill, quiz and
          take the timed exam; the{" "}
          <Link href="/ports" className="font-semibold text-accent underline underline-offset-4">
            port table
          </Link>{" "}
          works without it.
        </p>
      </noscript>
      <div id="quiz-app" className="mt-6">
        <QuizApp />
      </div>
      <p className="mt-10 text-fg-muted">
        Teaching a class? The{" "}
        <Link href="/class" className="font-semibold text-accent underline underline-offset-4">
          class quiz
        </Link>{" "}
        shows one question at a time on a projector and saves nothing to your progress.
      </p>
    </div>
  );
}
