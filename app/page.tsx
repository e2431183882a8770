import Link from "@/components/ui/Link";
import { NAV } from "@/lib/site/nav";
import { CoursePath, CourseProgressBar } from "@/components/lesson/CoursePath";
import { getLessonSummaries } from "@/lib/lessons/content";

const AUDIENCES = [
  {
    who: "Exam candidates",
    what: "Read a short lesson, then prove it in the lab: tasks tick themselves off when the simulated network shows you did it.",
    links: [{ href: "/lessons", label: "Start the course" }],
  },
  {
    who: "Instructors",
    what: "Put the mail network on the projector and relay a message in front of the class, one command at a time.",
    links: [
      { href: "/demo", label: "Step-through demos" },
      { href: "/class", label: "Class quiz" },
    ],
  },
  {
    who: "Quick quizzers",
    what: "Drill the port numbers the exam expects on a phone, a few minutes at a time.",
    links: [
      { href: "/quiz", label: "Port practice" },
      { href: "/ports", label: "Port table" },
    ],
  },
];

export default function HomePage() {
  const lessons = getLessonSummaries();
  return (
    <div className="mx-auto max-w-7xl px-4 sm:px-6">
      <section className="py-12 sm:py-20">
        <p className="font-mono text-sm font-semibold text-accent">220 relay-lab ESMTP ready</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">
          Learn how email really travels, by sending it yourself.
        </h1>
        <p className="mt-5 max-w-2xl text-lg text-fg-muted sm:text-xl">
          Relay Lab teaches SMTP relaying for the CompTIA Security+ exam. You type real SMTP
          commands into a simulated mail network that runs entirely in your browser, then watch your
          message hop from server to server.
        </p>
        {NAV.length > 0 && (
          <ul className="mt-8 flex flex-wrap gap-3">
            {NAV.map((item, i) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className={
                    i === 0
                      ? "inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-accent-fg"
                      : "inline-block rounded-lg border border-border px-5 py-3 font-semibold hover:bg-bg-soft"
                  }
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="course" className="border-t border-border py-12">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="course" className="text-2xl font-bold tracking-tight">
            The course
          </h2>
          <CourseProgressBar lessons={lessons} />
        </div>
        <div className="mt-6">
          <CoursePath lessons={lessons} />
        </div>
      </section>

      <section aria-labelledby="who" className="border-t border-border py-12">
        <h2 id="who" className="text-2xl font-bold tracking-tight">
          Who it is for
        </h2>
        <ul className="mt-6 grid gap-6 sm:grid-cols-3">
          {AUDIENCES.map((a) => (
            <li
              key={a.who}
              className="flex flex-col rounded-xl border border-border bg-bg-soft p-5"
            >
              <h3 className="text-lg font-semibold">{a.who}</h3>
              <p className="mt-2 text-fg-muted">{a.what}</p>
              <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
                {a.links.map((l) => (
                  <li key={l.href}>
                    <Link
                      href={l.href}
                      className="font-semibold text-accent underline-offset-4 hover:underline"
                    >
                      {l.label} <span aria-hidden="true">→</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
