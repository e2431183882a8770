"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { sanitizeTerminalOutput, type TerminalPort } from "@/lib/shell/terminal";
import { createInputQueue } from "./inputQueue";
import { estimateCols, keyData, screenRows, type Styled } from "./terminalFacade";
import {
  FacadeScreen,
  THEMES,
  TerminalChrome,
  cellWidth,
  fontSizeFor,
  siteTheme,
  type Theme,
} from "./terminalLook";
import { yieldToMain } from "@/components/ui/yieldToMain";

const SR_KEY = "relay-lab:terminal-screen-reader";

export interface TerminalHandle {
  port: TerminalPort;
  cols: number;
  focus(): void;
  onResize(listener: (cols: number) => void): () => void;
  /**
   * The shell has printed its banner and first prompt. Output from now on answers something the
   * learner (or a demo) did, so it opens the real terminal if it is not open yet.
   */
  booted(): void;
}

interface Props {
  /** Called at once, with a port the shell can drive (xterm itself opens later: see below). */
  onReady: (handle: TerminalHandle) => void;
  /** Where focus goes when the learner presses Escape to leave the terminal. */
  onEscape?: () => void;
  label?: string;
  className?: string;
  /** Flex to fill the height it is given (the workbench), instead of a fixed height. */
  fill?: boolean;
  /** A heading and controls to show in the terminal's one toolbar row. */
  heading?: React.ReactNode;
  actions?: React.ReactNode;
  /**
   * Keys typed into the lab's first frame before the simulation had loaded: handed to the shell
   * as it starts, as if typed here. With `focus`, the frame's terminal had the focus, and this
   * one takes it as it mounts.
   */
  typed?: { keys: string; focus: boolean };
}

/**
 * The xterm.js terminal, opened on demand (see terminalFacade.ts). Until the learner reaches for
 * it, or something is printed after the banner, the banner and prompt show as plain text in the
 * same box, font and colours; xterm and its fit addon are imported only then.
 */
export function Terminal({
  onReady,
  onEscape,
  label = "Terminal",
  className = "",
  fill = false,
  heading,
  actions,
  typed,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<XTerm | null>(null);
  const [live, setLive] = useState(false);
  const [failed, setFailed] = useState(false);
  const [screen, setScreen] = useState<{ rows: Styled[][]; fontPx: number; font: string } | null>(
    null,
  );
  const [screenReader, setScreenReader] = useState(false);
  const readyRef = useRef(onReady);
  const typedAtMount = useRef(typed);
  /**
   * Keys pressed before the shell starts (here, or in the lab's first frame), handed to it when
   * it does. Kept outside the effect: a key can arrive between this terminal's first commit and
   * its effect, when the frame it replaces has just handed it the focus.
   */
  const early = useRef(typed?.keys ?? "");
  const facade = useRef<HTMLDivElement>(null);
  const escapeRef = useRef(onEscape);
  /** Whether xterm takes the focus when it opens (the learner clicked or typed, and stayed). */
  const focusWanted = useRef(false);
  /**
   * Opens xterm (once); with `focus`, puts the focus in it when it is open. Until the effect has
   * set it up, it only notes the wish, which the effect then carries out.
   */
  const wake = useRef<(focus: boolean) => void>((focus) => {
    if (focus) focusWanted.current = true;
  });
  /** Input typed before xterm opened, fed straight to the shell (held until the effect runs). */
  const type = useRef<(data: string) => void>((data) => {
    early.current += data;
  });
  useEffect(() => {
    readyRef.current = onReady;
    escapeRef.current = onEscape;
  });
  // The lab's first frame had the focus: take it in the same commit that removes the frame, so
  // no key pressed in between lands on the page (onFocus notes it; the effect opens xterm).
  useLayoutEffect(() => {
    if (typedAtMount.current?.focus) facade.current?.focus();
  }, []);

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    const el = box.current;
    if (!el) return;
    let font = "";
    let fontPx = 15;
    // As xterm's fit addon counts: the box's CSS width, whole pixels.
    const countCols = () =>
      estimateCols(parseInt(getComputedStyle(el).width), cellWidth(font, fontPx));
    let cols = 80;
    const measure = () => {
      font =
        getComputedStyle(document.body).getPropertyValue("--font-geist-mono").trim() || "monospace";
      fontPx = fontSizeFor(el.clientWidth);
      cols = countCols();
    };
    /** Output written before xterm opened, replayed into it when it does. */
    let before = "";
    let booting = true;
    let started = false;
    let xterm: XTerm | null = null;
    const queues = new Set<ReturnType<typeof createInputQueue>>();
    const resizeListeners = new Set<(cols: number) => void>();
    const feed = (data: string) => {
      if (queues.size === 0) early.current += data;
      else queues.forEach((q) => q.push(data));
    };
    type.current = feed;
    // Until xterm opens, the plain rows follow the theme and the presenter's type size too.
    const restyle = new MutationObserver(() => {
      if (!xterm) setScreen((sc) => sc && { ...sc, fontPx: fontSizeFor(el.clientWidth) });
    });
    restyle.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme", "data-present", "style"],
    });
    cleanups.push(() => restyle.disconnect());
    // Measured before the web font arrived: count again once it has, as xterm will.
    if (document.fonts?.status === "loading")
      void document.fonts.ready.then(() => {
        const now = countCols();
        if (disposed || xterm || !font || now === cols) return;
        cols = now;
        resizeListeners.forEach((l) => l(now));
      });

    const open = async () => {
      const [{ Terminal: XTermCtor }, { FitAddon }] = await Promise.all([
        import("@xterm/xterm"),
        import("@xterm/addon-fit"),
      ]);
      // Opening is split into tasks (evaluating xterm, opening it, fitting and replaying the
      // output), none long enough to hold up the page.
      await yieldToMain();
      if (disposed || !box.current) return;
      if (!font) measure();
      let sr = false;
      try {
        sr = localStorage.getItem(SR_KEY) === "1";
      } catch {
        // storage unavailable
      }
      const t = new XTermCtor({
        theme: THEMES[siteTheme()],
        fontFamily: font,
        fontSize: fontSizeFor(box.current.clientWidth),
        lineHeight: 1.15,
        cursorBlink: false,
        scrollback: 2000,
        screenReaderMode: sr,
        minimumContrastRatio: 4.5,
        allowProposedApi: false,
      });
      const fit = new FitAddon();
      t.loadAddon(fit);
      t.open(box.current);
      const textarea = box.current.querySelector("textarea");
      textarea?.setAttribute("aria-label", `${label} input`);
      t.attachCustomKeyEventHandler((e) => {
        if (e.type === "keydown" && e.key === "Escape" && escapeRef.current) {
          escapeRef.current();
          return false;
        }
        return true;
      });
      term.current = t;
      // For tests and measurement scripts: the whole buffer, not just the rows in view.
      Object.assign(window, { __relayTerm: t });
      cleanups.push(() => t.dispose());
      await yieldToMain();
      if (disposed || !box.current) return;
      const sub = t.onResize(({ cols }) => resizeListeners.forEach((l) => l(cols)));
      cleanups.push(() => sub.dispose());
      try {
        fit.fit();
      } catch {
        // not laid out yet
      }
      const ro = new ResizeObserver(() => {
        try {
          fit.fit();
        } catch {
          return;
        }
      });
      ro.observe(box.current);
      cleanups.push(() => ro.disconnect());
      const mo = new MutationObserver(() => {
        t.options.theme = THEMES[siteTheme()];
        const size = box.current ? fontSizeFor(box.current.clientWidth) : t.options.fontSize;
        if (size !== t.options.fontSize) {
          t.options.fontSize = size;
          try {
            fit.fit();
          } catch {
            // not laid out yet
          }
        }
      });
      // data-present and style (the presenter's zoom) change the font size.
      mo.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ["data-theme", "data-present", "style"],
      });
      cleanups.push(() => mo.disconnect());
      t.write(before);
      before = "";
      xterm = t;
      const d = t.onData(feed);
      cleanups.push(() => d.dispose());
      setScreenReader(sr);
      setLive(true);
      if (focusWanted.current) t.focus();
    };
    wake.current = (focus) => {
      if (focus) focusWanted.current = true;
      if (xterm && focus) xterm.focus();
      if (started) return;
      started = true;
      open().catch(() => {
        if (!disposed) setFailed(true);
      });
    };

    const port: TerminalPort = {
      // The shell already sanitises; this guards any other writer (no OSC 8 links, no C1).
      write: (data) => {
        const safe = sanitizeTerminalOutput(data);
        if (xterm) return xterm.write(safe);
        before += safe;
        if (booting) setScreen({ rows: screenRows(before, cols), fontPx, font });
        else wake.current(false);
      },
      onData: (listener) => {
        // Long pastes are fed a slice per task (see inputQueue.ts).
        const queue = createInputQueue(listener);
        queues.add(queue);
        // After the caller has finished starting (the shell prints its banner first).
        const held = early.current;
        early.current = "";
        if (held) queueMicrotask(() => queue.push(held));
        return () => {
          queues.delete(queue);
          queue.dispose();
        };
      },
      reset: () => {
        if (xterm) xterm.reset();
        else before = "";
      },
    };
    // The shell starts a task after the browser has laid the lab out (the observer's first
    // report), so measuring the box forces no layout of its own and the frame's task stays
    // short; the rest of the lab (its playback, a demo's driver) has subscribed by then.
    const laidOut = new ResizeObserver(() => {
      laidOut.disconnect();
      void yieldToMain().then(() => {
        if (disposed) return;
        measure();
        boot();
      });
    });
    laidOut.observe(el);
    cleanups.push(() => laidOut.disconnect());
    // Focused (or clicked) before this effect ran, e.g. by the frame this terminal replaced.
    if (focusWanted.current) wake.current(true);
    const boot = () =>
      readyRef.current({
        port,
        cols,
        focus: () => wake.current(true),
        onResize: (l) => {
          resizeListeners.add(l);
          return () => resizeListeners.delete(l);
        },
        booted: () => {
          booting = false;
        },
      });
    return () => {
      disposed = true;
      queues.forEach((q) => q.dispose());
      cleanups.reverse().forEach((c) => c());
      term.current = null;
      wake.current = () => {};
    };
  }, [label]);

  /** The site theme's terminal colours, for the plain rows shown before xterm opens. */
  const colours: Theme = THEMES[siteTheme()];

  function toggleScreenReader(on: boolean) {
    setScreenReader(on);
    if (term.current) term.current.options.screenReaderMode = on;
    try {
      localStorage.setItem(SR_KEY, on ? "1" : "0");
    } catch {
      // storage unavailable
    }
  }

  return (
    <TerminalChrome
      heading={heading}
      label={label}
      fill={fill}
      className={className}
      actions={
        <>
          {actions}
          <label className="flex cursor-pointer items-center gap-2">
            <input
              type="checkbox"
              checked={screenReader}
              onChange={(e) => toggleScreenReader(e.target.checked)}
              className="size-4 accent-accent"
            />
            Screen reader mode
          </label>
        </>
      }
    >
      <div ref={box} className="size-full" data-testid="terminal" />
      {/* Before xterm opens: the same text, font and colours, and a way in by click or key. */}
      {!live && (
        <FacadeScreen
          ref={facade}
          label={label}
          font={screen?.font}
          fontPx={screen?.fontPx}
          colours={colours}
          rows={screen?.rows ?? []}
          onFocus={() => wake.current(true)}
          // Clicked or tabbed away before xterm opened: it must not take the focus back.
          onBlur={() => (focusWanted.current = false)}
          onPointerDown={() => wake.current(true)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              focusWanted.current = false;
              return escapeRef.current?.();
            }
            const data = keyData(e);
            if (data === null) return;
            e.preventDefault();
            type.current(data);
            wake.current(true);
          }}
          onPaste={(e) => {
            e.preventDefault();
            type.current(e.clipboardData.getData("text").replace(/\r?\n/g, "\r"));
            wake.current(true);
          }}
        >
          {failed && (
            <span className="mt-2 block font-sans text-sm text-fg-muted">
              The terminal could not load. Use the input line below.
            </span>
          )}
        </FacadeScreen>
      )}
    </TerminalChrome>
  );
}
