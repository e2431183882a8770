"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { WORKER_THRESHOLD_CHARS } from "@/lib/headers/input";
import type { AnalyseOutcome } from "@/lib/headers/types";

const loadModel = () => import("@/lib/headers/read");
/** The results view is split out too; both are fetched while the page is idle. */
export const loadResults = () => import("./Results");

/**
 * Analyses text on the main thread when it is small and in a Web Worker when it is large. The
 * model is fetched once, when the page is idle, so pressing Analyse makes no network request.
 */
export function useAnalyser() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, (o: AnalyseOutcome) => void>());
  const nextId = useRef(1);

  const [ready, setReady] = useState(false);

  useEffect(() => {
    const warm = () =>
      void Promise.all([loadModel(), loadResults()]).then(
        () => setReady(true),
        () => undefined,
      );
    // Safari has no requestIdleCallback: a short timeout does the same job there.
    const hasIdle = typeof window.requestIdleCallback === "function";
    const idle = hasIdle ? window.requestIdleCallback(warm) : window.setTimeout(warm, 200);
    const jobs = pending.current;
    return () => {
      if (hasIdle) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
      worker.current?.terminate();
      worker.current = null;
      jobs.clear();
    };
  }, []);

  const inWorker = useCallback((text: string) => {
    if (!worker.current) {
      worker.current = new Worker(new URL("./analyse.worker.ts", import.meta.url), {
        type: "module",
      });
      worker.current.onmessage = (e: MessageEvent<{ id: number; outcome: AnalyseOutcome }>) => {
        pending.current.get(e.data.id)?.(e.data.outcome);
        pending.current.delete(e.data.id);
      };
    }
    const id = nextId.current++;
    const w = worker.current;
    return new Promise<AnalyseOutcome>((resolve) => {
      pending.current.set(id, resolve);
      w.onerror = () => {
        for (const done of pending.current.values())
          done({
            ok: false,
            error: "The analysis stopped unexpectedly. Try again, or paste fewer headers.",
          });
        pending.current.clear();
      };
      w.postMessage({ id, text });
    });
  }, []);

  const analyse = useCallback(
    async (text: string): Promise<AnalyseOutcome> => {
      if (text.length > WORKER_THRESHOLD_CHARS && typeof Worker !== "undefined")
        return inWorker(text);
      try {
        const { runAnalysis } = await loadModel();
        return await runAnalysis(text);
      } catch {
        return {
          ok: false,
          error: "The analyser could not be loaded. Check your connection and reload the page.",
        };
      }
    },
    [inWorker],
  );

  /** Stops a long analysis (the worker is replaced on the next run). */
  const cancel = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    for (const done of pending.current.values()) done({ ok: false, error: "Analysis cancelled." });
    pending.current.clear();
  }, []);

  return { analyse, cancel, ready };
}
