"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Lab } from "@/components/lab/Lab";
import { useLabStore } from "@/components/lab/LabContext";
import type { World } from "@/lib/smtp";
import type { LabControls, LabSlotProps } from "./LabSlot";
import { useLiveChecks } from "./liveChecks";

/** Runs a line in the lab's shell, waiting briefly for the terminal if it is still loading. */
function runWhenReady(store: ReturnType<typeof useLabStore>, line: string, tries = 50): void {
  if (store.shell) store.shell.runLine(line);
  else if (tries > 0) setTimeout(() => runWhenReady(store, line, tries - 1), 100);
}

/** Inside the lab's context: hands the lesson the controls "show me" and "start over" need. */
function LabBridge({ onControls }: { onControls: (c: LabControls) => void }) {
  const store = useLabStore();
  useEffect(() => {
    onControls({
      typeLine: (line) => runWhenReady(store, line),
      reset: () => runWhenReady(store, "scenario reset"),
      session: () => (store.shell ? store.session : null),
    });
  }, [store, onControls]);
  return null;
}

/** The lesson's lab: the full lab (terminal, diagram, mailboxes, transcript) on the lesson's scenario. */
export default function LessonLab({ scenario, tasks, onChecks, onControls }: LabSlotProps) {
  const [world, setWorld] = useState<World | null>(null);
  const callbacks = useRef({ onChecks });
  useEffect(() => {
    callbacks.current = { onChecks };
  });
  const report = useCallback(
    (done: Record<string, boolean>, justDone: string | null) =>
      callbacks.current.onChecks(done, justDone),
    [],
  );
  // Tasks are checked only while the lab runs this lesson's scenario (the learner may load another).
  useLiveChecks(tasks, world?.scenario.id === scenario ? world : null, report);

  return (
    <section
      aria-labelledby="lesson-lab-heading"
      className="sm:rounded-xl sm:border sm:border-border sm:p-3"
    >
      <h2 id="lesson-lab-heading" className="mb-3 text-lg font-bold">
        Lab: <span className="font-mono text-base">{scenario}</span>
      </h2>
      <Lab scenario={scenario} onWorld={setWorld} headingLevel={3} layout="stacked">
        <LabBridge onControls={onControls} />
      </Lab>
    </section>
  );
}
