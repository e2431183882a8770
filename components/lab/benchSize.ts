"use client";

/**
 * The lab's workbench size (diagram above, terminal below), shared by the live lab (Lab.tsx) and
 * its first frame (LabFrameView.tsx) so both draw the same picture in the same box.
 */
import { useLayoutEffect, useRef, useState } from "react";

/** Below this width the diagram folds into a one-line strip above the terminal. */
export const NARROW = 640;
/** The workbench never gets shorter than this, however little room the window leaves. */
const MIN_BENCH = 420;
/** In a frame of its own (a lesson's column) the lab makes do with less before it scrolls. */
const MIN_BENCH_IN_FRAME = 300;
/** What a workbench section takes from its width: 12px padding and a 1px border each side. */
export const SECTION_INSET = 26;

/** The workbench's size if it started where `el` starts (see useBenchSize). */
function benchSizeAt(el: HTMLElement): { w: number; h: number } {
  const found = el.parentElement?.closest<HTMLElement>("[data-lab-frame]") ?? null;
  // A frame counts only while it scrolls on its own (a lesson's column on wide screens).
  const frame = found && getComputedStyle(found).overflowY !== "visible" ? found : null;
  const top = el.getBoundingClientRect().top;
  const room = frame
    ? frame.clientHeight - (top - frame.getBoundingClientRect().top + frame.scrollTop) - 8
    : window.innerHeight - (top + window.scrollY) - 12;
  const whole = (frame ? frame.clientHeight : window.innerHeight) - 12;
  // Too little room under what comes first: take the whole frame once scrolled to.
  const min = frame ? MIN_BENCH_IN_FRAME : MIN_BENCH;
  return { w: el.offsetWidth, h: Math.round(room >= min ? room : Math.max(min, whole)) };
}

/**
 * The size the workbench will have, read from the placeholder it replaces, which sits where the
 * workbench will (LabPlaceholder, marked `data-lab-placeholder`). The page's layout is settled
 * when the lab first renders, so this costs nothing, and the first commit has the real size: the
 * diagram is drawn once, instead of a second time in the same task once measured. Without one
 * placeholder (a client-side navigation, or several labs) the size is measured as it mounts.
 */
function sizeFromPlaceholder(): { w: number; h: number } {
  if (typeof document === "undefined") return { w: 0, h: 0 };
  const found = document.querySelectorAll<HTMLElement>("[data-lab-placeholder]");
  return found.length === 1 ? benchSizeAt(found[0]!) : { w: 0, h: 0 };
}

/**
 * The workbench's size: its width, and a height that fills the rest of its frame from where it
 * starts (the nearest `[data-lab-frame]`, such as a lesson's lab column, else the window), so the
 * diagram and the terminal's prompt are on screen together without scrolling.
 */
export function useBenchSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; h: number }>(sizeFromPlaceholder);
  const fromPlaceholder = useRef(size.w > 0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const found = el.parentElement?.closest<HTMLElement>("[data-lab-frame]") ?? null;
    const measure = () => {
      const { w, h } = benchSizeAt(el);
      setSize((old) => (old.w === w && old.h === h ? old : { w, h }));
    };
    // Without the placeholder's size, measured before the first paint, so the diagram is drawn
    // at the height it keeps. With it, the observer's first report (after the browser's own
    // layout, before that paint) checks it, instead of a layout forced in this task.
    if (!fromPlaceholder.current) measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (found) ro.observe(found);
    // What sits above the lab (a lesson's task list, the demo's caption) can fold, unfold or
    // wrap to another line; the workbench then starts elsewhere and is measured again.
    const stop = found ?? document.body;
    for (let a: HTMLElement | null = el; a && a !== stop; a = a.parentElement)
      for (let p = a.previousElementSibling; p; p = p.previousElementSibling) ro.observe(p);
    window.addEventListener("resize", measure);
    return () => {
      ro.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return [ref, size] as const;
}

/**
 * The diagram's height limit: up to 60% of the workbench (less its controls); the terminal flexes
 * into the rest, which still leaves it several lines.
 */
export const diagramMaxFor = (benchHeight: number) =>
  benchHeight > 0 ? Math.max(120, benchHeight * 0.62 - 60) : 320;
