"use client";

import type { World } from "@/lib/smtp";

/** What the lesson needs from the lab: type a line as if the learner had, and start over. */
export interface LabControls {
  typeLine(line: string): void;
  reset(): void;
}

/** Where the live lab goes; it loads lazily so the prose stays the page's largest paint. */
export function LabSlot(_props: {
  scenario: string;
  onReady: (world: World, controls: LabControls) => void;
}) {
  return (
    <div className="grid min-h-[28rem] place-items-center rounded-xl border border-border bg-bg-soft p-6 text-fg-muted">
      The lab loads here.
    </div>
  );
}
