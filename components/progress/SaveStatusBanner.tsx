"use client";

import { useState, useSyncExternalStore } from "react";
import { getSaveStatus, subscribeSaveStatus, type SaveStatus } from "@/lib/progress/save-status";

const NONE: SaveStatus = { refused: [], newer: [] };

/** Downloads all progress as a JSON file; the stores and zod load only when asked. */
async function exportToFile(): Promise<void> {
  const { exportProgress } = await import("@/lib/progress/transfer");
  const blob = new Blob([exportProgress()], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `relay-lab-progress-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * Says so, politely and visibly, when progress is not being saved: the browser refused a write
 * (storage full or turned off), or the saved data comes from a newer Relay Lab that this
 * version must not overwrite. Nothing unsaved is ever presented as saved.
 */
export function SaveStatusBanner() {
  const status = useSyncExternalStore(subscribeSaveStatus, getSaveStatus, () => NONE);
  const [hidden, setHidden] = useState<SaveStatus | null>(null);
  const problem = status.newer.length > 0 ? "newer" : status.refused.length > 0 ? "refused" : null;
  const show = problem !== null && hidden !== status;

  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {show && (
        <div
          data-save-problem={problem}
          className="border-b-4 border-warn bg-bg-soft px-4 py-3 text-fg sm:px-6"
        >
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3">
            <p className="min-w-0 flex-1 basis-64">
              {problem === "newer" ? (
                <>
                  <strong>Relay Lab needs updating.</strong> This browser holds progress saved by a
                  newer version, so this one will not overwrite it, and nothing you do here is
                  saved. Reload to get the new version.
                </>
              ) : (
                <>
                  <strong>Your progress is not being saved.</strong> This browser refused to store
                  it (storage may be full or turned off). It is kept only until you close this tab;
                  export it to keep a copy.
                </>
              )}
            </p>
            {problem === "newer" ? (
              <button
                type="button"
                onClick={() => window.location.reload()}
                className="h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg"
              >
                Reload
              </button>
            ) : (
              <button
                type="button"
                onClick={() => void exportToFile()}
                className="h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg"
              >
                Export progress
              </button>
            )}
            <button
              type="button"
              onClick={() => setHidden(status)}
              className="h-12 rounded-xl border-2 border-border px-5 font-semibold"
            >
              Hide
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
