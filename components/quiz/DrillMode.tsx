"use client";

import { useEffect, useMemo, useState } from "react";
import {
  cardsForEntries,
  getCard,
  DECK_IDS,
  DECKS,
  deckCards,
  forecast,
  gradeFor,
  nextDrillCard,
  planDrill,
  questionFor,
  soonestCard,
  createRng,
  type AnswerUndo,
  type CardMemory,
  type DeckId,
  type GradeName,
  type Question,
} from "@/lib/quiz";
import { PORTS } from "@/content/ports";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { useStoreHydrated } from "@/lib/progress/hydration";
import { QuestionCard } from "./QuestionCard";
import { today } from "./useAnswerRecorder";
import { BUTTON, StartPanel } from "./bits";

function until(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return "in under a minute";
  if (min < 60) return `in ${min} minute${min === 1 ? "" : "s"}`;
  const h = Math.round(min / 60);
  if (h < 36) return `in about ${h} hour${h === 1 ? "" : "s"}`;
  return `in ${Math.round(h / 24)} days`;
}

const GRADES: { id: GradeName; label: string; hint: string }[] = [
  { id: "again", label: "Again", hint: "I did not know it" },
  { id: "hard", label: "Hard", hint: "I got there slowly" },
  { id: "good", label: "Good", hint: "I knew it" },
  { id: "easy", label: "Easy", hint: "Instantly" },
];

/** A drill restricted from outside: the ports page's "drill these" or an exam's weak ports. */
export type DrillRequest = { entries: string[] } | { cards: string[]; label?: string };

function resolveFocus(req: DrillRequest | null): { label: string; cardIds: string[] } | null {
  if (!req) return null;
  if ("cards" in req) {
    const ids = req.cards.filter((id) => getCard(id));
    if (ids.length === 0) return null;
    return {
      label: req.label ?? `${ids.length} chosen card${ids.length === 1 ? "" : "s"}`,
      cardIds: ids,
    };
  }
  const names = req.entries.map((id) => PORTS.find((e) => e.id === id)?.protocol).filter(Boolean);
  const cardIds = cardsForEntries(req.entries);
  if (cardIds.length === 0) return null;
  const label =
    names.length <= 3
      ? names.join(", ")
      : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return { label, cardIds };
}

interface Answered {
  q: Question;
  n: number;
  undo: AnswerUndo;
  grade: GradeName;
  suggested: GradeName;
  correct: boolean;
  elapsedMs: number;
}

/**
 * Spaced repetition with ts-fsrs: due cards first, then new ones up to the daily limit. After
 * each answer the learner rates it Again/Hard/Good/Easy, with the app's suggestion (from the
 * answer and its speed) already chosen; the last answer can be undone.
 */
export function DrillMode({
  request,
  onClearFocus,
}: {
  request: DrillRequest | null;
  onClearFocus: () => void;
}) {
  const focus = useMemo(() => resolveFocus(request), [request]);
  const hydrated = useStoreHydrated(useQuizProgress);
  const cards = useQuizProgress((s) => s.cards);
  const days = useQuizProgress((s) => s.days);
  const newPerDay = useQuizProgress((s) => s.newPerDay);
  const customDeck = useQuizProgress((s) => s.customDeck);
  const [deck, setDeck] = useState<DeckId>("all");
  const [current, setCurrent] = useState<{ q: Question; n: number } | null>(null);
  const [answered, setAnswered] = useState<Answered | null>(null);
  const [previous, setPrevious] = useState<Answered | null>(null);
  const [done, setDone] = useState(0);
  const [ahead, setAhead] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);

  const pool = useMemo(
    () => (focus ? focus.cardIds : deckCards(deck, customDeck)),
    [focus, deck, customDeck],
  );
  const memories = useMemo(() => {
    const m: Record<string, CardMemory | undefined> = {};
    for (const [id, s] of Object.entries(cards)) m[id] = s.memory;
    return m;
  }, [cards]);

  const planAt = (t: number) =>
    planDrill(memories, t, { newPerDay, newToday: days[today(t)]?.fresh ?? 0, pool });

  function pickNext(reviewAhead: boolean): Question | null {
    const t = Date.now();
    setNow(t);
    const plan = planAt(t);
    const next = nextDrillCard(plan)?.id ?? (reviewAhead ? soonestCard(memories, pool) : null);
    return next ? questionFor(next, createRng(t >>> 0)) : null;
  }

  function record(q: Question, correct: boolean, elapsedMs: number, grade: GradeName) {
    const t = Date.now();
    return useQuizProgress.getState().recordAnswer({
      cardId: q.cardId,
      correct,
      elapsedMs,
      format: q.format,
      mode: "drill",
      now: t,
      day: today(t),
      grade,
    });
  }

  function rate(grade: GradeName) {
    if (!answered || grade === answered.grade) return;
    useQuizProgress.getState().undoAnswer(answered.undo);
    const undo = record(answered.q, answered.correct, answered.elapsedMs, grade);
    setAnswered({ ...answered, undo, grade });
  }

  function undoLast() {
    const target = answered ?? previous;
    if (!target) return;
    useQuizProgress.getState().undoAnswer(target.undo);
    setAnswered(null);
    setPrevious(null);
    setDone((d) => Math.max(0, d - 1));
    setCurrent({ q: target.q, n: target.n + 1000 });
  }

  const plan = planAt(now);
  const deckPicker = !focus && (
    <DeckPicker deck={deck} onDeck={setDeck} customDeck={customDeck} disabled={current !== null} />
  );
  const focusNote = focus && (
    <p className="mb-3 rounded-lg bg-bg-soft p-3">
      Drilling <strong>{focus.label}</strong> only.{" "}
      <button
        type="button"
        onClick={onClearFocus}
        className="font-medium text-accent underline underline-offset-2"
      >
        Drill every port
      </button>
    </p>
  );
  const undoButton = (answered ?? previous) && (
    <button type="button" onClick={undoLast} className={`mt-3 ${BUTTON.secondary}`}>
      Undo last answer
    </button>
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
            const suggested = gradeFor(correct, elapsedMs, current.q.format);
            const undo = record(current.q, correct, elapsedMs, suggested);
            setAnswered({ ...current, undo, grade: suggested, suggested, correct, elapsedMs });
            setDone((d) => d + 1);
          }}
          afterAnswer={
            answered && (
              <RatingGroup value={answered.grade} suggested={answered.suggested} onRate={rate} />
            )
          }
          onNext={() => {
            setPrevious(answered);
            setAnswered(null);
            const q = pickNext(ahead);
            setCurrent(q ? { q, n: current.n + 1 } : null);
          }}
        />
        {undoButton}
      </div>
    );
  }

  const next = hydrated ? nextDrillCard(plan) : null;
  const caughtUp = hydrated && !next;
  return (
    <div className="space-y-6">
      {focusNote}
      {deckPicker}
      <StartPanel
        title={caughtUp ? "All caught up" : done > 0 ? "Keep going" : "Drill"}
        startLabel={caughtUp ? "Review ahead anyway" : "Start drilling"}
        disabled={!hydrated || (caughtUp && !soonestCard(memories, pool))}
        onStart={() => {
          const reviewAhead = !next;
          setAhead(reviewAhead);
          const q = pickNext(reviewAhead);
          if (q) setCurrent({ q, n: 0 });
        }}
      >
        <p>
          Missed cards return in minutes, known ones in days. After each answer, rate how it went;
          the app&apos;s suggestion from your answer and its speed is already chosen.
        </p>
        <p aria-live="polite" className="min-h-6 text-fg">
          {!hydrated
            ? "Loading your saved schedule…"
            : next
              ? `${plan.due.length} due now · ${plan.fresh.length} new ${plan.fresh.length === 1 ? "card" : "cards"} left today`
              : `${done > 0 ? `You drilled ${done} cards. ` : ""}Nothing is due${
                  plan.nextDueAt ? `; the next card comes due ${until(plan.nextDueAt - now)}` : ""
                }.${pool ? "" : ` Today's ${newPerDay} new cards are done; change the limit under Stats.`}`}
        </p>
      </StartPanel>
      {undoButton}
      {hydrated && <Forecast memories={memories} now={now} pool={pool} />}
    </div>
  );
}

function RatingGroup({
  value,
  suggested,
  onRate,
}: {
  value: GradeName;
  suggested: GradeName;
  onRate: (g: GradeName) => void;
}) {
  return (
    <fieldset className="mt-5">
      <legend className="font-semibold">
        How did it go? <span className="font-normal text-fg-muted">(suggested: {suggested})</span>
      </legend>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {GRADES.map((g) => (
          <label
            key={g.id}
            className="flex min-h-14 cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-border px-2 py-1 text-center has-[:checked]:border-accent has-[:checked]:bg-bg-soft has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus"
          >
            <input
              type="radio"
              name="drill-rating"
              value={g.id}
              checked={value === g.id}
              onChange={() => onRate(g.id)}
              className="sr-only"
            />
            <span className="font-semibold">{g.label}</span>
            <span className="text-xs text-fg-muted">{g.hint}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const CHOOSABLE = PORTS.filter((e) => !e.runsOver);

function DeckPicker({
  deck,
  onDeck,
  customDeck,
  disabled,
}: {
  deck: DeckId;
  onDeck: (d: DeckId) => void;
  customDeck: readonly string[];
  disabled: boolean;
}) {
  const setCustomDeck = useQuizProgress((s) => s.setCustomDeck);
  return (
    <section aria-labelledby="deck-title" className="rounded-2xl border border-border p-4 sm:p-6">
      <h2 id="deck-title" className="text-lg font-semibold">
        Deck
      </h2>
      <label className="mt-2 block">
        <span className="sr-only">Deck to drill</span>
        <select
          value={deck}
          disabled={disabled}
          onChange={(e) => onDeck(e.target.value as DeckId)}
          className="h-12 w-full max-w-sm rounded-xl border-2 border-border bg-bg px-3 text-lg"
        >
          {DECK_IDS.map((id) => (
            <option key={id} value={id}>
              {DECKS[id].label}
            </option>
          ))}
        </select>
      </label>
      <p className="mt-2 text-sm text-fg-muted">{DECKS[deck].description}</p>
      {deck === "custom" && (
        <fieldset className="mt-3">
          <legend className="font-semibold">
            Protocols in your deck ({customDeck.length} chosen)
          </legend>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            {CHOOSABLE.map((e) => (
              <label key={e.id} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  checked={customDeck.includes(e.id)}
                  onChange={(ev) =>
                    setCustomDeck(
                      ev.target.checked
                        ? [...customDeck, e.id]
                        : customDeck.filter((id) => id !== e.id),
                    )
                  }
                  className="size-5 accent-accent"
                />
                {e.protocol}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </section>
  );
}

// The page is in English, as "Today" and "Tomorrow" are: plain names, because asking Intl for
// them first loads the locale's calendar data, which was most of the drill's first render.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function weekday(dayKey: string, i: number): string {
  if (i === 0) return "Today";
  if (i === 1) return "Tomorrow";
  const [y, m, d] = dayKey.split("-").map(Number) as [number, number, number];
  return WEEKDAYS[new Date(y, m - 1, d).getDay()]!;
}

/** Cards due on each of the next seven days: a bar per day, the number written beside it. */
function Forecast({
  memories,
  now,
  pool,
}: {
  memories: Readonly<Record<string, CardMemory | undefined>>;
  now: number;
  pool: readonly string[] | undefined;
}) {
  const data = forecast(memories, now, (ms) => today(ms), 7, pool);
  const max = Math.max(1, ...data.map((d) => d.due));
  return (
    <section
      aria-labelledby="forecast-title"
      className="rounded-2xl border border-border p-4 sm:p-6"
    >
      <h2 id="forecast-title" className="text-lg font-semibold">
        Reviews due, next 7 days
      </h2>
      <ol className="mt-3 space-y-1.5" data-forecast>
        {data.map((d, i) => (
          <li key={d.day} className="grid grid-cols-[6rem_1fr_3rem] items-center gap-2 text-sm">
            <span>{weekday(d.day, i)}</span>
            <span
              aria-hidden="true"
              className="h-3 overflow-hidden rounded-full bg-bg-soft ring-1 ring-border"
            >
              <span
                className="block h-full rounded-full bg-accent"
                style={{ width: `${(100 * d.due) / max}%` }}
              />
            </span>
            <span className="text-right tabular-nums" data-due={d.due}>
              {d.due}
              <span className="sr-only"> due</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
