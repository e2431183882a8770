"use client";

import Link from "@/components/ui/Link";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { clientOnly } from "@/components/ui/clientOnly";
import { LabPlaceholder, LazyLab as Lab, type LabStatus } from "@/components/lab/LazyLab";
import { usePresenter } from "@/components/ui/presenter/presenter-store";
import { usePresenterSteps } from "@/components/ui/presenter/usePresenterSteps";
import type { DemoStep } from "@/content/scenarios/schema";
import type { LabFrame } from "@/lib/shell/labFrame";
import { DEMO_PENDING_CLASS } from "@/lib/site/demo";
import { decodeMoment, encodeMoment, type DemoCatalog } from "@/lib/site/moment";
import { CopyLinkButton } from "./CopyLinkButton";
import { captionFor, demoReducer, initialDemoState, type DemoAction } from "./demoState";
import type { DemoDriverProps } from "./DemoDriver";

// The driver types steps through the lab's shell; it loads with the lab, not with the page.
const DemoDriver = clientOnly<DemoDriverProps>(() =>
  import("./DemoDriver").then((m) => m.DemoDriver),
);

export interface DemoScenario {
  id: string;
  title: string;
  steps: readonly DemoStep[];
  /** The lab's first frame for this scenario (see LazyLab). */
  frame: LabFrame;
}

const NONE: readonly string[] = [];
const BUTTON =
  "rounded-lg border border-border px-3 py-1.5 font-semibold hover:bg-bg-soft disabled:opacity-60";
const PRIMARY =
  "rounded-lg bg-accent px-3 py-1.5 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60";
/** Presenting, the room-sized type needs less padding around it. */
const COMPACT = BUTTON.replace("px-3 py-1.5", "px-2 py-0.5 text-sm");
const COMPACT_PRIMARY = PRIMARY.replace("px-3 py-1.5", "px-2 py-0.5 text-sm");

/**
 * /demo: a scenario's demo script, one step at a time, in the real lab; the URL holds the moment.
 *
 * The server renders the default moment (first scenario, step 0), so the page paints its caption
 * at once instead of waiting for JavaScript. After hydration the address is read and the view
 * remounts on the linked moment; until then a linked page keeps that frame hidden (see
 * DEMO_PENDING_CLASS), so nobody sees the wrong scenario flash by.
 */
export function DemoView({ scenarios }: { scenarios: readonly DemoScenario[] }) {
  // Read once after mount: from then on the page owns the moment and rewrites the address itself.
  const [search, setSearch] = useState<string | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSearch(window.location.search);
  }, []);
  return (
    <DemoBody
      key={search ?? ""}
      scenarios={scenarios}
      search={search ?? ""}
      live={search !== null}
    />
  );
}

function DemoBody({
  scenarios,
  search,
  live,
}: {
  scenarios: readonly DemoScenario[];
  search: string;
  /** False for the server render and hydration: show the frame, start nothing. */
  live: boolean;
}) {
  const catalog: DemoCatalog = useMemo(
    () => ({ scenarios: scenarios.map((s) => ({ id: s.id, steps: s.steps.length })) }),
    [scenarios],
  );
  // The link is read once; after that the page owns the moment and writes it back to the URL.
  const [opened] = useState(() => decodeMoment(new URLSearchParams(search), catalog));
  const byId = (id: string) => scenarios.find((s) => s.id === id) ?? scenarios[0]!;
  const [state, dispatch] = useReducer(
    (s: ReturnType<typeof initialDemoState>, a: DemoAction) =>
      demoReducer(s, a, byId(a.type === "load" ? a.scenario : s.scenario).steps.length),
    opened.moment,
    initialDemoState,
  );
  const scenario = byId(state.scenario);
  const total = scenario.steps.length;
  const [settled, setSettled] = useState<{ generation: number; step: number } | null>(null);
  // The simulation loads when the demo first needs it (a step, a typed line, a linked moment) or
  // the presenter first uses the lab; until then its first frame shows step 0 as it is.
  const needed = state.step > 0 || state.typed.length > 0 || opened.moment.typed.length > 0;
  const [started, setStarted] = useState(false);
  if (needed && !started) setStarted(true);
  const [lab, setLab] = useState<LabStatus>("frame");
  const onLabStatus = useCallback((s: LabStatus) => {
    setLab(s);
    if (s !== "frame") setStarted(true);
  }, []);
  const ready =
    (settled?.generation === state.generation && settled.step === state.step) || !started;

  // While presenting, the address and every link keep presenter mode on.
  const present = usePresenter((p) => p.on);
  const query = encodeMoment(state) + (present ? "&present=1" : "");
  useEffect(() => {
    if (!live) return;
    document.documentElement.classList.remove(DEMO_PENDING_CLASS);
    // A bare /demo already means the moment it opened on; it is left as it is until the moment
    // changes, because every change of address re-renders Next's router (about 6 ms of main
    // thread on a fast machine, four times that on a phone) in the middle of the page's load.
    if (!window.location.search && query === encodeMoment(opened.moment)) return;
    const url = `${window.location.pathname}?${query}`;
    if (url !== window.location.pathname + window.location.search)
      window.history.replaceState(window.history.state, "", url);
  }, [query, live, opened]);

  usePresenterSteps(
    { onNext: () => dispatch({ type: "next" }), onPrev: () => dispatch({ type: "prev" }) },
    { always: true },
  );

  const generation = state.generation;
  const onSettled = useCallback((step: number) => setSettled({ generation, step }), [generation]);
  const onTyped = useCallback((line: string) => dispatch({ type: "typed", line }), []);
  const caption = captionFor(state.step, scenario.steps);

  const typedNote = `Then ${state.typed.length} line${state.typed.length === 1 ? "" : "s"} typed by hand.`;
  const steppers = (
    <div
      className={`flex flex-wrap items-center ${present ? "max-w-[70%] shrink-0 gap-2" : "mt-2 gap-3"}`}
    >
      <button
        type="button"
        onClick={() => dispatch({ type: "prev" })}
        disabled={state.step === 0 && state.typed.length === 0}
        className={present ? COMPACT : BUTTON}
      >
        <span aria-hidden="true">← </span>Previous step
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: "next" })}
        disabled={state.step >= total}
        className={present ? COMPACT_PRIMARY : PRIMARY}
      >
        Next step<span aria-hidden="true"> →</span>
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: "restart" })}
        className={present ? COMPACT : BUTTON}
      >
        Restart
      </button>
      <CopyLinkButton query={query} className={present ? COMPACT : BUTTON} />
      <Link
        href={present ? "/class?present=1" : "/class"}
        className="font-medium text-accent underline underline-offset-2"
      >
        Class quiz
      </Link>
    </div>
  );

  return (
    <div data-demo-frame className="mx-auto max-w-[120rem] px-[16px] py-[10px]">
      {/* Presenting, the title, switcher and step buttons share one row and the caption sits
          under them on one line, so the diagram and the terminal's prompt fit the screen. */}
      <div
        className={
          present
            ? "mb-1 flex items-center gap-x-3"
            : "mb-2 flex flex-wrap items-end justify-between gap-x-4 gap-y-2"
        }
      >
        <div className={present ? "min-w-0 flex-1" : undefined}>
          <h1
            title={present ? scenario.title : undefined}
            className={
              present
                ? "truncate text-lg font-bold tracking-tight"
                : "text-2xl font-bold tracking-tight sm:text-3xl"
            }
          >
            <span className="presenter-hide text-fg-muted">Demo: </span>
            {scenario.title}
          </h1>
          <p className="presenter-hide mt-1 text-fg-muted">
            → and ← step through the scenario&rsquo;s script; click the terminal to type your own
            commands, then copy a link that reopens this exact moment.
          </p>
        </div>
        {present && steppers}
        <label
          className={
            present
              ? "flex shrink-0 items-center gap-2 text-sm font-medium"
              : "flex w-full items-center gap-2 font-medium sm:w-auto"
          }
        >
          <span className="presenter-hide">Scenario</span>
          <select
            aria-label="Scenario"
            value={state.scenario}
            onChange={(e) => dispatch({ type: "load", scenario: e.target.value })}
            className={
              present
                ? "max-w-[12rem] rounded-lg border border-border bg-bg px-2 py-0.5"
                : "w-full rounded-lg border border-border bg-bg px-3 py-1.5"
            }
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!opened.ok && state.generation === 0 && (
        <p role="alert" className="mb-4 rounded-lg border border-bad p-3 font-medium text-bad">
          {opened.error}
        </p>
      )}
      <section
        aria-label="Demo step"
        className={`rounded-xl border-2 border-accent bg-bg-soft px-4 ${present ? "mb-1 py-1" : "mb-2 py-2"}`}
      >
        <p
          aria-live="polite"
          data-testid="demo-caption"
          className={
            present
              ? "text-xl leading-snug font-semibold"
              : "text-xl leading-snug font-semibold sm:text-2xl"
          }
        >
          <span className="font-mono">{caption.position}</span>: {caption.text}
          {present && state.typed.length > 0 && (
            <span className="font-normal text-fg-muted"> {typedNote}</span>
          )}
        </p>
        {!present && state.typed.length > 0 && <p className="mt-2 text-fg-muted">{typedNote}</p>}
        {!present && steppers}
        <p role="status" className={`text-fg-muted empty:hidden ${present ? "" : "mt-2"}`}>
          {state.note ??
            (lab === "failed"
              ? "Waiting for the lab, which could not load."
              : ready
                ? ""
                : "Replaying…")}
        </p>
      </section>
      <div data-demo-ready={ready ? "true" : "false"} aria-busy={!ready}>
        {live ? (
          <Lab
            key={state.generation}
            scenario={state.scenario}
            frame={scenario.frame}
            start={started}
            onStatus={onLabStatus}
          >
            <DemoDriver
              steps={scenario.steps}
              step={state.step}
              replayTyped={state.generation === 0 ? opened.moment.typed : NONE}
              onTyped={onTyped}
              onSettled={onSettled}
            />
          </Lab>
        ) : (
          <LabPlaceholder />
        )}
      </div>
    </div>
  );
}
