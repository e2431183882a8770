"use client";

import { useEffect } from "react";

/**
 * Loads saved progress after the first render, so server HTML and hydration agree. Imported lazily:
 * pages that show no progress do not pay for the stores and their schemas in first-load JS.
 */
export function ProgressHydrator() {
  useEffect(() => {
    void import("@/lib/progress/hydration").then(({ rehydrateAll }) => rehydrateAll());
  }, []);
  return null;
}
