import type { Metadata } from "next";
import { DemoView, type DemoScenario } from "@/components/presenter/DemoView";
import { DEMO_PENDING_CLASS } from "@/lib/site/demo";
import { scenarioFrame } from "@/lib/shell/labFrame";
import { SCENARIO_IDS, getScenario } from "@/lib/smtp";

export const metadata: Metadata = {
  title: "Step-through demo",
  description:
    "Each scenario's demo, one step at a time, with captions: for instructors showing SMTP relaying to a class. Links reproduce the exact moment.",
};

const scenarios: DemoScenario[] = SCENARIO_IDS.flatMap((id) => {
  const s = getScenario(id);
  return s ? [{ id: s.id, title: s.title, steps: s.demo, frame: scenarioFrame(id) }] : [];
});

// Runs before the server-rendered frame paints: a link to a moment hides the default frame until
// the page has read the link, so the wrong scenario never flashes by.
const HIDE_UNTIL_READ = `if(location.search.length>1)document.documentElement.classList.add(${JSON.stringify(
  DEMO_PENDING_CLASS,
)})`;

export default function DemoRoute() {
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: HIDE_UNTIL_READ }} />
      <DemoView scenarios={scenarios} />
    </>
  );
}
