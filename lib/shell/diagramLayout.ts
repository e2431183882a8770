/**
 * Where everything in the network diagram goes, computed from the topology and the pairs of hosts
 * given lanes (so the picture moves only when a new far pair first talks): hosts in one row,
 * grouped in their networks; a route for every neighbouring pair and every pair given a lane; and
 * a reserved slot on each route for its port label and status badge.
 *
 * Neighbours in the row are joined by a straight line through the gap between them. Hosts further
 * apart are joined through a lane above (or below) the row, so a link never passes behind a host
 * it does not go through. Text widths come from a `measure` function: the browser passes one that
 * measures with the page's real font; without it (unit tests, server render) a generous estimate
 * from the font size stands in. The e2e tests check the rendered boxes.
 */

export interface Pt {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextItem {
  text: string;
  /** Left edge (anchor "start") or centre (anchor "middle"); y is the baseline. */
  x: number;
  y: number;
  size: number;
  bold: boolean;
  mono: boolean;
  anchor: "start" | "middle";
  /** The box the text may take. */
  box: Rect;
}

export interface HostPlace {
  name: string;
  /** The host's role (the spammer's box is drawn in red). */
  role: string;
  box: Rect;
  texts: TextItem[];
  /** Right of the third line: the "YOU" tag. Right of the second: the delivered count. */
  youSlot: Rect;
  mailSlot: Rect;
}

export interface NetworkPlace {
  id: string;
  kind: string;
  box: Rect;
  texts: TextItem[];
}

export interface Route {
  /** The pair's key: both host names, sorted, joined by " ". */
  key: string;
  a: string;
  b: string;
  /** From host a to host b. */
  points: Pt[];
  /** Centre of the port label, and of the status badge (below it in a gap, beside it in a lane). */
  label: Pt;
  badge: Pt;
  /** Room for a label or badge, centred on `label.x`. */
  slotWidth: number;
  /** Where a wall stands when the far end refuses: near a, and near b. */
  wallNearA: Pt;
  wallNearB: Pt;
  /** Walls cross the line: vertical bars on horizontal segments. */
  lane: "gap" | "above" | "below";
}

export interface DiagramLayout {
  font: number;
  /** The text measure the layout was made with (draw-time widths must use the same one). */
  measure: Measure;
  /** Small text: IPs, ports, labels, badges. */
  small: number;
  width: number;
  height: number;
  hosts: Map<string, HostPlace>;
  networks: NetworkPlace[];
  routes: Map<string, Route>;
  pillHeight: number;
  badgeDy: number;
  wall: { w: number; h: number };
  /** The row for the one flash (DNS answer, queued, delivered) under its host. */
  flashY: number;
  flashHeight: number;
  /** Two lines for the firewall notes at the bottom. */
  notes: Rect;
}

export interface LayoutHost {
  name: string;
  ip: string;
  role: string;
  network: string;
  ports: readonly number[];
}

export interface LayoutNetwork {
  id: string;
  name: string;
  cidr: string;
  kind: string;
}

export interface TextStyle {
  /** Semibold (600) when true, else regular (400). */
  bold?: boolean;
  mono?: boolean;
}

/** The advance width of `text` at font size `size` (viewBox units) in `style`. */
export type Measure = (text: string, size: number, style: TextStyle) => number;

/**
 * The estimate used where no real font can be measured: generous average advance widths, as a
 * fraction of the font size, that hold for wide fallbacks too (DejaVu Sans Bold averages about
 * 0.66 on host names, and more on capitals).
 */
export const textWidth: Measure = (text, size, style) => {
  const per = style.mono ? 0.62 : style.bold ? 0.7 : 0.63;
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2000 ? size * 1.05 : size * per;
  return w;
};

export interface LayoutOptions {
  /** Base font size (viewBox units). */
  font?: number;
  /** Small text as a share of `font` (1 in presenter mode, where every label is room-sized). */
  smallRatio?: number;
  /**
   * The non-neighbouring pairs (pairKey) that get a lane; all of them when absent. The diagram
   * lays out only the pairs that have talked, so lanes nobody uses cost the screen no height.
   */
  lanesFor?: ReadonlySet<string>;
  /** Text widths: the browser's real measure; the estimate `textWidth` by default. */
  measure?: Measure;
}

/** The longest port label ("🔒 587 AUTH") and badge ("✖ unknown host") the slots must hold. */
export const LONGEST_LABEL = "587 AUTH";
export const LONGEST_BADGE = "✖ timed out";

/** The widest text a host's tags hold ("YOU", "✉ 99"). */
const TAG_TEXT = "✉ 99";

export const ROLE_NAMES: Record<string, string> = {
  client: "PC",
  relay: "Relay",
  mx: "MX",
  spammer: "Spammer",
  server: "Server",
};

export const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Word-wraps `text` to lines no wider than `width` (a word wider than that gets its own line). */
function wrapWords(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, { bold }) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function textAt(
  measure: Measure,
  text: string,
  x: number,
  baseline: number,
  size: number,
  style: TextStyle & { anchor?: "start" | "middle" },
): TextItem {
  const w = measure(text, size, style);
  const anchor = style.anchor ?? "start";
  return {
    text,
    x,
    y: baseline,
    size,
    bold: !!style.bold,
    mono: !!style.mono,
    anchor,
    box: { x: anchor === "middle" ? x - w / 2 : x, y: baseline - size * 0.8, w, h: size * 1.05 },
  };
}

/**
 * Each host's shortest name that no other host shares, from its first label on: "pc" for
 * pc.home.example, but "mx.corp" and "mx.partner" when two hosts are both "mx". For the phone's
 * one-line strip, where whole names do not fit.
 */
export function shortHostNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const labels = name.split(".");
    let k = 1;
    const prefix = (n: string, len: number) => n.split(".").slice(0, len).join(".");
    while (
      k < labels.length &&
      names.some((other) => other !== name && prefix(other, k) === prefix(name, k))
    )
      k++;
    out.set(name, prefix(name, k));
  }
  return out;
}

export function hostLines(h: LayoutHost): [string, string, string] {
  const role = ROLE_NAMES[h.role] ?? h.role;
  return [h.name, h.ip, `${role} · ${h.ports.length ? `:${h.ports.join(" :")}` : "no SMTP"}`];
}

/**
 * Lays the diagram out at base font size `font` (viewBox units). Pure: the same topology, font
 * and measure always give the same picture.
 */
export function layoutDiagram(
  hosts: readonly LayoutHost[],
  networks: readonly LayoutNetwork[],
  { font = 14, smallRatio = 0.86, lanesFor, measure = textWidth }: LayoutOptions = {},
): DiagramLayout {
  const F = font;
  const s = Math.round(F * smallRatio * 10) / 10;
  // Presenter mode (every label room-sized) is tighter on air so the picture fits one screen.
  const compact = smallRatio >= 1;
  const P = F * (compact ? 0.45 : 0.6);
  const NP = F * 0.55;
  const lineGap = 0.32;
  const pillHeight = s * 1.6;
  const badgeDy = pillHeight + F * 0.25;
  const wall = { w: F * 0.45, h: pillHeight * 1.35 };
  const margin = F * (compact ? 0.3 : 0.4);
  /** From the host name's baseline to the IP's, and from one small line's to the next. */
  const nameStep = F * 0.35 + s * 1.05;
  const smallStep = s * (1 + lineGap);
  const slotWidth =
    Math.max(
      measure(LONGEST_LABEL, s, { mono: true, bold: true }) + s * 1.4,
      measure(LONGEST_BADGE, s, { bold: true }),
    ) +
    s * 0.8;
  // The gap between neighbouring hosts: the slot, a wall either side, and air.
  const gap = slotWidth + 2 * (wall.w + margin);

  const ordered = networks.map((net) => ({
    net,
    members: hosts.filter((h) => h.network === net.id),
  }));

  // Host boxes: as wide as their widest line.
  const hostSize = new Map<string, { w: number; h: number }>();
  const tagW = measure(TAG_TEXT, s, { bold: true }) + s * 0.6;
  for (const h of hosts) {
    const [name, ip, role] = hostLines(h);
    const w =
      Math.max(
        measure(name, F, { bold: true }),
        measure(ip, s, { mono: true }) + tagW + s * 0.5,
        measure(role, s, {}) + tagW + s * 0.5,
        F * 7,
      ) +
      2 * P;
    const hgt = P + F * 0.8 + nameStep + smallStep + s * 0.3 + P;
    hostSize.set(h.name, { w, h: hgt });
  }
  const hostH = Math.max(...[...hostSize.values()].map((v) => v.h), F * 4);

  // Network header: its name wrapped to the width of its hosts (at least 12 characters).
  const netInfo = ordered.map(({ net, members }) => {
    const hostsW =
      members.reduce((sum, m) => sum + hostSize.get(m.name)!.w, 0) +
      Math.max(0, members.length - 1) * gap;
    const cidrW = measure(net.cidr, s, { mono: true });
    const wrapAt = Math.max(hostsW, measure("x".repeat(12), s, { bold: true }), cidrW);
    const nameLines = wrapWords(net.name, wrapAt, s, true, measure);
    const textW = Math.max(cidrW, ...nameLines.map((l) => measure(l, s, { bold: true })));
    const headerH = NP + nameLines.length * s * (1 + lineGap) + s + NP * 0.8;
    return { net, members, hostsW, nameLines, contentW: Math.max(hostsW, textW), headerH };
  });
  const headerH = Math.max(...netInfo.map((n) => n.headerH), F * 2);

  // Lanes for non-neighbours, shortest spans first, above the row before below it.
  const order = hosts
    .slice()
    .sort(
      (p, q) =>
        networks.findIndex((n) => n.id === p.network) -
          networks.findIndex((n) => n.id === q.network) || hosts.indexOf(p) - hosts.indexOf(q),
    )
    .filter((h) => networks.some((n) => n.id === h.network));
  const far: Array<{ i: number; j: number; side: "above" | "below"; level: number }> = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < order.length; i++)
    for (let j = i + 2; j < order.length; j++)
      if (!lanesFor || lanesFor.has(pairKey(order[i]!.name, order[j]!.name))) pairs.push([i, j]);
  pairs.sort((p, q) => p[1] - p[0] - (q[1] - q[0]) || p[0] - q[0]);
  for (const [i, j] of pairs) {
    let placed = false;
    // Spans that cross each other on one side go to opposite sides; the cap is a safety net.
    for (let level = 0; !placed; level++) {
      for (const side of ["above", "below"] as const) {
        const fits =
          level > 2 * pairs.length ||
          far.every((o) => {
            if (o.side !== side) return true;
            const disjoint = o.j <= i || j <= o.i;
            if (o.level === level) return o.j < i || j < o.i;
            // A longer span goes round a shorter one (sharing an end is fine), never through it.
            const around = i <= o.i && o.j <= j;
            const within = o.i <= i && j <= o.j;
            return o.level < level ? disjoint || around : disjoint || within;
          });
        if (fits) {
          far.push({ i, j, side, level });
          placed = true;
          break;
        }
      }
    }
  }
  // In a lane the badge sits beside the label, so a lane is one label high.
  const laneH = pillHeight + margin * 2;
  const lanesAbove = Math.max(0, ...far.filter((f) => f.side === "above").map((f) => f.level + 1));
  const lanesBelow = Math.max(0, ...far.filter((f) => f.side === "below").map((f) => f.level + 1));

  // Place networks and hosts left to right.
  const top = lanesAbove * laneH + (lanesAbove ? margin : 0);
  const netH = headerH + hostH + NP;
  const hostY = top + headerH;
  const placedHosts = new Map<string, HostPlace>();
  const placedNets: NetworkPlace[] = [];
  // Each network starts clear of the one before it, and its first host at least a link gap
  // after the previous host, so every gap can hold a label, a badge and walls.
  let prevNetRight = -Infinity;
  let prevHostRight = -Infinity;
  for (const n of netInfo) {
    const boxW = n.contentW + 2 * NP;
    const inset = NP + (n.contentW - n.hostsW) / 2;
    const x = Math.max(0, prevNetRight + margin * 1.5, prevHostRight + gap - inset);
    const box = { x, y: top, w: boxW, h: netH };
    const texts: TextItem[] = [];
    let baseline = top + NP + s * 0.8;
    for (const line of n.nameLines) {
      texts.push(textAt(measure, line, x + NP, baseline, s, { bold: true }));
      baseline += s * (1 + lineGap);
    }
    texts.push(textAt(measure, n.net.cidr, x + NP, baseline, s, { mono: true }));
    placedNets.push({ id: n.net.id, kind: n.net.kind, box, texts });
    let hx = x + inset;
    for (const m of n.members) {
      const size = hostSize.get(m.name)!;
      const hb = { x: hx, y: hostY, w: size.w, h: hostH };
      const [name, ip, role] = hostLines(m);
      let by = hb.y + P + F * 0.8;
      const ht: TextItem[] = [textAt(measure, name, hb.x + P, by, F, { bold: true })];
      by += nameStep;
      ht.push(textAt(measure, ip, hb.x + P, by, s, { mono: true }));
      by += smallStep;
      ht.push(textAt(measure, role, hb.x + P, by, s, {}));
      const tag = (t: TextItem) => ({
        x: hb.x + hb.w - P * 0.6 - tagW,
        y: t.box.y - s * 0.12,
        w: tagW,
        h: s * 1.25,
      });
      placedHosts.set(m.name, {
        name: m.name,
        role: m.role,
        box: hb,
        texts: ht,
        mailSlot: tag(ht[1]!),
        youSlot: tag(ht[2]!),
      });
      prevHostRight = hx + size.w;
      hx += size.w + gap;
    }
    prevNetRight = x + boxW;
  }
  const width = prevNetRight;

  // Routes.
  const routes = new Map<string, Route>();
  const lineY = hostY + pillHeight / 2 + F * 0.4;
  for (let i = 0; i + 1 < order.length; i++) {
    const a = placedHosts.get(order[i]!.name)!;
    const b = placedHosts.get(order[i + 1]!.name)!;
    const x1 = a.box.x + a.box.w;
    const x2 = b.box.x;
    routes.set(pairKey(a.name, b.name), {
      key: pairKey(a.name, b.name),
      a: a.name,
      b: b.name,
      points: [
        { x: x1, y: lineY },
        { x: x2, y: lineY },
      ],
      label: { x: (x1 + x2) / 2, y: lineY },
      badge: { x: (x1 + x2) / 2, y: lineY + badgeDy },
      slotWidth,
      wallNearA: { x: x1 + margin * 0.4 + wall.w / 2, y: lineY },
      wallNearB: { x: x2 - margin * 0.4 - wall.w / 2, y: lineY },
      lane: "gap",
    });
  }
  // Where lanes leave a host: spread over its top (or bottom) edge; links going left on the
  // left, outer lanes outermost, so lanes never cross each other's labels.
  const ends = new Map<string, Array<{ f: (typeof far)[number]; left: boolean }>>();
  for (const f of far) {
    for (const [end, left] of [
      [f.i, false],
      [f.j, true],
    ] as const) {
      const key = `${order[end]!.name}|${f.side}`;
      const list = ends.get(key) ?? [];
      list.push({ f, left });
      ends.set(key, list);
    }
  }
  const endX = (hostIndex: number, f: (typeof far)[number]) => {
    const host = placedHosts.get(order[hostIndex]!.name)!;
    const list = ends.get(`${host.name}|${f.side}`)!;
    const sorted = [
      ...list.filter((e) => e.left).sort((p, q) => q.f.level - p.f.level),
      ...list.filter((e) => !e.left).sort((p, q) => p.f.level - q.f.level),
    ];
    const k = sorted.findIndex((e) => e.f === f);
    return host.box.x + (host.box.w * (k + 1)) / (sorted.length + 1);
  };
  const netBottom = top + netH;
  for (const f of far) {
    const a = placedHosts.get(order[f.i]!.name)!;
    const b = placedHosts.get(order[f.j]!.name)!;
    const xa = endX(f.i, f);
    const xb = endX(f.j, f);
    const y =
      f.side === "above"
        ? top - margin - f.level * laneH - laneH / 2
        : netBottom + margin + f.level * laneH + laneH / 2;
    const mid = (xa + xb) / 2;
    const half = slotWidth / 2 + margin / 2;
    const ya = f.side === "above" ? a.box.y : a.box.y + a.box.h;
    const yb = f.side === "above" ? b.box.y : b.box.y + b.box.h;
    routes.set(pairKey(a.name, b.name), {
      key: pairKey(a.name, b.name),
      a: a.name,
      b: b.name,
      points: [
        { x: xa, y: ya },
        { x: xa, y },
        { x: xb, y },
        { x: xb, y: yb },
      ],
      label: { x: mid - half, y },
      badge: { x: mid + half, y },
      slotWidth,
      wallNearA: { x: xa + margin * 2 + wall.w / 2, y },
      wallNearB: { x: xb - margin * 2 - wall.w / 2, y },
      lane: f.side,
    });
  }

  const flashHeight = s * 1.7;
  const flashY = netBottom + lanesBelow * laneH + margin + (lanesBelow ? margin : 0);
  const notes = {
    x: 0,
    y: flashY + flashHeight + margin,
    w: width,
    h: s * (1 + lineGap) * (compact ? 1 : 2),
  };
  return {
    font: F,
    measure,
    small: s,
    width,
    height: notes.y + notes.h + margin,
    hosts: placedHosts,
    networks: placedNets,
    routes,
    pillHeight,
    badgeDy,
    wall,
    flashY,
    flashHeight,
    notes,
  };
}

/** Cuts `text` with "…" so it fits `width` at this size. */
export function fitText(
  text: string,
  width: number,
  size: number,
  style: TextStyle = {},
  measure: Measure = textWidth,
): string {
  if (measure(text, size, style) <= width) return text;
  let out = text;
  while (out.length > 1 && measure(out + "…", size, style) > width) out = out.slice(0, -1);
  return out.trimEnd() + "…";
}

/** Wraps a note to at most `lines` lines of `width`, the last one cut with "…" if need be. */
export function wrapNote(
  text: string,
  width: number,
  size: number,
  lines = 2,
  measure: Measure = textWidth,
): string[] {
  const all = wrapWords(text, width, size, false, measure);
  if (all.length <= lines) return all;
  const kept = all.slice(0, lines);
  kept[lines - 1] = fitText(all.slice(lines - 1).join(" "), width, size, {}, measure);
  return kept;
}
