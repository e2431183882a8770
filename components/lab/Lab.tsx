"use client";

import {
  startTransition,
  useDeferredValue,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { EngineEvent, World } from "@/lib/smtp";
import { DataPauseHint } from "./DataPauseHint";
import { LabContext } from "./LabContext";
import { LabStore } from "./labStore";
import { Mailboxes } from "./Mailboxes";
import { CompactStrip, EventLog, NetworkDiagram, PlaybackControls } from "./NetworkDiagram";
import { LabWorkbench, labIds } from "./LabWorkbench";
import { Terminal } from "./Terminal";
import { TouchInput } from "./TouchInput";
import { Transcript } from "./Transcript";
import { usePlayer } from "./usePlayback";
import { NARROW, SECTION_INSET, diagramMaxFor, useBenchSize } from "./benchSize";
import { yieldToMain } from "@/components/ui/yieldToMain";
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
  /** Keys typed into the lab's first frame while this loaded (see LazyLab). */
  typed?: { keys: string; focus: boolean };
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
 * False on the lab's first render, true one task later. What sits below the workbench (out of view
 * as the lab opens) renders then, so the lab's first render, one main-thread task, is smaller.
 */
function useSecondTask(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void yieldToMain().then(() => {
      // A transition: React renders the panels in slices, yielding to the browser between them.
      if (live) startTransition(() => setReady(true));
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

/**
 * The lab: terminal, network diagram, mailboxes and transcript around one simulated world.
 * Reusable: lessons embed `<Lab scenario="isp-relay" onEvent={...} />`.
 */
export function Lab({ scenario, onWorld, onEvent, headingLevel = 2, children, typed }: LabProps) {
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

  const player = usePlayer(store);
  const panels = useSecondTask();
  const [benchRef, bench] = useBenchSize();
  const narrow = bench.w > 0 && bench.w < NARROW;
  const [diagramChoice, setDiagramChoice] = useState<boolean | null>(null);
  const showDiagram = diagramChoice ?? !narrow;
  const diagramMax = diagramMaxFor(bench.h);
  const ids = labIds(headingLevel);
  return (
    <LabContext.Provider value={store}>
      <LabWorkbench
        headingLevel={headingLevel}
        benchRef={benchRef}
        height={bench.h}
        networkBar={
          <>
            {showDiagram ? (
              <PlaybackControls player={player} />
            ) : (
              <CompactStrip world={world} here={store.session.host} player={player} />
            )}
            <button
              type="button"
              aria-expanded={showDiagram}
              aria-controls={`${ids}-diagram`}
              onClick={() => setDiagramChoice(!showDiagram)}
              className="ml-auto rounded-md border border-border px-2 py-0.5 text-sm font-medium hover:bg-bg-soft"
            >
              {showDiagram ? "Hide diagram" : "Show diagram"}
            </button>
          </>
        }
        network={
          <div id={`${ids}-diagram`} hidden={!showDiagram} className="mt-1">
            {showDiagram && (
              <NetworkDiagram
                world={world}
                here={store.session.host}
                player={player}
                maxHeight={diagramMax}
                initialWidth={bench.w > 0 ? bench.w - SECTION_INSET : 0}
                hostCount={world.hosts().length}
              />
            )}
          </div>
        }
        terminal={(heading) => (
          <>
            <Terminal
              fill
              typed={typed}
              heading={heading}
              actions={
                <>
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
                    className="rounded-md border border-border px-2.5 py-1 font-medium hover:bg-bg-soft aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
                  >
                    Input line &amp; buttons
                  </button>
                </>
              }
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
          </>
        )}
        happened={panels && <EventLog player={player} />}
        mailboxes={
          panels && <Mailboxes world={world} version={settled} headingLevel={headingLevel} />
        }
        transcript={panels && <Transcript world={world} version={settled} />}
      />
      <DataPauseHint />
      {children}
    </LabContext.Provider>
  );
}
