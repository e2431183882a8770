"use client";

import { useEffect } from "react";
import { rehydrateAll } from "@/lib/progress";

/** Loads saved progress after the first render, so server HTML and hydration agree. */
export function ProgressHydrator() {
  useEffect(() => {
    void rehydrateAll();
  }, []);
  return null;
}
