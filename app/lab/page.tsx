import type { Metadata } from "next";
import { Suspense } from "react";
import { LabPage, type ScenarioSummary } from "@/components/lab/LabPage";
import { scenarioFrame } from "@/lib/shell/labFrame";
import { SCENARIO_IDS, getScenario } from "@/lib/smtp";

export const metadata: Metadata = {
  title: "Lab",
  description:
    "A simulated mail network in your browser: type SMTP into a terminal, watch relays pass your message on, and read the Received: chain.",
};

const scenarios: ScenarioSummary[] = SCENARIO_IDS.flatMap((id) => {
  const s = getScenario(id);
  return s
    ? [
        {
          id: s.id,
          title: s.title,
          summary: s.summary,
          description: s.description,
          frame: scenarioFrame(id),
        },
      ]
    : [];
});

export default function LabRoute() {
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-3 sm:px-6">
      <div className="mb-1 flex flex-wrap items-baseline gap-x-4">
        <h1 className="text-2xl font-bold tracking-tight">Lab</h1>
        <p className="presenter-hide text-fg-muted">
          Pick a scenario, then send mail by hand. Everything runs in your browser; nothing leaves
          it.
        </p>
      </div>
      <Suspense fallback={<div className="h-[calc(100dvh-8rem)]" aria-hidden="true" />}>
        <LabPage scenarios={scenarios} />
      </Suspense>
    </div>
  );
}
