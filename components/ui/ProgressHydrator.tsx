"use client";

import { useEffect } from "react";
import { yieldToMain } from "./yieldToMain";

/**
 * Loads saved progress after the first render, so server HTML and hydration agree. Imported lazily:
 * pages that show no progress do not pay for the stores and their schemas in first-load JS.
 */
export function ProgressHydrator() {
  useEffect(() => {
    // In a task of its own: fetching a chunk appends a script element, which is not free, and
    // hydration's effects all run in one task.
    void yieldToMain()
      .then(() => import("@/lib/progress/hydration"))
      .then(({ rehydrateAll }) => rehydrateAll());
  }, []);
  return null;
}
