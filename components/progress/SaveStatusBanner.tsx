"use client";

import { useState, useSyncExternalStore } from "react";
import { clientOnly } from "@/components/ui/clientOnly";
import { getSaveStatus, subscribeSaveStatus, type SaveStatus } from "@/lib/progress/save-status";
import type { SaveProblemProps } from "./SaveProblem";

const NONE: SaveStatus = { refused: [], newer: [] };

// The banner's words and buttons load only when there is a problem: every page carries the live
// region, few ever fill it.
const SaveProblem = clientOnly<SaveProblemProps>(() =>
  import("./SaveProblem").then((m) => m.SaveProblem),
);

/**
 * Says so, politely and visibly, when progress is not being saved: the browser refused a write
 * (storage full or turned off), or the saved data comes from a newer Relay Lab that this
 * version must not overwrite. Nothing unsaved is ever presented as saved.
 */
export function SaveStatusBanner() {
  const status = useSyncExternalStore(subscribeSaveStatus, getSaveStatus, () => NONE);
  const [hidden, setHidden] = useState<SaveStatus | null>(null);
  const problem = status.newer.length > 0 ? "newer" : status.refused.length > 0 ? "refused" : null;

  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {problem && hidden !== status && (
        <SaveProblem problem={problem} onHide={() => setHidden(status)} />
      )}
    </div>
  );
}
