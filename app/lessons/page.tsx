import Link from "@/components/ui/Link";
import type { Metadata } from "next";
import { CoursePath, CourseProgressBar } from "@/components/lesson/CoursePath";
import { getLessonSummaries } from "@/lib/lessons/content";

export const metadata: Metadata = {
  title: "Lessons",
  description:
    "The SMTP relay course: short lessons from relays and ports to SPF, DKIM and DMARC, nearly all beside a live lab whose tasks check themselves.",
};

const WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];
/** "Ten", as prose spells small numbers; digits beyond. */
const spelled = (n: number) => WORDS[n] ?? String(n);

export default function LessonsPage() {
  const lessons = getLessonSummaries();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">The SMTP relay course</h1>
      <p className="mt-3 max-w-2xl text-lg text-fg-muted">
        {spelled(lessons.length)} short lessons, from relays and ports to SPF, DKIM and DMARC. Each
        explains an idea and lets you try it on a simulated mail network beside the text (the
        checkpoint is a quiz); the tasks tick themselves when the network shows you did them. Unsure
        of a term? The{" "}
        <Link href="/glossary" className="font-medium text-accent underline">
          glossary
        </Link>{" "}
        explains them all.
      </p>
      <div className="mt-6">
        <CourseProgressBar lessons={lessons} />
      </div>
      <div className="mt-8">
        <CoursePath lessons={lessons} />
      </div>
    </div>
  );
}
