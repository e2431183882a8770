"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { yieldToMain } from "@/components/ui/yieldToMain";
import type { Measure } from "@/lib/shell/diagramLayout";

/** The weights the diagram draws text with; the measure must use the same ones. */
export const WEIGHT = { bold: 600, regular: 400 } as const;

/**
 * SVG text and the canvas do not always apply the same kerning pairs: rendered widths came out
 * up to 0.09 em wider than measured ("YOU": 1 unit at 12). The measure allows that much.
 */
export const KERNING_SLACK = 0.1;

/** What a canvas 2D context offers for measuring (a fake one in unit tests). */
export interface TextMetricsSource {
  font: string;
  measureText(text: string): { width: number };
}

/**
 * A measure backed by a canvas context: the width of each string in each style, measured once
 * and cached (the layout asks for the same host names again on every recompute).
 */
export function canvasMeasure(ctx: TextMetricsSource, sans: string, mono: string): Measure {
  const cache = new Map<string, number>();
  let current = "";
  return (text, size, style) => {
    const font = `${style.bold ? WEIGHT.bold : WEIGHT.regular} ${size}px ${style.mono ? mono : sans}`;
    const key = `${font}\n${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      // The context normalises what it is given, so compare with what was last set, not ctx.font.
      if (font !== current) {
        ctx.font = font;
        current = font;
      }
      width = ctx.measureText(text).width + size * KERNING_SLACK;
      cache.set(key, width);
    }
    return width;
  };
}

/** The computed font family of `className` text placed under `parent`. */
function familyOf(parent: HTMLElement, className: string): string {
  const probe = document.createElement("span");
  probe.className = className;
  probe.hidden = true;
  parent.appendChild(probe);
  const family = getComputedStyle(probe).fontFamily;
  probe.remove();
  return family;
}

/** Canvas measures by the families they measure in ("sans\nmono"), made once each. */
const measures = new Map<string, Measure>();

/** The measure for these families, made now (fresh, when a font has since loaded) or cached. */
function measureFor(sans: string, mono: string, fresh = false): Measure | undefined {
  const key = `${sans}\n${mono}`;
  let m = fresh ? undefined : measures.get(key);
  if (m) return m;
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = document.createElement("canvas").getContext("2d");
  } catch {
    // no canvas here: the layout's estimate stays
  }
  if (!ctx) return undefined;
  m = canvasMeasure(ctx, sans, mono);
  measures.set(key, m);
  return m;
}

/** The measure for the page's own text, once prepareTextMeasure has run. */
let pageMeasure: Measure | undefined;

/**
 * Makes the measure for the page's text ahead of the diagram, in a task of its own while the
 * page's style is settled (reading a family then costs nothing), and measures one string in
 * each style, which makes the browser look its fonts up. The diagram's first render then lays
 * out with real widths, instead of laying out again, and redrawing, as it first commits.
 */
export function prepareTextMeasure(): void {
  if (typeof document === "undefined" || !document.body) return;
  pageMeasure = measureFor(
    getComputedStyle(document.body).fontFamily,
    familyOf(document.body, "font-mono"),
  );
  for (const bold of [false, true])
    for (const mono of [false, true]) pageMeasure?.("RELAY", 12, { bold, mono });
}

/**
 * prepareTextMeasure in a task of its own, apart from the script evaluated before it and the
 * render after it (together they made the longest task of /demo's load).
 */
export async function prepareTextMeasureApart(): Promise<void> {
  await yieldToMain();
  prepareTextMeasure();
  await yieldToMain();
}

/** The measure for the text under `el`: its family there and the one `font-mono` gives. */
function measureUnder(el: HTMLElement, fresh = false): Measure | undefined {
  return measureFor(getComputedStyle(el).fontFamily, familyOf(el, "font-mono"), fresh);
}

/**
 * The real text measure for the diagram under `ref`, measured on a canvas. It starts as the
 * page's measure (prepareTextMeasure), checked once the first frame has painted, when reading a
 * family costs nothing; without one it is made in a layout effect, before that frame. Undefined
 * where no canvas exists: the layout's estimate.
 */
export function useTextMeasure(ref: RefObject<HTMLElement | null>): Measure | undefined {
  const [measure, setMeasure] = useState<Measure | undefined>(() => pageMeasure);
  const prepared = useRef(measure !== undefined);
  const use = useCallback((m: Measure | undefined) => {
    // A measure is a function, so it is passed from an updater, never as the state itself.
    if (m) setMeasure(() => m);
  }, []);
  useLayoutEffect(() => {
    if (!prepared.current && ref.current) use(measureUnder(ref.current));
  }, [ref, use]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    if (prepared.current) use(measureUnder(el));
    // The page uses system fonts, which are ready now; a web font arriving later would change
    // the widths, so measure again once every font has loaded.
    if (document.fonts && document.fonts.status !== "loaded")
      void document.fonts.ready.then(() => {
        if (live) use(measureUnder(el, true));
      });
    return () => {
      live = false;
    };
  }, [ref, use]);
  return measure;
}
