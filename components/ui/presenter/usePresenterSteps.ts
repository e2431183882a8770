"use client";

import { useEffect, useRef } from "react";

export const PRESENTER_EVENT = "relaylab:presenter";
export type StepDetail = { command: "next" | "prev" | "pause" };

/**
 * Lets a demo or a class quiz follow the presenter's → ← and Space keys.
 * The handlers are read through a ref so callers need not memoise them.
 */
export function usePresenterSteps(handlers: {
  onNext?: () => void;
  onPrev?: () => void;
  onPause?: () => void;
}): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const listener = (e: Event) => {
      const { command } = (e as CustomEvent<StepDetail>).detail;
      if (command === "next") ref.current.onNext?.();
      else if (command === "prev") ref.current.onPrev?.();
      else ref.current.onPause?.();
    };
    window.addEventListener(PRESENTER_EVENT, listener);
    return () => window.removeEventListener(PRESENTER_EVENT, listener);
  }, []);
}
