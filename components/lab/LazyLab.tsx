"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { clientOnly } from "@/components/ui/clientOnly";
import type { LabFrame } from "@/lib/shell/labFrame";
import type { LabProps } from "./Lab";
import type { LabFrameViewProps } from "./LabFrameView";
import { loadLab } from "./loadLab";

/** The box the lab will fill, so nothing below it jumps while its code loads. */
export function LabPlaceholder() {
  return (
    <div
      className="grid h-[calc(100dvh-12rem)] min-h-[26rem] place-items-center rounded-xl border border-border bg-bg-soft text-fg-muted"
      role="status"
      data-lab-placeholder=""
    >
      Loading the lab…
    </div>
  );
}

/** The lab, with its engine, shell and diagram split out of the page's first-load JS. */
const LiveLab = clientOnly<LabProps>(
  () => loadLab(() => import("./Lab")).then((m) => m.Lab),
  LabPlaceholder,
);

/**
 * The lab's first frame: a small chunk that draws what the server computed. The diagram's text
 * measure is made as it loads (as loadLab does), so its first render lays out with real widths;
 * it gets a task of its own, apart from the chunk's evaluation and from the frame's render (all
 * three in one task made the longest task of /demo's load).
 */
const FrameView = clientOnly<LabFrameViewProps>(async () => {
  const m = await import("./LabFrameView");
  await m.prepareTextMeasureApart();
  return m.LabFrameView;
}, LabPlaceholder);

/**
 * Where a lazily loaded lab is: its first frame, untouched; its simulation loading; the last
 * fetch failed (the frame says so, and the next use tries again); or the live lab.
 */
export type LabStatus = "frame" | "loading" | "failed" | "live";

export interface LazyLabProps extends LabProps {
  /** The scenario's first frame, drawn until the learner first uses the lab. */
  frame?: LabFrame;
  /** Load the simulation now, without waiting for the learner (a linked demo moment, say). */
  start?: boolean;
  /** Told each time the lab's status changes (see LabStatus). */
  onStatus?: (status: LabStatus) => void;
  /** Drawn under the first frame in place of `children`, which need the simulation. */
  standIn?: (start: () => void) => React.ReactNode;
}

/**
 * The lab, loaded when it is first used. With a `frame`, the page draws the lab's first frame at
 * once (the diagram and the terminal's prompt, computed by the server) and loads the simulation
 * (engine, shell, crypto: about half a megabyte of script) only when the learner clicks, taps or
 * types in it, or when `start` asks; the frame stays until the simulation can replace it, and
 * the keys typed meanwhile go to its shell. Evaluating that script at page load was most of the
 * main-thread work on /lab and /demo. Without a frame it loads at once, behind a placeholder.
 */
export function LazyLab({ frame, start = false, onStatus, standIn, ...props }: LazyLabProps) {
  const [wanted, setWanted] = useState(false);
  /** Set when the simulation replaces the frame: whether the frame's terminal had the focus. */
  const [live, setLive] = useState<{ focus: boolean } | null>(frame ? null : { focus: false });
  const [typed, setTyped] = useState("");
  /** The last attempt to fetch the simulation failed; the next use tries again. */
  const [failed, setFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  const begin = useCallback(() => {
    setFailed(false);
    setWanted(true);
  }, []);
  const onInput = useCallback(
    (data: string) => {
      setTyped((t) => t + data);
      begin();
    },
    [begin],
  );

  const status: LabStatus = live
    ? "live"
    : failed
      ? "failed"
      : wanted || start
        ? "loading"
        : "frame";
  useEffect(() => {
    onStatus?.(status);
  }, [status, onStatus]);

  useEffect(() => {
    if (live || failed || !(wanted || start)) return;
    let current = true;
    LiveLab.preload().then(
      () => {
        if (!current) return;
        const focus = !!box.current?.contains(document.activeElement);
        startTransition(() => setLive({ focus }));
      },
      // Reported even from an effect run that has since been replaced: the fetch is shared, so
      // its failure is this lab's, whichever run started it.
      () => {
        setFailed(true);
        setWanted(false);
      },
    );
    return () => {
      current = false;
    };
  }, [live, failed, wanted, start]);

  if (!live && frame)
    return (
      <div ref={box} className="contents">
        <FrameView
          frame={frame}
          headingLevel={props.headingLevel ?? 2}
          typed={typed}
          onStart={begin}
          onInput={onInput}
          failed={failed}
        />
        {standIn?.(begin)}
      </div>
    );
  return <LiveLab {...props} typed={{ keys: typed, focus: live?.focus ?? false }} />;
}
