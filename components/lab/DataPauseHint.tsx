"use client";

import { useEffect, useState } from "react";
import { dataPauseHint } from "@/lib/shell/hints";
import { stripAnsi } from "@/lib/shell/terminal";
import { useLabStore } from "./LabContext";

/** How long the learner must stop typing inside DATA before the hint appears. */
export const DATA_PAUSE_MS = 12_000;

/**
 * Times the pause the shell cannot (lib/shell has no timers): after a line typed inside DATA, if
 * no key is pressed for a while and the message still has no lone dot, the shell's hint is printed
 * above the line being typed, and read out to screen readers.
 */
export function DataPauseHint({ pauseMs = DATA_PAUSE_MS }: { pauseMs?: number }) {
  const store = useLabStore();
  const [said, setSaid] = useState("");
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let armed = false;
    const fire = () => {
      armed = false;
      const hint = dataPauseHint(store.session);
      if (!hint) return;
      store.shell?.aside(hint);
      setSaid(stripAnsi(hint).replace(/^\s*↳\s*/, ""));
    };
    const arm = () => {
      clearTimeout(timer);
      armed = dataPauseHint(store.session) !== null;
      if (armed) timer = setTimeout(fire, pauseMs);
    };
    const offLine = store.onLine(arm);
    // Any key restarts the countdown: a pause means the learner stopped typing.
    const onKey = () => {
      if (armed) arm();
    };
    document.addEventListener("keydown", onKey, true);
    return () => {
      clearTimeout(timer);
      offLine();
      document.removeEventListener("keydown", onKey, true);
    };
  }, [store, pauseMs]);
  return (
    <p className="sr-only" role="status" aria-live="polite">
      {said}
    </p>
  );
}
