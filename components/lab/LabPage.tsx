"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { World } from "@/lib/smtp";
import { LazyBridgePanel } from "./LazyBridgePanel";
import { LazyLab as Lab } from "./LazyLab";

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  description: string;
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
      <nav aria-label="Scenarios" className="mb-6">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {scenarios.map((s) => {
            const active = s.id === current.id;
            return (
              <li key={s.id}>
                <Link
                  href={`/lab?scenario=${s.id}`}
                  scroll={false}
                  aria-current={active ? "page" : undefined}
                  className={`block h-full rounded-lg border p-3 ${
                    active
                      ? "border-accent bg-bg-soft ring-2 ring-accent"
                      : "border-border hover:bg-bg-soft"
                  }`}
                >
                  <span className="block font-semibold">{s.title}</span>
                  <span className="mt-1 block text-sm text-fg-muted">{s.summary}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {unknown && (
        <p role="alert" className="mb-4 rounded-lg border border-bad p-3 text-bad">
          There is no scenario called &ldquo;{asked}&rdquo;; showing &ldquo;{current.title}&rdquo;
          instead.
        </p>
      )}
      <section aria-labelledby="scenario-title" className="mb-6 max-w-4xl">
        <h2 id="scenario-title" className="text-2xl font-bold tracking-tight">
          {current.title}
        </h2>
        <p className="mt-2 text-fg-muted">{current.description}</p>
        <p className="mt-2">
          <Link
            href={`/demo?scenario=${current.id}`}
            className="font-medium text-accent underline underline-offset-2"
          >
            Step through this scenario&rsquo;s demo
          </Link>
        </p>
      </section>
      <Lab scenario={current.id} onWorld={onWorld}>
        <LazyBridgePanel request={params.get("bridge")} />
      </Lab>
    </>
  );
}
