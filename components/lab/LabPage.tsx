"use client";

import Link from "@/components/ui/Link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { LabFrame } from "@/lib/shell/labFrame";
import type { World } from "@/lib/smtp";
import { BridgeStandIn } from "./BridgeIntro";
import { LazyBridgePanel } from "./LazyBridgePanel";
import { LazyLab as Lab } from "./LazyLab";

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  description: string;
  /** The lab's first frame, drawn until the learner first uses it. */
  frame: LabFrame;
}

interface Props {
  scenarios: readonly ScenarioSummary[];
}

/** /lab: the scenario picker above the lab, driven by ?scenario=ID. */
export function LabPage({ scenarios }: Props) {
  const params = useSearchParams();
  const router = useRouter();
  const asked = params.get("scenario");
  const current = scenarios.find((s) => s.id === asked) ?? scenarios[0]!;
  const unknown = asked !== null && !scenarios.some((s) => s.id === asked);

  // `scenario load` typed in the terminal keeps the address bar in step.
  const onWorld = useCallback(
    (w: World) => {
      if (w.scenario.id !== current.id)
        router.replace(`/lab?scenario=${encodeURIComponent(w.scenario.id)}`, { scroll: false });
    },
    [current.id, router],
  );

  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <nav aria-label="Scenarios" className="min-w-0 flex-1">
          <ul className="flex flex-wrap gap-1.5">
            {scenarios.map((s) => {
              const active = s.id === current.id;
              return (
                <li key={s.id}>
                  <Link
                    href={`/lab?scenario=${s.id}`}
                    scroll={false}
                    aria-current={active ? "page" : undefined}
                    title={s.title}
                    className={`block rounded-md border px-2 py-0.5 font-mono text-sm font-medium ${
                      active
                        ? "border-accent bg-accent text-accent-fg"
                        : "border-border hover:bg-bg-soft"
                    }`}
                  >
                    {s.id}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
      {unknown && (
        <p role="alert" className="mb-2 rounded-lg border border-bad p-2 text-bad">
          There is no scenario called &ldquo;{asked}&rdquo;; showing &ldquo;{current.title}&rdquo;
          instead.
        </p>
      )}
      <section aria-labelledby="scenario-title" className="mb-2">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h2 id="scenario-title" className="text-lg font-bold tracking-tight">
            {current.title}
          </h2>
          <p className="text-sm text-fg-muted">{current.summary}</p>
        </div>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-accent">
            The story, and its demo
          </summary>
          <p className="mt-1 max-w-4xl text-fg-muted">{current.description}</p>
          <p className="mt-1">
            <Link
              href={`/demo?scenario=${current.id}`}
              className="font-medium text-accent underline underline-offset-2"
            >
              Step through this scenario&rsquo;s demo
            </Link>
          </p>
        </details>
      </section>
      {/* A bridge asked for in the address connects on load, so the simulation must run. */}
      <Lab
        scenario={current.id}
        onWorld={onWorld}
        frame={current.frame}
        start={params.get("bridge") !== null}
        standIn={(start) => <BridgeStandIn onStart={start} />}
      >
        <LazyBridgePanel request={params.get("bridge")} />
      </Lab>
    </>
  );
}
