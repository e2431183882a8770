"use client";

import { memo, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { HostInfo, NetworkInfo, World } from "@/lib/smtp";
import type { DiagramState, Travel } from "@/lib/shell/diagram";
import type { LabStore } from "./labStore";
import { SPEEDS, usePlayback, type PlaybackView } from "./usePlayback";

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Layout {
  width: number;
  height: number;
  networks: Array<{ net: NetworkInfo; box: Box }>;
  hosts: Map<string, { host: HostInfo; box: Box }>;
}

const HOST_W = 210;
const HOST_H = 104;
const PAD = 14;
const HEAD = 44;

/** Networks side by side when wide, stacked when narrow; hosts stacked inside their network. */
function layout(world: World, narrow: boolean): Layout {
  const nets = world.networks();
  const hosts = world.hosts();
  const byNet = nets.map((net) => ({ net, hosts: hosts.filter((h) => h.network === net.id) }));
  const networks: Layout["networks"] = [];
  const placed: Layout["hosts"] = new Map();
  const gap = narrow ? 16 : 36;
  let x = 0;
  let y = 0;
  let width = 0;
  let height = 0;
  for (const { net, hosts: hs } of byNet) {
    const w = HOST_W + PAD * 2;
    const h = HEAD + Math.max(1, hs.length) * (HOST_H + PAD);
    const box = { x, y, w, h };
    networks.push({ net, box });
    hs.forEach((host, i) => {
      placed.set(host.name, {
        host,
        box: { x: x + PAD, y: y + HEAD + i * (HOST_H + PAD), w: HOST_W, h: HOST_H },
      });
    });
    width = Math.max(width, x + w);
    height = Math.max(height, y + h);
    if (narrow) y += h + gap;
    else x += w + gap;
  }
  return { width, height, networks, hosts: placed };
}

const center = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

const ROLE: Record<HostInfo["role"], string> = {
  client: "PC",
  relay: "Relay",
  mx: "MX",
  spammer: "Spammer",
  server: "Server",
};

function Envelope({ travel, from, to, ms }: { travel: Travel; from: Box; to: Box; ms: number }) {
  const ref = useRef<SVGGElement>(null);
  const a = center(from);
  const b = center(to);
  const path = useRef({ a, b, ms });
  useEffect(() => {
    path.current = { a, b, ms };
  });
  useEffect(() => {
    const el = ref.current;
    const { a: p, b: q, ms: d } = path.current;
    if (!el || d <= 0 || typeof el.animate !== "function") return;
    // Runs to the end even if later events re-render the diagram; hidden when done.
    el.animate(
      [
        { transform: `translate(${p.x}px, ${p.y}px)`, opacity: 1 },
        { transform: `translate(${q.x}px, ${q.y}px)`, opacity: 1, offset: 0.8 },
        { transform: `translate(${q.x}px, ${q.y}px)`, opacity: 0 },
      ],
      { duration: d, easing: "ease-in-out", fill: "forwards" },
    );
  }, [travel.key]);
  return (
    <g
      ref={ref}
      style={{ transform: `translate(${b.x}px, ${b.y}px)`, opacity: 0 }}
      aria-hidden="true"
    >
      <rect
        x={-15}
        y={-10}
        width={30}
        height={20}
        rx={3}
        className="fill-accent stroke-bg"
        strokeWidth={2}
      />
      <path d="M-15 -10 L0 2 L15 -10" fill="none" className="stroke-accent-fg" strokeWidth={2} />
    </g>
  );
}

/** A padlock drawn in SVG (emoji fonts are not everywhere). */
function Lock({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x}, ${y})`} aria-hidden="true">
      <path d="M-4 -1 V-4 A4 4 0 0 1 4 -4 V-1" fill="none" className="stroke-ok" strokeWidth={2} />
      <rect x={-6} y={-1} width={12} height={9} rx={1.5} className="fill-ok" />
    </g>
  );
}

function HostNode({
  host,
  box,
  here,
  delivered,
}: {
  host: HostInfo;
  box: Box;
  here: boolean;
  delivered: number;
}) {
  const spam = host.role === "spammer";
  return (
    <g>
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={10}
        className={`fill-bg ${here ? "stroke-accent" : spam ? "stroke-bad" : "stroke-border"}`}
        strokeWidth={here ? 3.5 : 1.5}
      />
      <text x={box.x + 12} y={box.y + 24} className="fill-fg text-[15px] font-semibold">
        {host.name}
      </text>
      <text x={box.x + 12} y={box.y + 44} className="fill-fg-muted font-mono text-[13px]">
        {host.ip}
      </text>
      <text
        x={box.x + 12}
        y={box.y + 64}
        className={`${spam ? "fill-bad" : "fill-fg-muted"} text-[13px]`}
      >
        {ROLE[host.role]} · {host.label}
      </text>
      <text x={box.x + 12} y={box.y + 86} className="fill-fg font-mono text-[13px]">
        {host.ports.length ? `listens: ${host.ports.join(" ")}` : "no mail service"}
      </text>
      {here && (
        <g>
          <rect
            x={box.x + box.w - 52}
            y={box.y - 11}
            width={48}
            height={22}
            rx={11}
            className="fill-accent"
          />
          <text
            x={box.x + box.w - 28}
            y={box.y + 5}
            textAnchor="middle"
            className="fill-accent-fg text-[12px] font-bold"
          >
            YOU
          </text>
        </g>
      )}
      {delivered > 0 && (
        <g>
          <rect
            x={box.x + box.w - 62}
            y={box.y + box.h - 30}
            width={54}
            height={22}
            rx={11}
            className="fill-ok"
          />
          <text
            x={box.x + box.w - 35}
            y={box.y + box.h - 14}
            textAnchor="middle"
            className="fill-bg text-[12px] font-bold"
          >
            ✉ {delivered}
          </text>
        </g>
      )}
    </g>
  );
}

function Overlay({ d, lay }: { d: DiagramState; lay: Layout }) {
  const pos = (name: string) => lay.hosts.get(name)?.box;
  return (
    <>
      {d.sessions.map((s) => {
        const a = pos(s.client);
        const b = pos(s.server);
        if (!a || !b) return null;
        const p = center(a);
        const q = center(b);
        const m = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
        return (
          <g key={s.id} opacity={s.open ? 1 : 0.45}>
            <line
              x1={p.x}
              y1={p.y}
              x2={q.x}
              y2={q.y}
              className={s.tls ? "stroke-ok" : "stroke-accent"}
              strokeWidth={s.open ? 4 : 2}
              strokeDasharray={s.open ? undefined : "6 6"}
            />
            <g transform={`translate(${m.x}, ${m.y})`}>
              <rect
                x={-40}
                y={-13}
                width={80}
                height={26}
                rx={13}
                className="fill-bg stroke-border"
              />
              {s.tls && <Lock x={-24} y={-2} />}
              <text
                x={s.tls ? 6 : 0}
                textAnchor="middle"
                y={5}
                className="fill-fg font-mono text-[13px] font-semibold"
              >
                {s.port}
                {s.auth ? " AUTH" : ""}
              </text>
            </g>
          </g>
        );
      })}
    </>
  );
}

function Marks({ d, lay }: { d: DiagramState; lay: Layout }) {
  const last = d.marks[d.marks.length - 1];
  if (!last) return null;
  const a = lay.hosts.get(last.from)?.box;
  const b = lay.hosts.get(last.to)?.box;
  if (!b) return null;
  const q = center(b);
  const p = a ? center(a) : { x: q.x - 80, y: q.y };
  const m = { x: p.x * 0.35 + q.x * 0.65, y: p.y * 0.35 + q.y * 0.65 - 30 };
  const label = last.kind === "denied" ? `✖ ${last.code}` : `✖ ${last.text}`;
  return (
    <g key={last.key} className="lab-pop" transform={`translate(${m.x}, ${m.y})`}>
      <rect x={-70} y={-16} width={140} height={32} rx={8} className="fill-bad" />
      <text textAnchor="middle" y={6} className="fill-bg text-[14px] font-bold">
        {label.length > 20 ? label.slice(0, 19) + "…" : label}
      </text>
    </g>
  );
}

function Flashes({ d, lay }: { d: DiagramState; lay: Layout }) {
  const last = d.flashes[d.flashes.length - 1];
  if (!last) return null;
  const b = lay.hosts.get(last.host)?.box;
  if (!b) return null;
  const text = last.text.length > 30 ? last.text.slice(0, 29) + "…" : last.text;
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
    <g
      key={last.key}
      className="lab-pop"
      transform={`translate(${b.x + b.w / 2}, ${b.y + b.h + 4})`}
    >
      <rect x={-105} y={0} width={210} height={24} rx={6} className={tone} />
      <text textAnchor="middle" y={17} className="fill-bg text-[12.5px] font-semibold">
        {last.kind === "dns" ? "DNS " : ""}
        {text}
      </text>
    </g>
  );
}

interface Props {
  store: LabStore;
  world: World;
  here: string;
}

/** The scenario's network as hand-drawn SVG, animated by the playback of the event log. */
export const NetworkDiagram = memo(function NetworkDiagram({ store, world, here }: Props) {
  // Playback state lives here so its frequent updates re-render only the diagram.
  const { view, player } = usePlayback(store);
  const wrap = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  const titleId = useId();
  const descId = useId();
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setNarrow(el.clientWidth < 520));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Hosts can join a running world (the bridge's "your computer"): lay out again when they do.
  const countHosts = () => world.hosts().length;
  const hostCount = useSyncExternalStore(store.subscribe, countHosts, countHosts);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lay = useMemo(() => layout(world, narrow), [world, narrow, hostCount]);
  const d = view.diagram;
  const travel = d.travel;
  const tFrom = travel ? lay.hosts.get(travel.from)?.box : undefined;
  const tTo = travel ? lay.hosts.get(travel.to)?.box : undefined;
  const hosts = world.hosts();
  return (
    <div>
      <div ref={wrap}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`-8 -16 ${lay.width + 16} ${lay.height + 48}`}
          className="mx-auto block h-auto w-full"
          style={{
            maxHeight: narrow ? undefined : "30rem",
          }}
        >
          <title id={titleId}>Network diagram: {world.scenario.title}</title>
          <desc id={descId}>
            {hosts
              .map(
                (h) =>
                  `${h.name} (${h.ip}, ${h.label}${h.ports.length ? `, listening on ${h.ports.join(", ")}` : ""})`,
              )
              .join("; ")}
            . You are on {here}. The list below the diagram tells what happened, in order.
          </desc>
          {lay.networks.map(({ net, box }) => (
            <g key={net.id}>
              <rect
                x={box.x}
                y={box.y}
                width={box.w}
                height={box.h}
                rx={14}
                className="fill-bg-soft stroke-border"
                strokeDasharray={net.kind === "internet" ? "8 6" : undefined}
                strokeWidth={1.5}
              />
              <text x={box.x + 14} y={box.y + 20} className="fill-fg text-[13px] font-semibold">
                {net.name.length > 30 ? net.name.slice(0, 29) + "…" : net.name}
              </text>
              <text x={box.x + 14} y={box.y + 36} className="fill-fg-muted font-mono text-[12px]">
                {net.cidr}
              </text>
            </g>
          ))}
          <Overlay d={d} lay={lay} />
          {[...lay.hosts.values()].map(({ host, box }) => (
            <HostNode
              key={host.name}
              host={host}
              box={box}
              here={host.name === here}
              delivered={d.delivered[host.name] ?? 0}
            />
          ))}
          <Flashes d={d} lay={lay} />
          <Marks d={d} lay={lay} />
          {travel && tFrom && tTo && (
            <Envelope
              travel={travel}
              from={tFrom}
              to={tTo}
              ms={view.reducedMotion ? 0 : view.travelMs}
            />
          )}
        </svg>
      </div>
      <div
        className="mt-3 flex flex-wrap items-center gap-2 text-sm"
        role="group"
        aria-label="Playback"
      >
        <button
          type="button"
          onClick={() => player.setPaused(!view.paused)}
          aria-pressed={view.paused}
          className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-bg-soft"
        >
          {view.paused ? "Play" : "Pause"}
        </button>
        <button
          type="button"
          onClick={() => player.step()}
          disabled={view.backlog === 0}
          className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-bg-soft disabled:opacity-60"
        >
          Step
        </button>
        <button
          type="button"
          onClick={() => player.skip()}
          disabled={view.backlog === 0}
          className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-bg-soft disabled:opacity-60"
        >
          Skip to end
        </button>
        <label className="flex items-center gap-2">
          Speed
          <select
            value={view.speed}
            onChange={(e) => player.setSpeed(Number(e.target.value))}
            className="rounded-md border border-border bg-bg px-2 py-1.5"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="text-fg-muted" aria-live="off">
          {view.backlog > 0
            ? `${view.backlog} event${view.backlog === 1 ? "" : "s"} to play`
            : "Up to date"}
          {view.reducedMotion ? " · reduced motion: no animation" : ""}
        </span>
      </div>
      <EventLog view={view} />
    </div>
  );
});

/** The text alternative: what happened, in order. */
function EventLog({ view }: { view: PlaybackView }) {
  const list = useRef<HTMLOListElement>(null);
  const catchingUp = view.backlog > 0 && !view.paused && view.backlog > 20;
  useEffect(() => {
    // Follow the newest entry, but not on every frame of a catch-up (reading the height forces
    // a layout).
    const el = list.current;
    if (el && !catchingUp) el.scrollTop = el.scrollHeight;
  }, [view.log, catchingUp]);
  const start = view.total - view.log.length + 1;
  return (
    <details className="mt-3 rounded-lg border border-border" open>
      <summary className="cursor-pointer px-3 py-2 font-semibold">
        What happened ({view.total})
      </summary>
      {view.log.length === 0 ? (
        <p className="px-3 pb-3 text-fg-muted">
          Nothing yet. Connect to a server or look up an MX record.
        </p>
      ) : (
        <ol
          ref={list}
          start={start}
          tabIndex={0}
          aria-label="Events in order"
          className="relative max-h-56 list-decimal space-y-1 overflow-y-auto py-2 pr-3 pl-12 text-sm"
        >
          {view.log.map((e) => (
            <li key={e.key}>{e.text}</li>
          ))}
        </ol>
      )}
    </details>
  );
}
