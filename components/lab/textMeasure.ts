"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
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

/**
 * The real text measure for the diagram under `ref`: the family its text inherits there and the
 * one `font-mono` gives, measured on a canvas. Made in a layout effect, so the diagram's first painted
 * frame already uses it; undefined until then (and where no canvas exists: the layout's estimate).
 */
export function useTextMeasure(ref: RefObject<HTMLElement | null>): Measure | undefined {
  const [measure, setMeasure] = useState<Measure>();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    const make = () => {
      let ctx: CanvasRenderingContext2D | null = null;
      try {
        ctx = document.createElement("canvas").getContext("2d");
      } catch {
        // no canvas here: the estimate stays
      }
      if (!ctx || !live) return;
      const m = canvasMeasure(ctx, getComputedStyle(el).fontFamily, familyOf(el, "font-mono"));
      setMeasure(() => m);
    };
    make();
    // The page uses system fonts, which are ready now; a web font arriving later would change
    // the widths, so measure again once every font has loaded.
    if (document.fonts && document.fonts.status !== "loaded") void document.fonts.ready.then(make);
    return () => {
      live = false;
    };
  }, [ref]);
  return measure;
}
