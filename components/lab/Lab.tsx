"use client";

import { useDeferredValue, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { EngineEvent, World } from "@/lib/smtp";
import { DataPauseHint } from "./DataPauseHint";
import { LabContext } from "./LabContext";
import { LabStore } from "./labStore";
import { Mailboxes } from "./Mailboxes";
import { NetworkDiagram } from "./NetworkDiagram";
import { Panel } from "./Panel";
import { Terminal } from "./Terminal";
import { TouchInput } from "./TouchInput";
import { Transcript } from "./Transcript";
import "./lab.css";

export interface LabProps {
  /** A scenario id from content/scenarios. */
  scenario: string;
  /** Called with each new world (first load, `scenario load`, `scenario reset`). */
  onWorld?: (world: World) => void;
  /** Called for every engine event, as it happens (lessons check tasks with this). */
  onEvent?: (event: EngineEvent, world: World) => void;
  /** 2 on /lab; 3 when embedded under a lesson's own h2. */
  headingLevel?: 2 | 3;
  /** Extra content rendered inside the lab's context (e.g. a lesson's task list using useLabWorld). */
  children?: React.ReactNode;
  /**
   * "auto" puts terminal and diagram side by side when the lab is wide enough; "stacked" keeps
   * one column (a lesson's narrower column, where the terminal needs the full width).
   */
  layout?: "auto" | "stacked";
}

function useCoarsePointer(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const m = window.matchMedia("(pointer: coarse)");
      m.addEventListener("change", cb);
      return () => m.removeEventListener("change", cb);
    },
    () => window.matchMedia("(pointer: coarse)").matches,
    () => false,
  );
}

/** Quick commands for the touch buttons, from the scenario's own hosts. */
function suggestions(world: World, host: string, inSession: boolean): string[] {
  if (inSession) return ["EHLO " + host, "QUIT", "RSET"];
  const relay = world.hosts().find((h) => h.role === "relay") ?? world.hosts().find((h) => h.mta);
  const domain = world
    .domains()
    .find((d) => !world.scenario.learner.address.endsWith("@" + d.domain));
  return [
    "help",
    ...(domain ? [`dig MX ${domain.domain}`] : []),
    ...(relay ? [`telnet ${relay.name} 25`] : []),
    "scenario",
  ];
}

/**
 * The lab: terminal, network diagram, mailboxes and transcript around one simulated world.
 * Reusable: lessons embed `<Lab scenario="isp-relay" onEvent={...} />`.
 */
export function Lab({
  scenario,
  onWorld,
  onEvent,
  headingLevel = 2,
  children,
  layout = "auto",
}: LabProps) {
  const [store] = useState(() => new LabStore(scenario));
  const version = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const world = store.world;
  // Mailboxes and transcript follow in a background render React can interrupt, so a burst of
  // events never blocks typing or the diagram.
  const settled = useDeferredValue(version);
  const coarse = useCoarsePointer();
  const [touchChoice, setTouchChoice] = useState<boolean | null>(null);
  const showTouch = touchChoice ?? coarse;
  const after = useRef<HTMLButtonElement>(null);
  const callbacks = useRef({ onWorld, onEvent });
  useEffect(() => {
    callbacks.current = { onWorld, onEvent };
  });

  useEffect(() => {
    store.load(scenario);
  }, [store, scenario]);

  useEffect(() => {
    callbacks.current.onWorld?.(store.world);
    const offWorld = store.onWorld((w) => callbacks.current.onWorld?.(w));
    const offEvent = store.onEvent((e, w) => callbacks.current.onEvent?.(e, w));
    return () => {
      offWorld();
      offEvent();
    };
  }, [store]);

  useEffect(() => {
    // A handle for the measurement script and for debugging in the console.
    // (No dispose on unmount: under Strict Mode effects re-run on the same store.)
    Object.assign(window, { __relayLab: store });
  }, [store]);

  const ids = `lab-${headingLevel}`;
  return (
    <LabContext.Provider value={store}>
      <div className="@container">
        <div
          className={
            layout === "auto"
              ? "grid gap-4 @5xl:grid-cols-[minmax(0,7fr)_minmax(0,6fr)]"
              : "grid gap-4"
          }
        >
          <Panel
            id={`${ids}-terminal`}
            title="Terminal"
            level={headingLevel}
            actions={
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <label className="flex cursor-pointer items-center gap-2">
                  <input
                    type="checkbox"
                    checked={store.session.explain}
                    onChange={(e) => store.setExplain(e.target.checked)}
                    className="size-4 accent-accent"
                  />
                  Explain replies
                </label>
                <button
                  ref={after}
                  type="button"
                  aria-pressed={showTouch}
                  onClick={() => setTouchChoice(!showTouch)}
                  className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-bg-soft aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
                >
                  Input line &amp; buttons
                </button>
              </div>
            }
          >
            <Terminal
              onReady={(t) => store.attachTerminal(t)}
              onEscape={() => after.current?.focus()}
            />
            {showTouch && (
              <TouchInput
                onLine={(line) => store.shell?.runLine(line)}
                onKeys={(data) => store.shell?.input(data)}
                suggestions={suggestions(
                  world,
                  store.session.host,
                  store.session.interaction !== null,
                )}
              />
            )}
          </Panel>
          <Panel id={`${ids}-network`} title="Network" level={headingLevel}>
            <NetworkDiagram store={store} world={world} here={store.session.host} />
          </Panel>
          <Panel id={`${ids}-mailboxes`} title="Mailboxes" level={headingLevel}>
            <Mailboxes world={world} version={settled} headingLevel={headingLevel} />
          </Panel>
          <Panel id={`${ids}-transcript`} title="Transcript" level={headingLevel}>
            <Transcript world={world} version={settled} />
          </Panel>
        </div>
      </div>
      <DataPauseHint />
      {children}
    </LabContext.Provider>
  );
}
