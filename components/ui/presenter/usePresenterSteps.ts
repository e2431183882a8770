"use client";

import { useEffect, useRef } from "react";
import { commandForKey } from "@/lib/site/presenter";
import { activates, ownsKeys } from "./keys";
import { usePresenter } from "./presenter-store";

export const PRESENTER_EVENT = "relaylab:presenter";
export type StepDetail = { command: "next" | "prev" | "pause" };

type Handlers = {
  onNext?: () => void;
  onPrev?: () => void;
  onPause?: () => void;
};

/**
 * Lets a demo or a class quiz follow the presenter's → ← and Space keys.
 * The handlers are read through a ref so callers need not memoise them.
 * With `always`, the same keys also work when presenter mode is off (the page then listens to
 * the keyboard itself, ignoring keys typed into fields, the terminal, or Space on a button).
 */
export function usePresenterSteps(handlers: Handlers, options: { always?: boolean } = {}): void {
  const ref = useRef(handlers);
  const on = usePresenter((s) => s.on);
  const own = options.always === true && !on;
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const run = (command: StepDetail["command"]) => {
      if (command === "next") ref.current.onNext?.();
      else if (command === "prev") ref.current.onPrev?.();
      else ref.current.onPause?.();
    };
    const listener = (e: Event) => run((e as CustomEvent<StepDetail>).detail.command);
    window.addEventListener(PRESENTER_EVENT, listener);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || ownsKeys(e.target)) return;
      const command = commandForKey(e.key);
      if (command !== "next" && command !== "prev" && command !== "pause") return;
      if (command === "pause" && activates(e.target)) return;
      e.preventDefault();
      run(command);
    };
    if (own) window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener(PRESENTER_EVENT, listener);
      window.removeEventListener("keydown", onKey);
    };
  }, [own]);
}
