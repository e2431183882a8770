"use client";

import Link from "@/components/ui/Link";
import { useEffect, useRef, useState } from "react";
import { MAIL_FIREWALL_PBQ as PBQ } from "@/content/ports";
import {
  gradeFirewall,
  ruleKey,
  type Direction,
  type FirewallGrade,
  type RuleFeedback,
} from "@/lib/quiz";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { BUTTON } from "./bits";

const DIRECTIONS: Direction[] = ["inbound", "outbound"];

const OUTCOME_TEXT: Record<RuleFeedback["outcome"], string> = {
  ok: "Right",
  missing: "Missing",
  extra: "Should be closed",
  optional: "Either way",
};

/** The performance-based question: set a mail server's firewall rules, graded with partial credit. */
export function FirewallMode() {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [grade, setGrade] = useState<FirewallGrade | null>(null);
  const recordPbq = useQuizProgress((s) => s.recordPbq);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (grade) resultRef.current?.focus();
  }, [grade]);

  function toggle(key: string) {
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  }

  const byKey = new Map(grade?.feedback.map((f) => [f.key, f]));
  const shown = grade?.feedback.filter((f) => f.open || f.verdict !== "forbidden") ?? [];

  return (
    <section aria-labelledby="pbq-title" className="rounded-2xl border border-border p-4 sm:p-6">
      <h2 id="pbq-title" className="text-2xl font-bold">
        {PBQ.title}
      </h2>
      <div className="mt-3 space-y-2">
        {PBQ.brief.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const g = gradeFirewall(PBQ, open);
          setGrade(g);
          recordPbq(Date.now(), g.score);
        }}
        className="mt-5"
      >
        <div data-scroll-x className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Firewall rules: tick the traffic to allow</caption>
            <thead>
              <tr className="border-b-2 border-border">
                <th scope="col" className="py-2 pr-3">
                  Service
                </th>
                <th scope="col" className="px-2 py-2 text-center">
                  Allow inbound
                </th>
                <th scope="col" className="px-2 py-2 text-center">
                  Allow outbound
                </th>
              </tr>
            </thead>
            <tbody>
              {PBQ.candidates.map((c) => (
                <tr key={`${c.port}/${c.transport}`} className="border-b border-border">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <span className="font-semibold">{c.service}</span>{" "}
                    <span className="font-mono text-fg-muted">
                      {c.port}/{c.transport.toUpperCase()}
                    </span>
                  </th>
                  {DIRECTIONS.map((d) => {
                    const key = ruleKey(d, c.port, c.transport);
                    const fb = byKey.get(key);
                    return (
                      <td key={d} className="px-2 py-1 text-center">
                        <label className="inline-flex min-h-12 min-w-12 cursor-pointer flex-col items-center justify-center">
                          <input
                            type="checkbox"
                            checked={open.has(key)}
                            onChange={() => toggle(key)}
                            disabled={grade !== null}
                            className="size-6 accent-accent"
                          />
                          <span className="sr-only">
                            Allow {d} {c.service} {c.port}/{c.transport.toUpperCase()}
                          </span>
                          {fb && fb.outcome !== "ok" && fb.outcome !== "optional" && (
                            <span
                              className={`text-xs font-semibold ${fb.outcome === "missing" ? "text-warn" : "text-bad"}`}
                            >
                              {OUTCOME_TEXT[fb.outcome]}
                            </span>
                          )}
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!grade && (
          <button type="submit" className={`mt-5 w-full sm:w-auto ${BUTTON.primary}`}>
            Check my rules
          </button>
        )}
      </form>

      <div aria-live="polite">
        {grade && (
          <div className="mt-6">
            <h3 ref={resultRef} tabIndex={-1} className="text-xl font-bold focus:outline-none">
              Score: {Math.round(grade.score * 100)}% ({grade.earned} of {grade.possible} points)
            </h3>
            <p className="mt-1 text-fg-muted">
              One point for each rule the server needs; one off for each hole it does not need.
            </p>
            <ul className="mt-4 space-y-3">
              {shown.map((f) => (
                <li
                  key={f.key}
                  className={`rounded-xl border-l-4 bg-bg-soft p-3 ${
                    f.outcome === "ok"
                      ? "border-ok"
                      : f.outcome === "optional"
                        ? "border-border"
                        : f.outcome === "missing"
                          ? "border-warn"
                          : "border-bad"
                  }`}
                >
                  <p className="font-semibold">
                    {OUTCOME_TEXT[f.outcome]}: {f.direction} {f.service} {f.port}/
                    {f.transport.toUpperCase()} {f.open ? "(allowed)" : "(closed)"}
                  </p>
                  <p className="mt-1">{f.why}</p>
                </li>
              ))}
            </ul>
            <div className="mt-5 flex flex-wrap gap-3">
              <button type="button" onClick={() => setGrade(null)} className={BUTTON.small}>
                Change my rules
              </button>
              <button
                type="button"
                onClick={() => {
                  setGrade(null);
                  setOpen(new Set());
                }}
                className={BUTTON.secondary}
              >
                Start over
              </button>
              {PBQ.learn && (
                <Link
                  href={PBQ.learn.href}
                  prefetch={false}
                  className="inline-flex h-12 items-center font-medium text-accent underline underline-offset-2"
                >
                  {PBQ.learn.label}
                </Link>
              )}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
