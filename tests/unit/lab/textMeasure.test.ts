/**
 * The browser's text measure for the diagram: the canvas is asked with the diagram's own weights
 * and families, each string and style once.
 */
import { describe, expect, it } from "vitest";
import { canvasMeasure, KERNING_SLACK, WEIGHT } from "@/components/lab/textMeasure";

/** A canvas context stand-in: 1 unit per character per px, recording what it was asked. */
function fakeContext() {
  const asked: string[] = [];
  const fonts: string[] = [];
  const ctx = {
    _font: "",
    get font() {
      return this._font;
    },
    set font(f: string) {
      fonts.push(f);
      this._font = f;
    },
    measureText(text: string) {
      asked.push(`${this._font}|${text}`);
      return { width: text.length * parseFloat(this._font.split(" ")[1]!) };
    },
  };
  return { ctx, asked, fonts };
}

describe("canvasMeasure", () => {
  it("measures with the diagram's weight and family at the asked size", () => {
    const { ctx, asked } = fakeContext();
    const m = canvasMeasure(ctx, "system-ui, sans-serif", "ui-monospace, monospace");
    expect(m("abc", 14, { bold: true })).toBeCloseTo(42 + 14 * KERNING_SLACK);
    expect(m("abc", 12, { mono: true })).toBeCloseTo(36 + 12 * KERNING_SLACK);
    expect(asked).toEqual([
      `${WEIGHT.bold} 14px system-ui, sans-serif|abc`,
      `${WEIGHT.regular} 12px ui-monospace, monospace|abc`,
    ]);
  });

  it("asks the canvas once per string and style, and sets the font only when it changes", () => {
    const { ctx, asked, fonts } = fakeContext();
    const m = canvasMeasure(ctx, "sans-serif", "monospace");
    for (let i = 0; i < 3; i++) {
      m("mx.corp.example", 14, { bold: true });
      m("mail.isp.example", 14, { bold: true });
    }
    m("mx.corp.example", 14, {});
    expect(asked).toHaveLength(3);
    expect(fonts).toEqual([`${WEIGHT.bold} 14px sans-serif`, `${WEIGHT.regular} 14px sans-serif`]);
  });
});
