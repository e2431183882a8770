/**
 * The diagram's layout over every scenario, with every link showing its longest label, its
 * longest badge and both walls at once: nothing overlaps a host or another label, nothing leaves
 * the picture, and no link passes through a host it does not join.
 */
import { describe, expect, it } from "vitest";
import { createWorld, SCENARIO_IDS } from "@/lib/smtp";
import {
  fitText,
  layoutDiagram,
  LONGEST_BADGE,
  LONGEST_LABEL,
  textWidth,
  wrapNote,
  type DiagramLayout,
  type Measure,
  type Rect,
  shortHostNames,
} from "@/lib/shell/diagramLayout";

/**
 * Measures unlike the estimate: the layout must hold with whatever widths the browser's font
 * gives, narrower (a condensed system font) or wider (a wide fallback) than the estimate.
 */
const perChar =
  (regular: number, bold: number, mono: number): Measure =>
  (text, size, style) =>
    [...text].length * size * (style.mono ? mono : style.bold ? bold : regular);
const MEASURES: Array<[string, Measure]> = [
  ["the estimate", textWidth],
  ["a narrow font", perChar(0.45, 0.5, 0.55)],
  ["a wide font", perChar(0.75, 0.85, 0.7)],
];

const overlaps = (p: Rect, q: Rect) =>
  p.x < q.x + q.w - 0.01 &&
  q.x < p.x + p.w - 0.01 &&
  p.y < q.y + q.h - 0.01 &&
  q.y < p.y + p.h - 0.01;
const inside = (p: Rect, q: Rect) =>
  p.x >= q.x - 0.01 &&
  p.y >= q.y - 0.01 &&
  p.x + p.w <= q.x + q.w + 0.01 &&
  p.y + p.h <= q.y + q.h + 0.01;

/** Every label a full diagram can show, named for the failure message. */
function labels(lay: DiagramLayout): Array<{ what: string; box: Rect; owner?: string }> {
  const out: Array<{ what: string; box: Rect; owner?: string }> = [];
  for (const n of lay.networks)
    for (const t of n.texts) out.push({ what: `net ${n.id} "${t.text}"`, box: t.box });
  for (const r of lay.routes.values()) {
    const pillW = lay.measure(LONGEST_LABEL, lay.small, { mono: true, bold: true });
    const badgeW = lay.measure(LONGEST_BADGE, lay.small, { bold: true });
    expect(pillW, `label slot of ${r.key}`).toBeLessThanOrEqual(r.slotWidth);
    expect(badgeW, `badge slot of ${r.key}`).toBeLessThanOrEqual(r.slotWidth);
    out.push({
      what: `label ${r.key}`,
      owner: r.key,
      box: {
        x: r.label.x - r.slotWidth / 2,
        y: r.label.y - lay.pillHeight / 2,
        w: r.slotWidth,
        h: lay.pillHeight,
      },
    });
    out.push({
      what: `badge ${r.key}`,
      owner: r.key,
      box: {
        x: r.badge.x - r.slotWidth / 2,
        y: r.badge.y - lay.pillHeight / 2,
        w: r.slotWidth,
        h: lay.pillHeight,
      },
    });
    for (const [end, p] of [
      ["a", r.wallNearA],
      ["b", r.wallNearB],
    ] as const)
      out.push({
        what: `wall ${end} ${r.key}`,
        owner: r.key,
        box: { x: p.x - lay.wall.w / 2, y: p.y - lay.wall.h / 2, w: lay.wall.w, h: lay.wall.h },
      });
  }
  return out;
}

function segmentHitsBox(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect) {
  // Axis-aligned segments only (the layout draws no others).
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return (
    x1 < r.x + r.w - 0.5 &&
    r.x + 0.5 < x2 + (x1 === x2 ? 1 : 0) &&
    y1 < r.y + r.h - 0.5 &&
    r.y + 0.5 < y2 + (y1 === y2 ? 1 : 0)
  );
}

describe.each(
  [
    [14, 0.86],
    [22, 1],
  ].flatMap(([font, ratio]) => MEASURES.map(([name, m]) => [font!, ratio!, name, m] as const)),
)("layout at font %i (small text %f of it), %s", (font, smallRatio, _name, measure) => {
  describe.each([...SCENARIO_IDS])("%s", (id) => {
    const world = createWorld(id);
    const lay = layoutDiagram(world.hosts(), world.networks(), { font, smallRatio, measure });
    const frame = { x: 0, y: 0, w: lay.width, h: lay.height };
    const hosts = [...lay.hosts.values()];

    it("has a route for every pair of hosts", () => {
      expect(lay.routes.size).toBe((hosts.length * (hosts.length - 1)) / 2);
    });

    it("keeps host text inside its box and boxes apart", () => {
      for (const h of hosts) {
        expect(inside(h.box, frame), h.name).toBe(true);
        for (const t of h.texts) expect(inside(t.box, h.box), `${h.name}: ${t.text}`).toBe(true);
        for (const slot of [h.youSlot, h.mailSlot]) {
          expect(inside(slot, h.box), `${h.name}: tag`).toBe(true);
          for (const t of h.texts)
            expect(overlaps(slot, t.box), `${h.name}: tag over ${t.text}`).toBe(false);
        }
        expect(overlaps(h.youSlot, h.mailSlot), `${h.name}: tags`).toBe(false);
        for (const o of hosts)
          if (o !== h) expect(overlaps(h.box, o.box), `${h.name} / ${o.name}`).toBe(false);
      }
    });

    it("no label overlaps a host box or another label, and none leaves the picture", () => {
      const all = labels(lay);
      for (const l of all) {
        expect(inside(l.box, frame), `${l.what} is clipped`).toBe(true);
        for (const h of hosts)
          expect(overlaps(l.box, h.box), `${l.what} over ${h.name}`).toBe(false);
      }
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const p = all[i]!;
          const q = all[j]!;
          // A route's own walls sit beside its own label by design; all else must be apart.
          if (
            p.owner &&
            p.owner === q.owner &&
            (p.what.startsWith("wall") || q.what.startsWith("wall"))
          )
            continue;
          expect(overlaps(p.box, q.box), `${p.what} over ${q.what}`).toBe(false);
        }
    });

    it("walls never cover their own route's label or badge", () => {
      const all = labels(lay);
      for (const w of all.filter((l) => l.what.startsWith("wall")))
        for (const l of all.filter((x) => x.owner === w.owner && !x.what.startsWith("wall")))
          expect(overlaps(w.box, l.box), `${w.what} over ${l.what}`).toBe(false);
    });

    it("a link passes behind no host it does not join", () => {
      for (const r of lay.routes.values())
        for (let k = 0; k + 1 < r.points.length; k++)
          for (const h of hosts) {
            if (h.name === r.a || h.name === r.b) continue;
            expect(
              segmentHitsBox(r.points[k]!, r.points[k + 1]!, h.box),
              `${r.key} through ${h.name}`,
            ).toBe(false);
          }
    });

    it("the flash row and the notes are below everything", () => {
      const bottom = Math.max(
        ...labels(lay).map((l) => l.box.y + l.box.h),
        ...hosts.map((h) => h.box.y + h.box.h),
      );
      expect(lay.flashY).toBeGreaterThanOrEqual(bottom);
      expect(lay.notes.y).toBeGreaterThanOrEqual(lay.flashY + lay.flashHeight);
      expect(lay.notes.y + lay.notes.h).toBeLessThanOrEqual(lay.height);
    });
  });
});

describe.each(
  [
    [14, 0.86],
    [22, 1],
  ].flatMap(([font, smallRatio]) => SCENARIO_IDS.map((id) => [font!, smallRatio!, id] as const)),
)(
  "layout at font %i (small %f) with lanes only for pairs that talked: %s",
  (font, smallRatio, id) => {
    const world = createWorld(id);
    const opts = { font, smallRatio };
    const all = layoutDiagram(world.hosts(), world.networks(), opts);
    const neighbours = [...all.routes.values()].filter((r) => r.lane === "gap").map((r) => r.key);
    const far = [...all.routes.values()].filter((r) => r.lane !== "gap").map((r) => r.key);

    it("lays out no lane when only neighbours talked, and is shorter for it", () => {
      const lay = layoutDiagram(world.hosts(), world.networks(), {
        ...opts,
        lanesFor: new Set(),
      });
      expect([...lay.routes.keys()].sort()).toEqual([...neighbours].sort());
      expect(lay.height).toBeLessThan(all.height);
    });

    it("gives every pair that talked its route, clear of hosts and other labels", () => {
      // The two hosts furthest apart, the pair a demo most often joins across the picture.
      const widest = far.at(-1)!;
      const lay = layoutDiagram(world.hosts(), world.networks(), {
        ...opts,
        lanesFor: new Set([widest]),
      });
      expect([...lay.routes.keys()].sort()).toEqual([...neighbours, widest].sort());
      const frame = { x: 0, y: 0, w: lay.width, h: lay.height };
      const hosts = [...lay.hosts.values()];
      const boxes = labels(lay);
      for (const l of boxes) {
        expect(inside(l.box, frame), `${l.what} is clipped`).toBe(true);
        for (const h of hosts)
          expect(overlaps(l.box, h.box), `${l.what} over ${h.name}`).toBe(false);
      }
      const route = lay.routes.get(widest)!;
      for (let k = 0; k + 1 < route.points.length; k++)
        for (const h of hosts)
          if (h.name !== route.a && h.name !== route.b)
            expect(segmentHitsBox(route.points[k]!, route.points[k + 1]!, h.box)).toBe(false);
    });
  },
);

describe("the layout follows its measure", () => {
  const world = createWorld("port-25-blocked");
  const hosts = world.hosts();
  const nets = world.networks();

  it("sizes host boxes from the measured widths, and keeps the measure for drawing", () => {
    const narrow = MEASURES[1]![1];
    const wide = MEASURES[2]![1];
    const a = layoutDiagram(hosts, nets, { measure: narrow });
    const b = layoutDiagram(hosts, nets, { measure: wide });
    expect(a.measure).toBe(narrow);
    expect(b.width).toBeGreaterThan(a.width);
    // The longest host name decides its box when the font is wide.
    const longest = hosts.reduce((p, q) => (q.name.length > p.name.length ? q : p));
    const box = b.hosts.get(longest.name)!.box;
    expect(box.w).toBeGreaterThanOrEqual(wide(longest.name, b.font, { bold: true }));
  });

  it("cuts and wraps text with the measure it is given", () => {
    const wide = MEASURES[2]![1];
    const text = "port 25 is dropped by the ISP";
    const width = 100;
    const cut = fitText(text, width, 10, {}, wide);
    expect(cut.endsWith("…")).toBe(true);
    expect(wide(cut, 10, {})).toBeLessThanOrEqual(width);
    expect(fitText(text, width, 10, {}, () => 1)).toBe(text);
    const lines = wrapNote(text, width, 10, 2, wide);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(wide(l, 10, {})).toBeLessThanOrEqual(width);
  });
});

describe("shortHostNames", () => {
  it("keeps the first label where it is unique, and adds labels until it is", () => {
    const short = shortHostNames([
      "ws.corp.example",
      "mx.corp.example",
      "mx.partner.example",
      "bulk.spammer.example",
    ]);
    expect([...short.values()]).toEqual(["ws", "mx.corp", "mx.partner", "bulk"]);
  });

  it("gives a whole name when one name is a prefix of another's labels", () => {
    const short = shortHostNames(["mx.example", "mx.example.net"]);
    expect(short.get("mx.example")).toBe("mx.example");
    expect(short.get("mx.example.net")).toBe("mx.example.net");
  });
});
