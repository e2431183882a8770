import type { Metadata } from "next";
import { Suspense } from "react";
import { LabPage, type ScenarioSummary } from "@/components/lab/LabPage";
import { SCENARIO_IDS, getScenario } from "@/lib/smtp";

export const metadata: Metadata = {
  title: "Lab",
  description:
    "A simulated mail network in your browser: type SMTP into a terminal, watch relays pass your message on, and read the Received: chain.",
};

const scenarios: ScenarioSummary[] = SCENARIO_IDS.flatMap((id) => {
  const s = getScenario(id);
  return s ? [{ id: s.id, title: s.title, summary: s.summary, description: s.description }] : [];
});

export default function LabRoute() {
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Lab</h1>
      <p className="mt-2 mb-6 max-w-3xl text-lg text-fg-muted">
        Pick a scenario, then send mail by hand. Everything runs in your browser; nothing leaves it.
      </p>
      <Suspense fallback={<div className="min-h-[60rem]" aria-hidden="true" />}>
        <LabPage scenarios={scenarios} />
      </Suspense>
    </div>
  );
}
