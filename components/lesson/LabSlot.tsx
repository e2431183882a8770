"use client";

import dynamic from "next/dynamic";
import type { World } from "@/lib/smtp";

/** What the lesson needs from the lab: type a line as if the learner had, and start over. */
export interface LabControls {
  typeLine(line: string): void;
  reset(): void;
}

export interface LabSlotProps {
  scenario: string;
  /** The world the lab is running now (it changes on reset or when the learner loads a scenario). */
  onWorld: (world: World) => void;
  onControls: (controls: LabControls) => void;
}

/** The reserved box the lab appears in, so nothing below it shifts while it loads. */
function Placeholder() {
  return (
    <div className="grid h-[28rem] place-items-center rounded-xl border border-border bg-bg-soft font-mono text-sm text-fg-muted sm:h-[32rem]">
      Loading the lab…
    </div>
  );
}

/**
 * Where the live lab goes. The engine, shell and terminal load as a separate chunk after the page
 * has painted, so the prose stays the largest paint and pages without a lab never load them.
 */
export const LabSlot = dynamic<LabSlotProps>(() => import("./LessonLab"), {
  ssr: false,
  loading: Placeholder,
});
