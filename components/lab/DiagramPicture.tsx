/**
 * The still parts of the network diagram, drawn from a layout alone: the networks, the hosts and
 * their tags, and the phone's strip of hosts. The live diagram (NetworkDiagram) draws its links,
 * flashes and envelope around these; the lab's first frame (LabFrameView) draws only these, from
 * data the server computed, before the simulation has loaded.
 */
import type { ReactNode, Ref, SVGProps } from "react";
import {
  pairKey,
  shortHostNames,
  type DiagramLayout,
  type TextItem,
} from "@/lib/shell/diagramLayout";

/**
 * A number for each layout, used as the picture's key so a new layout is drawn with new
 * elements. Chromium once kept drawing rects and paths at their old y (their geometry is
 * presentation attributes, restyled) while the DOM and the text had the new layout: every label
 * sat over the wrong host until the next step. Fresh elements are always right, and a layout
 * changes only when a new pair talks, the font changes or the world grows.
 */
const layoutIds = new WeakMap<DiagramLayout, number>();
let lastLayoutId = 0;
export function layoutId(lay: DiagramLayout): number {
  let id = layoutIds.get(lay);
  if (id === undefined) {
    id = ++lastLayoutId;
    layoutIds.set(lay, id);
  }
  return id;
}

/**
 * The picture's box: it scrolls sideways when the picture is wider than the page, and holds the
 * SVG at `scale` (fresh elements per layout, see layoutId) with `over` placed over it (the live
 * diagram's inspect buttons). `svg` names the picture for screen readers and tests.
 */
export function PictureBox({
  wrapRef,
  wrapTestId,
  lay,
  scale,
  svg,
  children,
  over,
}: {
  wrapRef: Ref<HTMLDivElement>;
  wrapTestId?: string;
  lay: DiagramLayout;
  scale: number;
  svg: SVGProps<SVGSVGElement> & { [data: `data-${string}`]: string | number };
  children: ReactNode;
  over?: ReactNode;
}) {
  const W = lay.width * scale;
  const H = lay.height * scale;
  return (
    <div ref={wrapRef} className="overflow-x-auto" data-testid={wrapTestId}>
      <div className="relative mx-auto" style={{ width: W, height: H }}>
        <svg
          key={layoutId(lay)}
          role="img"
          {...svg}
          viewBox={`0 0 ${lay.width} ${lay.height}`}
          width={W}
          height={H}
          className="block overflow-visible"
          // Text scales with the picture instead of snapping to whole pixels at each size, so
          // its widths are the measured ones at any scale.
          textRendering="geometricPrecision"
        >
          {children}
        </svg>
        {over}
      </div>
    </div>
  );
}

/** Never blow the normal diagram up beyond this (it reads best near 1:1). */
const MAX_SCALE = 1.35;

/**
 * The picture's scale: presenter mode draws room-sized type at 1:1 times the presenter's zoom;
 * otherwise as big as fits the width and the height it is given.
 */
export function pictureScale(
  lay: DiagramLayout,
  width: number,
  maxHeight: number | undefined,
  present: boolean,
  zoom: number,
): number {
  if (present) return zoom;
  const fit = Math.min(
    MAX_SCALE,
    width > 0 ? width / lay.width : 1,
    maxHeight && maxHeight > 0 ? maxHeight / lay.height : Infinity,
  );
  return Math.max(fit, 0.2);
}

function SvgText({
  t,
  className = "",
  halo = false,
}: {
  t: TextItem;
  className?: string;
  halo?: boolean;
}) {
  return (
    <text
      x={t.x}
      y={t.y}
      textAnchor={t.anchor}
      fontSize={t.size}
      data-label=""
      className={`${t.bold ? "font-semibold" : ""} ${t.mono ? "font-mono" : ""} ${
        halo ? "stroke-bg-soft [paint-order:stroke]" : ""
      } ${className}`}
      strokeWidth={halo ? 5 : undefined}
      strokeLinejoin="round"
    >
      {t.text}
    </text>
  );
}

function Tag({
  slot,
  text,
  size,
  className,
  textClass,
}: {
  slot: { x: number; y: number; w: number; h: number };
  text: string;
  size: number;
  className: string;
  textClass: string;
}) {
  return (
    <g>
      <rect
        x={slot.x}
        y={slot.y}
        width={slot.w}
        height={slot.h}
        rx={slot.h / 2}
        className={className}
      />
      <text
        x={slot.x + slot.w / 2}
        y={slot.y + slot.h / 2 + size * 0.36}
        textAnchor="middle"
        fontSize={size}
        data-label=""
        className={`${textClass} font-semibold`}
      >
        {text}
      </text>
    </g>
  );
}

/** The networks' boxes (drawn under the links). */
export function NetworkBoxes({ lay }: { lay: DiagramLayout }) {
  return lay.networks.map((n) => (
    <rect
      key={n.id}
      x={n.box.x}
      y={n.box.y}
      width={n.box.w}
      height={n.box.h}
      rx={lay.font * 0.9}
      className="fill-bg-soft stroke-border"
      strokeDasharray={n.kind === "internet" ? "8 6" : undefined}
      strokeWidth={1.5}
    />
  ));
}

/** The networks' names and ranges (drawn over the links, with a halo). */
export function NetworkLabels({ lay }: { lay: DiagramLayout }) {
  return lay.networks.map((n) => (
    <g key={n.id}>
      {n.texts.map((t, i) => (
        <SvgText
          key={i}
          t={t}
          halo
          className={i === n.texts.length - 1 ? "fill-fg-muted" : "fill-fg"}
        />
      ))}
    </g>
  ));
}

/** Every host's box and text, "YOU" on the learner's, and how much mail each has received. */
export function HostBoxes({
  lay,
  here,
  delivered = {},
}: {
  lay: DiagramLayout;
  here: string;
  delivered?: Readonly<Record<string, number>>;
}) {
  return [...lay.hosts.values()].map((p) => {
    const isHere = p.name === here;
    const spam = p.role === "spammer";
    const mail = delivered[p.name] ?? 0;
    return (
      <g key={p.name} data-host={p.name}>
        <rect
          x={p.box.x}
          y={p.box.y}
          width={p.box.w}
          height={p.box.h}
          rx={lay.font * 0.7}
          className={`fill-bg ${isHere ? "stroke-accent" : spam ? "stroke-bad" : "stroke-border"}`}
          strokeWidth={isHere ? 3.5 : 1.5}
        />
        {p.texts.map((t, i) => (
          <SvgText
            key={i}
            t={t}
            className={i === 0 ? "fill-fg" : spam && i === 2 ? "fill-bad" : "fill-fg-muted"}
          />
        ))}
        {isHere && (
          <Tag
            slot={p.youSlot}
            text="YOU"
            size={lay.small}
            className="fill-accent"
            textClass="fill-accent-fg"
          />
        )}
        {mail > 0 && (
          <Tag
            slot={p.mailSlot}
            text={`✉ ${Math.min(mail, 99)}`}
            size={lay.small}
            className="fill-ok"
            textClass="fill-bg"
          />
        )}
      </g>
    );
  });
}

/**
 * The phone's view of the diagram: one line of hosts with the active hop lit, so the learner
 * sees where the message is while the terminal keeps the screen.
 */
export function HostStrip({
  names,
  here,
  active,
}: {
  names: readonly string[];
  here: string;
  /** The pair (pairKey) whose hop is lit, if any. */
  active: string | null;
}) {
  const short = shortHostNames(names);
  return (
    <ol
      aria-label="Hosts, in order"
      data-testid="diagram-strip"
      className="flex flex-wrap items-center gap-1 text-xs"
    >
      {names.map((name, i) => {
        const next = names[i + 1];
        const lit = next && active === pairKey(name, next);
        const inHop = active?.split(" ").includes(name) ?? false;
        return (
          <li key={name} className="flex items-center gap-1">
            <span
              data-active={inHop ? "true" : "false"}
              className={`rounded px-1.5 py-0.5 font-mono ${
                inHop
                  ? "bg-accent text-accent-fg"
                  : name === here
                    ? "border border-accent"
                    : "border border-border"
              }`}
            >
              <span aria-hidden="true">{short.get(name)}</span>
              <span className="sr-only">{name}</span>
            </span>
            {next && (
              <span aria-hidden="true" className={lit ? "font-bold text-accent" : "text-fg-muted"}>
                →
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
