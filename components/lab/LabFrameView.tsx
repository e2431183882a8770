"use client";

import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { layoutDiagram } from "@/lib/shell/diagramLayout";
import type { LabFrame } from "@/lib/shell/labFrame";
import { formatOutput } from "@/lib/shell/wrap";
import { usePresenter } from "@/components/ui/presenter/presenter-store";
import { NARROW, SECTION_INSET, diagramMaxFor, useBenchSize } from "./benchSize";
import {
  HostBoxes,
  HostStrip,
  NetworkBoxes,
  NetworkLabels,
  PictureBox,
  pictureScale,
} from "./DiagramPicture";
import { LabWorkbench } from "./LabWorkbench";
import { estimateCols, keyData, screenRows } from "./terminalFacade";
import {
  FacadeScreen,
  THEMES,
  TerminalChrome,
  cellWidth,
  fontSizeFor,
  useSiteTheme,
} from "./terminalLook";
import { useTextMeasure } from "./textMeasure";

export { prepareTextMeasureApart } from "./textMeasure";

export interface LabFrameViewProps {
  frame: LabFrame;
  headingLevel: 2 | 3;
  /** Keys typed so far (shown after the prompt until the shell takes them over). */
  typed: string;
  /** The learner reached for the lab (clicked, tapped, or moved the focus into it). */
  onStart: () => void;
  /** A key (or paste) typed into the frame's terminal. */
  onInput: (data: string) => void;
  /** The simulation's code could not be fetched (offline, say). */
  failed?: boolean;
}

/**
 * What typed keys look like before the shell has them: printable text, Backspace, and Enter as a
 * line break. The shell's own answer follows once it has loaded and replays the keys.
 */
export function echoOf(keys: string): string {
  let out = "";
  for (const ch of keys.replace(/\x1b\[[0-9;?]*[A-Za-z~]|\x1b./g, "")) {
    if (ch === "\r") out += "\r\n";
    else if (ch === "\x7f" || ch === "\b") {
      if (out && !out.endsWith("\n")) out = out.slice(0, -1);
    } else if (ch >= " ") out += ch;
  }
  return out;
}

/**
 * The lab's first frame, drawn from data the server computed (lib/shell/labFrame.ts): the
 * diagram's hosts and networks and the terminal's banner and prompt, in the same boxes, type and
 * colours as the live lab (Lab.tsx), which replaces it once its simulation has loaded. Nothing
 * here runs the simulation; a click, a tap or a key starts loading it (see LazyLab).
 */
export function LabFrameView({
  frame,
  headingLevel,
  typed,
  onStart,
  onInput,
  failed = false,
}: LabFrameViewProps) {
  const [benchRef, bench] = useBenchSize();
  const narrow = bench.w > 0 && bench.w < NARROW;
  return (
    <LabWorkbench
      headingLevel={headingLevel}
      benchRef={benchRef}
      height={bench.h}
      benchProps={{
        "data-lab-placeholder": "",
        "data-lab-frame-view": "",
        onPointerDown: onStart,
        onFocus: onStart,
      }}
      networkBar={
        <>
          {narrow && (
            <HostStrip names={frame.hosts.map((h) => h.name)} here={frame.here} active={null} />
          )}
          <p role="status" className={`text-sm ${failed ? "text-bad" : "text-fg-muted"}`}>
            {failed
              ? "The simulation could not load. Check your connection, then click the lab to try again."
              : narrow
                ? ""
                : "The simulation starts when you click or type in the lab."}
          </p>
        </>
      }
      network={
        !narrow && (
          <div className="mt-1">
            <FrameDiagram frame={frame} benchW={bench.w} benchH={bench.h} />
          </div>
        )
      }
      terminal={(heading) => (
        <TerminalChrome heading={heading} label="Terminal" fill>
          <FrameScreen frame={frame} benchW={bench.w} typed={typed} onInput={onInput} />
        </TerminalChrome>
      )}
    />
  );
}

/**
 * The frame's diagram. Memoised, so a key typed into the frame, which changes only the
 * terminal's text, does not draw the picture again.
 */
const FrameDiagram = memo(function FrameDiagram({
  frame,
  benchW,
  benchH,
}: {
  frame: LabFrame;
  benchW: number;
  benchH: number;
}) {
  const present = usePresenter((p) => p.on);
  const zoom = usePresenter((p) => p.zoom);
  const wrap = useRef<HTMLDivElement>(null);
  const measure = useTextMeasure(wrap);
  const lay = useMemo(
    () =>
      layoutDiagram(frame.hosts, frame.networks, {
        font: present ? 22 : 14,
        smallRatio: present ? 1 : undefined,
        lanesFor: new Set(),
        measure,
      }),
    [frame, present, measure],
  );
  const scale = pictureScale(
    lay,
    benchW > 0 ? benchW - SECTION_INSET : 0,
    diagramMaxFor(benchH),
    present,
    zoom,
  );
  return (
    <PictureBox
      wrapRef={wrap}
      lay={lay}
      scale={scale}
      svg={{
        "aria-label": `Network diagram: ${frame.hosts.map((h) => `${h.name} (${h.ip}, ${h.label})`).join("; ")}. You are on ${frame.here}.`,
        "data-testid": "network-diagram-frame",
      }}
    >
      <NetworkBoxes lay={lay} />
      <NetworkLabels lay={lay} />
      <HostBoxes lay={lay} here={frame.here} />
    </PictureBox>
  );
});

/**
 * The frame's terminal screen: the banner, the prompt and the keys typed so far, in the columns
 * and type the live terminal will use. They are worked out from the bench's width for the first
 * draw, and read from the box once it is laid out; when the two differ this draws again before the
 * first paint, and keeping that state here, apart from the diagram and the workbench, keeps the
 * second draw to the screen's few rows.
 */
function FrameScreen({
  frame,
  benchW,
  typed,
  onInput,
}: {
  frame: LabFrame;
  benchW: number;
  typed: string;
  onInput: (data: string) => void;
}) {
  const present = usePresenter((p) => p.on);
  const box = useRef<HTMLDivElement>(null);
  const [look, setLook] = useState(() =>
    benchW > 0 ? lookAt(benchW - SECTION_INSET - SCREEN_INSET) : null,
  );
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => {
      const now = lookAt(parseInt(getComputedStyle(el).width));
      setLook((old) =>
        old && old.cols === now.cols && old.fontPx === now.fontPx && old.font === now.font
          ? old
          : now,
      );
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [present]);
  const colours = THEMES[useSiteTheme()];
  const rows = look
    ? screenRows(formatOutput(frame.banner, look.cols) + frame.prompt + echoOf(typed), look.cols)
    : [];
  return (
    <>
      <div ref={box} className="size-full" />
      <FacadeScreen
        label="Terminal"
        font={look?.font}
        fontPx={look?.fontPx}
        colours={colours}
        rows={rows}
        onKeyDown={(e) => {
          if (e.key === "Escape") return;
          const data = keyData(e);
          if (data === null) return;
          e.preventDefault();
          onInput(data);
        }}
        onPaste={(e) => {
          e.preventDefault();
          onInput(e.clipboardData.getData("text").replace(/\r?\n/g, "\r"));
        }}
      />
    </>
  );
}

/** What the terminal box takes from its section's width: a 1px border and 8px padding each side. */
const SCREEN_INSET = 18;

/** The terminal's type and columns in a screen `width` pixels wide, as the live terminal counts. */
function lookAt(width: number): { cols: number; fontPx: number; font: string } {
  const font =
    getComputedStyle(document.body).getPropertyValue("--font-geist-mono").trim() || "monospace";
  const fontPx = fontSizeFor(width);
  return { cols: estimateCols(width, cellWidth(font, fontPx)), fontPx, font };
}
