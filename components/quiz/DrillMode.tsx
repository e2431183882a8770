"use client";

import { useEffect, useMemo, useState } from "react";
import {
  cardsForEntry,
  createRng,
  entryById,
  nextDrillCard,
  planDrill,
  questionFor,
  soonestCard,
  type CardMemory,
  type Question,
} from "@/lib/quiz";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { useHydrated } from "@/lib/progress/hydration";
import { QuestionCard } from "./QuestionCard";
import { today, useAnswerRecorder } from "./useAnswerRecorder";
import { StartPanel } from "./bits";

function until(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return "in under a minute";
  if (min < 60) return `in ${min} minute${min === 1 ? "" : "s"}`;
  const h = Math.round(min / 60);
  if (h < 36) return `in about ${h} hour${h === 1 ? "" : "s"}`;
  return `in ${Math.round(h / 24)} days`;
}

/**
 * Spaced repetition: due cards first, then new ones up to the daily limit. The rating comes
 * from the answer itself (wrong, slow, normal or quick), so there is nothing to self-grade.
 */
export function DrillMode({
  focusEntry,
  onClearFocus,
}: {
  focusEntry: string | null;
  onClearFocus: () => void;
}) {
  const hydrated = useHydrated();
  const cards = useQuizProgress((s) => s.cards);
  const days = useQuizProgress((s) => s.days);
  const newPerDay = useQuizProgress((s) => s.newPerDay);
  const record = useAnswerRecorder("drill");
  const [current, setCurrent] = useState<{ q: Question; n: number } | null>(null);
  const [done, setDone] = useState(0);
  const [ahead, setAhead] = useState(false);
  // "Now" for the plan shown; refreshed every 30 s and after each answer.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);

  const entry = focusEntry ? entryById(focusEntry) : undefined;
  const pool = useMemo(
    () => (entry ? cardsForEntry(entry.id).map((c) => c.id) : undefined),
    [entry],
  );
  const memories = useMemo(() => {
    const m: Record<string, CardMemory | undefined> = {};
    for (const [id, s] of Object.entries(cards)) m[id] = s.memory;
    return m;
  }, [cards]);

  function pickNext(reviewAhead: boolean): Question | null {
    const now = Date.now();
    setNow(now);
    const plan = planDrill(memories, now, {
      newPerDay,
      newToday: days[today(now)]?.fresh ?? 0,
      pool,
    });
    const next =
      nextDrillCard(plan)?.id ?? (reviewAhead ? soonestCard(memories, pool ?? undefined) : null);
    if (!next) return null;
    return questionFor(next, createRng(now >>> 0));
  }

  const plan = planDrill(memories, now, {
    newPerDay,
    newToday: days[today(now)]?.fresh ?? 0,
    pool,
  });
  const focusNote = entry && (
    <p className="mb-3 rounded-lg bg-bg-soft p-3">
      Drilling <strong>{entry.protocol}</strong> only.{" "}
      <button
        type="button"
        onClick={onClearFocus}
        className="font-medium text-accent underline underline-offset-2"
      >
        Drill every port
      </button>
    </p>
  );

  if (current) {
    return (
      <div>
        {focusNote}
        <QuestionCard
          key={`${current.n}-${current.q.id}`}
          question={current.q}
          position={`${done} done · ${plan.due.length} due · ${plan.fresh.length} new left`}
          onAnswered={({ correct, elapsedMs }) => {
            record(current.q, correct, elapsedMs);
            setDone((d) => d + 1);
          }}
          onNext={() => {
            const q = pickNext(ahead);
            setCurrent(q ? { q, n: current.n + 1 } : null);
          }}
        />
      </div>
    );
  }

  const next = hydrated ? nextDrillCard(plan) : null;
  const caughtUp = hydrated && !next;
  return (
    <div>
      {focusNote}
      <StartPanel
        title={caughtUp ? "All caught up" : done > 0 ? "Keep going" : "Drill"}
        startLabel={caughtUp ? "Review ahead anyway" : "Start drilling"}
        disabled={!hydrated || (caughtUp && !soonestCard(memories, pool ?? undefined))}
        onStart={() => {
          const reviewAhead = !next;
          setAhead(reviewAhead);
          const q = pickNext(reviewAhead);
          if (q) setCurrent({ q, n: 0 });
        }}
      >
        <p>
          Missed cards return in minutes, known ones in days. Your answer and its speed rate each
          card.
        </p>
        <p aria-live="polite" className="min-h-6 text-fg">
          {!hydrated
            ? "Loading your saved schedule…"
            : next
              ? `${plan.due.length} due now · ${plan.fresh.length} new ${plan.fresh.length === 1 ? "card" : "cards"} left today`
              : `${done > 0 ? `You drilled ${done} cards. ` : ""}Nothing is due${
                  plan.nextDueAt ? `; the next card comes due ${until(plan.nextDueAt - now)}` : ""
                }.${entry ? "" : ` Today's ${newPerDay} new cards are done; change the limit under Stats.`}`}
        </p>
      </StartPanel>
    </div>
  );
}
