"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Terminal, type TerminalHandle } from "@/components/lab/Terminal";
import { TouchInput } from "@/components/lab/TouchInput";
import { banner, createLabSession, type LabSession } from "@/lib/shell/lab";
import { Shell } from "@/lib/shell/shell";
import { createWorld, type World } from "@/lib/smtp";
import type { LabSlotProps } from "./LabSlot";
import { useLiveChecks } from "./liveChecks";

function freshWorld(scenario: string): World | string {
  const w = createWorld(scenario);
  return w.ok ? w : w.error;
}

/** The lesson's lab: a terminal running the lab shell against the lesson's scenario. */
export default function LessonLab({ scenario, tasks, onChecks, onControls }: LabSlotProps) {
  const [session] = useState<LabSession | string>(() => {
    const w = freshWorld(scenario);
    return typeof w === "string" ? w : createLabSession(w);
  });
  const shell = useRef<Shell | null>(null);
  const callbacks = useRef({ onChecks, onControls });
  useEffect(() => {
    callbacks.current = { onChecks, onControls };
  });
  const [world, setWorld] = useState<World | null>(() =>
    typeof session === "string" ? null : session.world,
  );
  useEffect(() => {
    if (typeof session === "string") return;
    return session.onWorldChange(setWorld);
  }, [session]);
  const report = useCallback(
    (done: Record<string, boolean>, justDone: string | null) =>
      callbacks.current.onChecks(done, justDone),
    [],
  );
  // Tasks are checked only while the lab runs this lesson's scenario (the learner may load another).
  useLiveChecks(tasks, world?.scenario.id === scenario ? world : null, report);

  if (typeof session === "string") {
    return (
      <p role="alert" className="rounded-xl border border-bad p-4 text-bad">
        The lab could not start: {session}
      </p>
    );
  }

  function onReady(handle: TerminalHandle) {
    if (typeof session === "string") return;
    const sh = new Shell(handle.port, session, handle.cols);
    handle.onResize((cols) => sh.resize(cols));
    sh.start(banner(session.world));
    shell.current = sh;
    callbacks.current.onControls({
      typeLine: (line) => sh.runLine(line),
      reset: () => {
        const w = freshWorld(scenario);
        if (typeof w === "string") return;
        session.setWorld(w, { host: w.scenario.learner.host, user: w.scenario.learner.user });
        handle.port.reset();
        sh.start(banner(w));
      },
    });
  }

  return (
    <div className="rounded-xl border border-border p-3">
      <h2 className="mb-2 text-lg font-bold">Lab</h2>
      <Terminal onReady={onReady} label={`Lab terminal (${scenario})`} />
      <TouchInput
        onLine={(line) => shell.current?.runLine(line)}
        onKeys={(data) => shell.current?.input(data)}
        suggestions={["help", "scenario"]}
      />
    </div>
  );
}
