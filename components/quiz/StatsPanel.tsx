"use client";

import { useRef, useState } from "react";
import { TOPIC_LABELS } from "@/content/ports";
import {
  CARDS,
  cardName,
  getCard,
  history,
  mastery,
  overallMastery,
  streak,
  weakest,
  type CardRef,
} from "@/lib/quiz";
import { useStoreHydrated } from "@/lib/progress/hydration";
import { exportProgress, importProgress } from "@/lib/progress/transfer";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { Bar, BUTTON } from "./bits";
import { today } from "./useAnswerRecorder";

const DAYS = 14;

function HistoryChart({ data }: { data: { day: string; answered: number; correct: number }[] }) {
  const max = Math.max(5, ...data.map((d) => d.answered));
  const total = data.reduce((n, d) => n + d.answered, 0);
  const right = data.reduce((n, d) => n + d.correct, 0);
  const w = 14;
  const gap = 6;
  const h = 80;
  return (
    <figure>
      <svg
        role="img"
        aria-label={`Answers per day over the last ${DAYS} days: ${total} answered, ${right} right.`}
        viewBox={`0 0 ${data.length * (w + gap)} ${h + 16}`}
        className="h-28 w-full max-w-md"
      >
        {data.map((d, i) => {
          const x = i * (w + gap);
          const ha = (d.answered / max) * h;
          const hc = (d.correct / max) * h;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.answered} answered, ${d.correct} right`}</title>
              <rect
                x={x}
                y={h - ha}
                width={w}
                height={Math.max(ha, 1)}
                rx="2"
                className="fill-border"
              />
              <rect x={x} y={h - hc} width={w} height={hc} rx="2" className="fill-ok" />
            </g>
          );
        })}
        <text x="0" y={h + 14} className="fill-fg-muted text-[10px]">
          {data[0]?.day.slice(5)}
        </text>
        <text
          x={data.length * (w + gap) - gap}
          y={h + 14}
          textAnchor="end"
          className="fill-fg-muted text-[10px]"
        >
          today
        </text>
      </svg>
      <figcaption className="mt-1 text-sm text-fg-muted">
        Green: right answers; grey: all answers. {total} answered in {DAYS} days.
      </figcaption>
    </figure>
  );
}

function topicGroups(): { topic: string; cards: CardRef[] }[] {
  const groups = new Map<string, CardRef[]>();
  for (const c of CARDS) {
    const t =
      c.type === "port"
        ? TOPIC_LABELS[c.entry.topic]
        : c.type === "reply"
          ? "SMTP replies"
          : "Email authentication";
    groups.set(t, [...(groups.get(t) ?? []), c]);
  }
  return [...groups].map(([topic, cards]) => ({ topic, cards }));
}

/** Mastery per port, the weakest ones, streak, a 14-day chart, and export/import of progress. */
export function StatsPanel({ onReview }: { onReview: (cardIds: string[]) => void }) {
  const hydrated = useStoreHydrated(useQuizProgress);
  const progress = useQuizProgress();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  if (!hydrated) {
    return (
      <section
        aria-busy="true"
        className="min-h-64 rounded-2xl border border-border bg-bg-soft p-6"
      >
        <h2 className="text-2xl font-bold">Your progress</h2>
        <p className="mt-3 text-fg-muted">Loading your saved progress…</p>
      </section>
    );
  }

  const day = today();
  const weak = weakest(progress, 5);
  const overall = overallMastery(progress);
  const run = streak(progress.days, day);
  const todayStats = progress.days[day];
  const lastExam = progress.exams.at(-1);

  function download() {
    const blob = new Blob([exportProgress()], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `relay-lab-progress-${day}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
    setMessage({
      ok: true,
      text: "Progress exported. Keep the file to restore it in another browser.",
    });
  }

  async function upload(file: File) {
    const result = importProgress(await file.text());
    setMessage(
      result.ok
        ? { ok: true, text: `Imported progress from ${file.name}.` }
        : { ok: false, text: result.error },
    );
    if (fileRef.current) fileRef.current.value = "";
  }

  return (
    <section aria-labelledby="stats-title" className="space-y-8">
      <h2 id="stats-title" className="text-2xl font-bold">
        Your progress
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Day streak", String(run)],
          ["Mastered", `${overall.mastered} of ${overall.total}`],
          ["Answered today", String(todayStats?.answered ?? 0)],
          ["Last exam", lastExam ? `${lastExam.correct}/${lastExam.total}` : "none yet"],
        ].map(([k, v]) => (
          <div key={k} className="rounded-xl border border-border bg-bg-soft p-3">
            <dt className="text-sm text-fg-muted">{k}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-stat={k}>
              {v}
            </dd>
          </div>
        ))}
      </dl>

      <div>
        <h3 className="text-lg font-semibold">Last {DAYS} days</h3>
        <HistoryChart data={history(progress.days, day, DAYS)} />
      </div>

      <div>
        <h3 className="text-lg font-semibold">Weakest</h3>
        {weak.length === 0 ? (
          <p className="mt-2 text-fg-muted">
            Nothing weak yet. Answer a few questions and the ones you miss show up here.
          </p>
        ) : (
          <>
            <ul className="mt-2 space-y-2">
              {weak.map((id) => {
                const c = getCard(id);
                return (
                  <li key={id}>
                    <div className="text-sm font-medium">{c ? cardName(c) : id}</div>
                    <Bar value={mastery(progress.cards[id])} label="mastery" />
                  </li>
                );
              })}
            </ul>
            <button type="button" onClick={() => onReview(weak)} className={`mt-3 ${BUTTON.small}`}>
              Review these
            </button>
          </>
        )}
      </div>

      <div>
        <h3 className="text-lg font-semibold">Mastery by port</h3>
        <div className="mt-3 grid gap-6 md:grid-cols-2">
          {topicGroups().map((g) => (
            <div key={g.topic}>
              <h4 className="font-semibold text-fg-muted">{g.topic}</h4>
              <ul className="mt-2 space-y-1">
                {g.cards.map((c) => (
                  <li key={c.id} className="grid grid-cols-[11rem_1fr] items-center gap-2 text-sm">
                    <span className="truncate">{cardName(c)}</span>
                    {progress.cards[c.id]?.seen ? (
                      <Bar
                        value={mastery(progress.cards[c.id])}
                        label={`mastery of ${cardName(c)}`}
                      />
                    ) : (
                      <span className="text-fg-muted">not seen yet</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>

      <div>
        <h3 className="text-lg font-semibold">Settings and backup</h3>
        <label className="mt-3 flex items-center gap-3">
          <span>New cards a day</span>
          <input
            type="number"
            min={0}
            max={100}
            value={progress.newPerDay}
            onChange={(e) => progress.setNewPerDay(Number(e.target.value) || 0)}
            className="h-12 w-24 rounded-lg border-2 border-border bg-bg px-3 text-lg"
          />
        </label>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" onClick={download} className={BUTTON.secondary}>
            Export progress
          </button>
          <label className="inline-flex h-12 cursor-pointer items-center rounded-xl border-2 border-border px-5 font-semibold hover:bg-bg-soft has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus">
            Import progress
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              className="sr-only"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
          </label>
        </div>
        <p
          role="status"
          className={`mt-3 min-h-6 ${message?.ok === false ? "text-bad" : "text-ok"}`}
        >
          {message?.text}
        </p>
      </div>
    </section>
  );
}
