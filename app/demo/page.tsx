import type { Metadata } from "next";
import { Suspense } from "react";
import { DemoView, type DemoScenario } from "@/components/presenter/DemoView";
import { SCENARIO_IDS, getScenario } from "@/lib/smtp";

export const metadata: Metadata = {
  title: "Step-through demo",
  description:
    "Each scenario's demo, one step at a time, with captions: for instructors showing SMTP relaying to a class. Links reproduce the exact moment.",
};

const scenarios: DemoScenario[] = SCENARIO_IDS.flatMap((id) => {
  const s = getScenario(id);
  return s ? [{ id: s.id, title: s.title, steps: s.demo }] : [];
});

export default function DemoRoute() {
  return (
    <Suspense fallback={<div className="min-h-[60rem]" aria-hidden="true" />}>
      <DemoView scenarios={scenarios} />
    </Suspense>
  );
}
