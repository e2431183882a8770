"use client";

import { clientOnly } from "@/components/ui/clientOnly";
import type { DrillRequest } from "./DrillMode";
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

// Each mode (and the port data, question bank and FSRS behind it) loads after the page has
// painted, so the first load stays small; the placeholder holds the panel's space meanwhile: as
// tall as the drill (the mode a visit opens on) at phone and desktop widths, so the text below the
// panel does not move when it arrives (it was the page's only layout shift).
function ModeLoading() {
  return (
    <section
      aria-busy="true"
      className="min-h-[47rem] rounded-2xl border border-border bg-bg-soft p-4 sm:p-6"
    >
      <p className="text-fg-muted">Loading…</p>
    </section>
  );
}
const DrillMode = clientOnly(() => import("./DrillMode").then((m) => m.DrillMode), ModeLoading);
const QuizMode = clientOnly(() => import("./QuizMode").then((m) => m.QuizMode), ModeLoading);
const ExamMode = clientOnly(() => import("./ExamMode").then((m) => m.ExamMode), ModeLoading);
const PbqMode = clientOnly(() => import("./PbqMode").then((m) => m.PbqMode), ModeLoading);
const StatsPanel = clientOnly(() => import("./StatsPanel").then((m) => m.StatsPanel), ModeLoading);

/**
 * True once the page's own resources have loaded. The modes are fetched only then, so their
 * code never competes with the first paint (it is what made the page's largest paint late).
 */
function useDocumentLoaded(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener("load", onChange);
      return () => window.removeEventListener("load", onChange);
    },
    () => document.readyState === "complete",
    () => false,
  );
}

/** Card ids look like "port:smtp:25" or "reply:554"; the quiz ignores ids it does not know. */
const CARD_ID = /^(port:[a-z0-9-]+:\d+|reply:\d{3})$/;
const ENTRY_ID = /^[a-z0-9-]+$/;

const MODES = [
  { id: "drill", label: "Drill" },
  { id: "quiz", label: "Quiz" },
  { id: "exam", label: "Exam" },
  { id: "pbq", label: "PBQs" },
  { id: "stats", label: "Stats" },
] as const;

type Mode = (typeof MODES)[number]["id"];

function isMode(v: string | null): v is Mode {
  return MODES.some((m) => m.id === v);
}

/** Reflects the mode (and any focus) in the address, so links and reloads land in the same place. */
function writeUrl(mode: Mode, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ mode, ...extra });
  window.history.replaceState(null, "", `${window.location.pathname}?${params}`);
}

function drillRequestFrom(params: URLSearchParams): DrillRequest | null {
  const entries = (params.get("entries") ?? params.get("port") ?? "")
    .split(",")
    .filter((id) => ENTRY_ID.test(id));
  if (entries.length > 0) return { entries };
  const cards = (params.get("cards") ?? "").split(",").filter((id) => CARD_ID.test(id));
  if (params.get("mode") === "drill" && cards.length > 0) return { cards };
  return null;
}

/**
 * The /quiz page: tabs for the five modes. `?mode=drill&entries=smtp,imap` drills some
 * protocols (the ports page's "drill these"; `port=` is the older single form);
 * `?mode=drill&cards=a,b` drills chosen cards (an exam's weak ports); `?mode=quiz&cards=a,b`
 * quizzes on chosen cards ("review these").
 */
export function QuizApp() {
  const [mode, setMode] = useState<Mode>("drill");
  const [drillFocus, setDrillFocus] = useState<DrillRequest | null>(null);
  const [drillRun, setDrillRun] = useState(0);
  const [focus, setFocus] = useState<string[]>([]);
  const [run, setRun] = useState(0);
  const [visited, setVisited] = useState<ReadonlySet<Mode>>(new Set());

  function show(next: Mode) {
    setMode(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  }
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const loaded = useDocumentLoaded();

  useEffect(() => {
    const p = new URLSearchParams(window.location.search);
    const m = p.get("mode");
    const cards = (p.get("cards") ?? "").split(",").filter((id) => CARD_ID.test(id));
    // The address is only readable after mount in a static export.
    /* eslint-disable react-hooks/set-state-in-effect */
    if (isMode(m)) show(m);
    setDrillFocus(drillRequestFrom(p));
    if (cards.length && m !== "drill") setFocus(cards);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  function choose(next: Mode) {
    show(next);
    writeUrl(
      next,
      next === "drill" && drillFocus
        ? Object.fromEntries(new URLSearchParams(window.location.search))
        : next === "quiz" && focus.length
          ? { cards: focus.join(",") }
          : {},
    );
  }

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    let target = i + delta;
    if (e.key === "Home") target = 0;
    else if (e.key === "End") target = MODES.length - 1;
    else if (delta === 0) return;
    e.preventDefault();
    target = (target + MODES.length) % MODES.length;
    const m = MODES[target];
    if (!m) return;
    tabs.current[target]?.focus();
    choose(m.id);
  }

  function panel(id: Mode) {
    switch (id) {
      case "drill":
        return (
          <DrillMode
            key={drillRun}
            request={drillFocus}
            onClearFocus={() => {
              setDrillFocus(null);
              writeUrl("drill");
            }}
          />
        );
      case "quiz":
        return (
          <QuizMode
            key={`${run}-${focus.join(",")}`}
            focus={focus}
            onClearFocus={() => {
              setFocus([]);
              writeUrl("quiz");
            }}
          />
        );
      case "exam":
        return (
          <ExamMode
            onDrill={(ids) => {
              setDrillFocus({ cards: ids, label: `the ${ids.length} ports you missed` });
              setDrillRun((r) => r + 1);
              show("drill");
              writeUrl("drill", { cards: ids.join(",") });
            }}
          />
        );
      case "pbq":
        return <PbqMode />;
      case "stats":
        return (
          <StatsPanel
            onReview={(ids) => {
              setFocus(ids);
              setRun((r) => r + 1);
              show("quiz");
              writeUrl("quiz", { cards: ids.join(",") });
            }}
          />
        );
    }
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label="Practice modes"
        className="flex gap-1 overflow-x-auto border-b border-border"
        data-scroll-x
      >
        {MODES.map((m, i) => (
          <button
            key={m.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            role="tab"
            type="button"
            id={`tab-${m.id}`}
            aria-selected={mode === m.id}
            aria-controls={`panel-${m.id}`}
            tabIndex={mode === m.id ? 0 : -1}
            onClick={() => choose(m.id)}
            onKeyDown={(e) => onTabKey(e, i)}
            className="-mb-px min-h-12 shrink-0 border-b-4 border-transparent px-4 font-semibold whitespace-nowrap text-fg-muted hover:text-fg aria-selected:border-accent aria-selected:text-fg"
          >
            {m.label}
          </button>
        ))}
      </div>
      {/* A mode stays mounted once opened, so a tap on another tab never loses an exam. */}
      {MODES.filter((m) => m.id === mode || visited.has(m.id)).map((m) => (
        <div
          key={m.id}
          role="tabpanel"
          id={`panel-${m.id}`}
          aria-labelledby={`tab-${m.id}`}
          hidden={m.id !== mode}
          className="pt-6"
        >
          {loaded ? panel(m.id) : <ModeLoading />}
        </div>
      ))}
    </div>
  );
}
