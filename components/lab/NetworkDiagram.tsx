"use client";

import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { RuleSpec, World } from "@/lib/smtp";
import {
  badgeLabel,
  ruleFor,
  type Badge,
  type DiagramState,
  type SessionView,
} from "@/lib/shell/diagram";
import {
  fitText,
  layoutDiagram,
  pairKey,
  wrapNote,
  type DiagramLayout,
  type Pt,
  type Route,
} from "@/lib/shell/diagramLayout";
import { usePresenter } from "@/components/ui/presenter/presenter-store";
import {
  HostBoxes,
  HostStrip,
  NetworkBoxes,
  NetworkLabels,
  PictureBox,
  pictureScale,
} from "./DiagramPicture";
import { DiagramInspector, type InspectTarget } from "./DiagramInspector";
import { useTextMeasure } from "./textMeasure";
import { SPEEDS, usePlayerView, type Player } from "./usePlayback";

/** Base font of the diagram (viewBox units): room-sized in presenter mode. */
const FONT = 14;
const PRESENT_FONT = 22;

const path = (pts: readonly Pt[]) => pts.map((p, i) => `${i ? "L" : "M"}${p.x} ${p.y}`).join(" ");

/** The route from `from` to `to` (routes are stored one way per pair). */
function directed(route: Route, from: string): Pt[] {
  return route.a === from ? route.points : route.points.slice().reverse();
}

function Envelope({
  pts,
  ms,
  travelKey,
  size,
}: {
  pts: Pt[];
  ms: number;
  travelKey: number;
  size: number;
}) {
  const ref = useRef<SVGGElement>(null);
  const latest = useRef({ pts, ms });
  useEffect(() => {
    latest.current = { pts, ms };
  });
  useEffect(() => {
    const el = ref.current;
    const { pts: p, ms: d } = latest.current;
    if (!el || d <= 0 || typeof el.animate !== "function" || p.length < 2) return;
    const frames: Keyframe[] = p.map((q, i) => ({
      transform: `translate(${q.x}px, ${q.y}px)`,
      opacity: 1,
      offset: (i / (p.length - 1)) * 0.85,
    }));
    frames.push({
      transform: `translate(${p[p.length - 1]!.x}px, ${p[p.length - 1]!.y}px)`,
      opacity: 0,
      offset: 1,
    });
    // Runs to the end even if later events re-render the diagram; hidden when done.
    el.animate(frames, { duration: d, easing: "ease-in-out", fill: "forwards" });
  }, [travelKey]);
  const end = pts[pts.length - 1]!;
  const w = size * 2;
  const h = size * 1.35;
  return (
    <g
      ref={ref}
      style={{ transform: `translate(${end.x}px, ${end.y}px)`, opacity: 0 }}
      aria-hidden="true"
    >
      <rect
        x={-w / 2}
        y={-h / 2}
        width={w}
        height={h}
        rx={3}
        className="fill-accent stroke-bg"
        strokeWidth={2}
      />
      <path
        d={`M${-w / 2} ${-h / 2} L0 ${h * 0.1} L${w / 2} ${-h / 2}`}
        fill="none"
        className="stroke-accent-fg"
        strokeWidth={2}
      />
    </g>
  );
}

/** A padlock drawn in SVG (emoji fonts are not everywhere). */
function Lock({ x, y, size }: { x: number; y: number; size: number }) {
  const k = size / 14;
  return (
    <g transform={`translate(${x}, ${y}) scale(${k})`} aria-hidden="true">
      <path d="M-4 -1 V-4 A4 4 0 0 1 4 -4 V-1" fill="none" className="stroke-ok" strokeWidth={2} />
      <rect x={-6} y={-1} width={12} height={9} rx={1.5} className="fill-ok" />
    </g>
  );
}

/** One link: the newest session on a pair of hosts, its port label, badge and wall. */
interface LinkView {
  route: Route;
  session: SessionView;
  badge: Badge | null;
  wall: RuleSpec | null;
}

function linksOf(d: DiagramState, lay: DiagramLayout, world: World): LinkView[] {
  const newest = new Map<string, SessionView>();
  for (const s of d.sessions) {
    const key = pairKey(s.client, s.server);
    if (!lay.routes.has(key)) continue;
    const had = newest.get(key);
    if (!had || had.id < s.id) newest.set(key, s);
  }
  return [...newest.entries()].map(([key, session]) => {
    const route = lay.routes.get(key)!;
    // The badge of this session; or an earlier session's, until a later success fades it.
    const own = d.badges.findLast((b) => b.session === session.id);
    const earlier = d.badges.findLast((b) => pairKey(b.from, b.to) === key && !b.faded);
    const badge = own ?? (earlier ? { ...earlier, faded: true } : null);
    const refused = badge?.kind === "refused" && badge.session === session.id;
    const rule = refused
      ? ruleFor(world.rules(), world.hosts(), session.client, session.server, session.port)
      : null;
    return { route, session, badge, wall: rule && rule.action !== "allow" ? rule : null };
  });
}

function Link({ link, lay }: { link: LinkView; lay: DiagramLayout }) {
  const { route, session: s, badge, wall } = link;
  const pts = directed(route, s.client);
  const refused = badge?.kind === "refused" && badge.session === s.id;
  const size = lay.small;
  const text = `${s.port}${s.auth ? " AUTH" : ""}`;
  const lockW = s.tls ? size * 1.1 : 0;
  const pillW = Math.min(
    route.slotWidth,
    lay.measure(text, size, { mono: true, bold: true }) + lockW + size * 1.2,
  );
  const badgeText = badge
    ? fitText(badgeLabel(badge), route.slotWidth - size * 0.7, size, { bold: true }, lay.measure)
    : "";
  const badgeW = badge
    ? Math.min(route.slotWidth, lay.measure(badgeText, size, { bold: true }) + size * 1.2)
    : 0;
  const wallAt = route.a === s.server ? route.wallNearA : route.wallNearB;
  const markerId = `arrow-${route.key.replace(/[^a-z0-9]/gi, "-")}`;
  return (
    <g data-link={route.key} data-session={s.id} opacity={s.open || refused ? 1 : 0.55}>
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path
            d="M0 0 L10 5 L0 10 z"
            className={refused ? "fill-bad" : s.tls ? "fill-ok" : "fill-accent"}
          />
        </marker>
      </defs>
      <path
        d={path(pts)}
        fill="none"
        className={refused ? "stroke-bad" : s.tls ? "stroke-ok" : "stroke-accent"}
        strokeWidth={s.open ? size * 0.3 : size * 0.16}
        strokeDasharray={s.open ? undefined : `${size * 0.45} ${size * 0.45}`}
        markerEnd={`url(#${markerId})`}
      />
      <g data-pill="">
        <rect
          x={route.label.x - pillW / 2}
          y={route.label.y - lay.pillHeight / 2}
          width={pillW}
          height={lay.pillHeight}
          rx={lay.pillHeight / 2}
          className="fill-bg stroke-border"
        />
        {s.tls && (
          <Lock
            x={route.label.x - pillW / 2 + size * 0.9}
            y={route.label.y - size * 0.15}
            size={size}
          />
        )}
        <text
          x={route.label.x + lockW / 2}
          y={route.label.y + size * 0.36}
          textAnchor="middle"
          fontSize={size}
          data-label=""
          className="fill-fg font-mono font-semibold"
        >
          {text}
        </text>
      </g>
      {badge && (
        <g
          key={badge.session * 1000 + badge.code}
          className="lab-pop"
          data-badge={badge.faded ? "faded" : "current"}
          opacity={badge.faded ? 0.4 : 1}
        >
          <rect
            x={route.badge.x - badgeW / 2}
            y={route.badge.y - lay.pillHeight / 2}
            width={badgeW}
            height={lay.pillHeight}
            rx={size * 0.4}
            className="fill-bad"
          />
          <text
            x={route.badge.x}
            y={route.badge.y + size * 0.36}
            textAnchor="middle"
            fontSize={size}
            data-label=""
            className="fill-bg font-semibold"
          >
            {badgeText}
          </text>
        </g>
      )}
      {wall && (
        <rect
          data-wall={`${wall.action} ${s.port}`}
          x={wallAt.x - lay.wall.w / 2}
          y={wallAt.y - lay.wall.h / 2}
          width={lay.wall.w}
          height={lay.wall.h}
          rx={2}
          className="fill-bad stroke-bg"
          strokeWidth={1.5}
        >
          <title>{`Firewall ${wall.action}s port ${s.port}: ${wall.note ?? ""}`}</title>
        </rect>
      )}
    </g>
  );
}

function Flash({ d, lay }: { d: DiagramState; lay: DiagramLayout }) {
  const last = d.flashes[d.flashes.length - 1];
  if (!last) return null;
  const b = lay.hosts.get(last.host)?.box;
  if (!b) return null;
  const size = lay.small;
  const text = fitText(
    `${last.kind === "dns" ? "DNS " : ""}${last.text}`,
    lay.width - size * 1.5,
    size,
    { bold: true },
    lay.measure,
  );
  const w = lay.measure(text, size, { bold: true }) + size * 1.2;
  const cx = Math.min(Math.max(b.x + b.w / 2, w / 2), lay.width - w / 2);
  const tone =
    last.kind === "check"
      ? last.ok
        ? "fill-ok"
        : /none$/.test(last.text)
          ? "fill-fg"
          : "fill-bad"
      : last.kind === "delivered"
        ? "fill-ok"
        : last.kind === "bounced"
          ? "fill-bad"
          : last.kind === "deferred"
            ? "fill-warn"
            : "fill-fg";
  return (
    <g key={last.key} className="lab-pop" data-flash={last.kind}>
      <rect
        x={cx - w / 2}
        y={lay.flashY}
        width={w}
        height={lay.flashHeight}
        rx={size * 0.4}
        className={tone}
      />
      <text
        x={cx}
        y={lay.flashY + lay.flashHeight / 2 + size * 0.36}
        textAnchor="middle"
        fontSize={size}
        data-label=""
        className="fill-bg font-semibold"
      >
        {text}
      </text>
    </g>
  );
}

function WallNotes({ links, lay }: { links: LinkView[]; lay: DiagramLayout }) {
  const walls = links.filter((l) => l.wall);
  const last = walls[walls.length - 1];
  if (!last?.wall) return null;
  const { session: s, wall } = last;
  const size = lay.small;
  const lines = wrapNote(
    `▮ Wall: port ${s.port} from ${s.client} to ${s.server} is ${wall.action === "drop" ? "dropped" : "rejected"}. ${wall.note ?? ""}`,
    lay.width,
    size,
    Math.max(1, Math.round(lay.notes.h / (size * 1.3))),
    lay.measure,
  );
  return (
    <g data-wall-note="">
      {lines.map((l, i) => (
        <text
          key={i}
          x={0}
          y={lay.notes.y + size * 0.8 + i * size * 1.32}
          fontSize={size}
          data-label=""
          className="fill-bad"
        >
          {l}
        </text>
      ))}
    </g>
  );
}

interface Props {
  world: World;
  here: string;
  player: Player;
  /** The most height the picture may take (px); it scales down to fit it and the width. */
  maxHeight?: number;
  /** How many hosts the world has: hosts can join a running world (the bridge's "your
   * computer"), and the layout is made again when they do. */
  hostCount: number;
  /** The width the picture's frame will have, when the lab knows it ahead (0: measured). */
  initialWidth?: number;
}

/** The scenario's network as hand-drawn SVG, animated by the playback of the event log. */
export const NetworkDiagram = memo(function NetworkDiagram({
  world,
  here,
  player,
  maxHeight,
  hostCount,
  initialWidth = 0,
}: Props) {
  // Playback state is read here so its frequent updates re-render only the diagram.
  const view = usePlayerView(player);
  const present = usePresenter((p) => p.on);
  const zoom = usePresenter((p) => p.zoom);
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initialWidth);
  const [inspect, setInspect] = useState<InspectTarget | null>(null);
  const titleId = useId();
  const descId = useId();
  // Width and text measure are known before the first paint, so the picture is drawn once at its
  // real size and with the real font's widths. A width the lab passed in is checked by the
  // observer's first report, after the browser's own layout; without one it is read at once.
  const measure = useTextMeasure(wrap);
  const widthGiven = useRef(initialWidth > 0);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    if (!widthGiven.current) setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  // Lanes only for the pairs that have talked (a stable, sorted key, so the layout is recomputed
  // only when a new pair first connects): lanes nobody uses would cost the picture its height,
  // and a five-host scenario reserving all six of them drew its hosts at a third of their size.
  const talked = [...new Set(view.diagram.sessions.map((x) => pairKey(x.client, x.server)))]
    .sort()
    .join("\n");
  const lay = useMemo(
    () =>
      layoutDiagram(world.hosts(), world.networks(), {
        font: present ? PRESENT_FONT : FONT,
        smallRatio: present ? 1 : undefined,
        lanesFor: new Set(talked ? talked.split("\n") : []),
        measure,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hostCount: the world grew
    [world, present, hostCount, talked, measure],
  );
  const scale = pictureScale(lay, width, maxHeight, present, zoom);
  const d = view.diagram;
  const links = linksOf(d, lay, world);
  const travel = d.travel;
  const travelRoute = travel ? lay.routes.get(pairKey(travel.from, travel.to)) : undefined;
  const hosts = world.hosts();
  return (
    <div>
      <PictureBox
        wrapRef={wrap}
        wrapTestId="diagram-frame"
        lay={lay}
        scale={scale}
        svg={{
          "aria-labelledby": `${titleId} ${descId}`,
          "data-testid": "network-diagram",
          "data-scale": scale,
        }}
        over={
          <>
            {[...lay.hosts.values()].map((p) => (
              <button
                key={p.name}
                type="button"
                aria-label={`Inspect host ${p.name}`}
                aria-haspopup="dialog"
                onClick={() => setInspect({ kind: "host", name: p.name })}
                className="absolute rounded-lg focus-visible:outline-3 focus-visible:outline-focus"
                style={{
                  left: p.box.x * scale,
                  top: p.box.y * scale,
                  width: p.box.w * scale,
                  height: p.box.h * scale,
                }}
              />
            ))}
            {links.map((l) => (
              <button
                key={l.route.key}
                type="button"
                aria-label={`Inspect hop ${l.session.client} to ${l.session.server}, port ${l.session.port}`}
                aria-haspopup="dialog"
                onClick={() =>
                  setInspect({ kind: "hop", a: l.session.client, b: l.session.server })
                }
                className="absolute rounded-full focus-visible:outline-3 focus-visible:outline-focus"
                style={hopButton(l.route, lay, scale)}
              />
            ))}
          </>
        }
      >
        <title id={titleId}>Network diagram: {world.scenario.title}</title>
        <desc id={descId}>
          {hosts
            .map(
              (h) =>
                `${h.name} (${h.ip}, ${h.label}${h.ports.length ? `, listening on ${h.ports.join(", ")}` : ""})`,
            )
            .join("; ")}
          . You are on {here}. Each host and each link has a button to inspect it; the list of what
          happened tells it in order.
        </desc>
        <NetworkBoxes lay={lay} />
        {links.map((l) => (
          <Link key={l.route.key} link={l} lay={lay} />
        ))}
        <NetworkLabels lay={lay} />
        <HostBoxes lay={lay} here={here} delivered={d.delivered} />
        <Flash d={d} lay={lay} />
        <WallNotes links={links} lay={lay} />
        {travel && travelRoute && (
          <Envelope
            pts={directed(travelRoute, travel.from)}
            ms={view.reducedMotion ? 0 : view.travelMs}
            travelKey={travel.key}
            size={lay.small}
          />
        )}
      </PictureBox>
      {inspect && (
        <DiagramInspector world={world} target={inspect} onClose={() => setInspect(null)} />
      )}
    </div>
  );
});

/** The hop's button covers its label and its badge's slot. */
function hopButton(r: Route, lay: DiagramLayout, scale: number): React.CSSProperties {
  const x1 = Math.min(r.label.x, r.badge.x) - r.slotWidth / 2;
  const x2 = Math.max(r.label.x, r.badge.x) + r.slotWidth / 2;
  const y1 = Math.min(r.label.y, r.badge.y) - lay.pillHeight / 2;
  const y2 = Math.max(r.label.y, r.badge.y) + lay.pillHeight / 2;
  return { left: x1 * scale, top: y1 * scale, width: (x2 - x1) * scale, height: (y2 - y1) * scale };
}

/** The phone's view of the diagram (HostStrip), lit by the playback. */
export function CompactStrip({
  world,
  here,
  player,
}: {
  world: World;
  here: string;
  player: Player;
}) {
  const d = usePlayerView(player).diagram;
  const open = d.sessions.findLast((s) => s.open);
  const active = d.travel
    ? pairKey(d.travel.from, d.travel.to)
    : open
      ? pairKey(open.client, open.server)
      : null;
  return <HostStrip names={world.hosts().map((h) => h.name)} here={here} active={active} />;
}

const BUTTON =
  "rounded-md border border-border px-2 py-0.5 font-medium hover:bg-bg-soft disabled:opacity-60";

/**
 * Back, play/pause, step, skip and speed, with the playback status after them. Built to share one
 * row with the diagram's heading: the status gives way (cut short, whole for screen readers)
 * before the buttons wrap, so the header costs the terminal as little height as it can.
 */
export function PlaybackControls({ player }: { player: Player }) {
  const view = usePlayerView(player);
  const status =
    (view.backlog > 0
      ? `${view.backlog} event${view.backlog === 1 ? "" : "s"} to play`
      : "Up to date") + (view.reducedMotion ? " · reduced motion: no animation" : "");
  return (
    <div
      className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-sm"
      role="group"
      aria-label="Playback"
    >
      <button
        type="button"
        onClick={() => player.stepBack()}
        disabled={!view.canStepBack}
        className={BUTTON}
      >
        <span aria-hidden="true">◀ </span>Back
      </button>
      <button
        type="button"
        onClick={() => player.setPaused(!view.paused)}
        aria-pressed={view.paused}
        className={BUTTON}
      >
        {view.paused ? "Play" : "Pause"}
      </button>
      <button
        type="button"
        onClick={() => player.step()}
        disabled={view.backlog === 0}
        className={BUTTON}
      >
        Step<span aria-hidden="true"> ▶</span>
      </button>
      <button
        type="button"
        onClick={() => player.skip()}
        disabled={view.backlog === 0}
        className={BUTTON}
      >
        Skip to end
      </button>
      <label className="flex items-center gap-1.5">
        Speed
        <select
          value={view.speed}
          onChange={(e) => player.setSpeed(Number(e.target.value))}
          className="rounded-md border border-border bg-bg px-1.5 py-0.5"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="min-w-[5.5rem] flex-1 truncate text-fg-muted" title={status} aria-live="off">
        {status}
      </span>
    </div>
  );
}

/** The text alternative: what happened, in order. */
export function EventLog({ player }: { player: Player }) {
  const view = usePlayerView(player);
  const list = useRef<HTMLOListElement>(null);
  const catchingUp = view.backlog > 0 && !view.paused && view.backlog > 20;
  useEffect(() => {
    // Follow the newest entry, but not on every frame of a catch-up (reading the height forces
    // a layout).
    const el = list.current;
    if (el && !catchingUp) el.scrollTop = el.scrollHeight;
  }, [view.log, catchingUp]);
  const start = view.total - view.log.length + 1;
  return view.log.length === 0 ? (
    <p className="text-fg-muted">Nothing yet. Connect to a server or look up an MX record.</p>
  ) : (
    <ol
      ref={list}
      start={start}
      tabIndex={0}
      aria-label="Events in order"
      className="relative max-h-72 list-decimal space-y-1 overflow-y-auto py-1 pr-3 pl-10 text-sm"
    >
      {view.log.map((e) => (
        <li key={e.key}>{e.text}</li>
      ))}
    </ol>
  );
}
