"use client";

import { useEffect, useRef, useState } from "react";
import type { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { sanitizeTerminalOutput, type TerminalPort } from "@/lib/shell/terminal";
import { createInputQueue } from "./inputQueue";
import { yieldToMain } from "./yieldToMain";

/** Terminal colours per site theme; ANSI colours chosen to pass contrast on the panel background. */
const THEMES = {
  light: {
    background: "#f3f5f9",
    foreground: "#111827",
    cursor: "#1d4ed8",
    cursorAccent: "#ffffff",
    selectionBackground: "#bfd0f5",
    black: "#111827",
    brightBlack: "#44506a",
    red: "#b91c1c",
    brightRed: "#991b1b",
    green: "#166534",
    brightGreen: "#14532d",
    yellow: "#8a4b00",
    brightYellow: "#713f00",
    blue: "#1d4ed8",
    brightBlue: "#1e40af",
    magenta: "#86198f",
    brightMagenta: "#701a75",
    cyan: "#0e6377",
    brightCyan: "#155e75",
    white: "#44506a",
    brightWhite: "#111827",
  },
  dark: {
    background: "#151e33",
    foreground: "#f1f5f9",
    cursor: "#93b4ff",
    cursorAccent: "#0b1120",
    selectionBackground: "#34507e",
    black: "#0b1120",
    brightBlack: "#b6c2d6",
    red: "#fca5a5",
    brightRed: "#fecaca",
    green: "#6ee7a0",
    brightGreen: "#a7f3c5",
    yellow: "#fbbf5a",
    brightYellow: "#fcd68f",
    blue: "#93b4ff",
    brightBlue: "#bfd0ff",
    magenta: "#f0abfc",
    brightMagenta: "#f5c9fd",
    cyan: "#67e8f9",
    brightCyan: "#a5f3fc",
    white: "#e2e8f0",
    brightWhite: "#ffffff",
  },
} as const;

const SR_KEY = "relay-lab:terminal-screen-reader";

function siteTheme(): "light" | "dark" {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

/** In presenter mode (html[data-present]) the terminal takes the room-sized root font size. */
function fontSizeFor(width: number): number {
  const root = document.documentElement;
  if (root.dataset.present !== undefined) return parseFloat(getComputedStyle(root).fontSize) || 28;
  return width < 480 ? 13 : 15;
}

export interface TerminalHandle {
  port: TerminalPort;
  cols: number;
  focus(): void;
  onResize(listener: (cols: number) => void): () => void;
}

interface Props {
  /** Called once xterm has loaded, with a port the shell can drive. */
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
}

/**
 * The xterm.js terminal. xterm and its fit addon are imported inside useEffect, so they load only
 * when a lab is on screen; the box keeps its size while loading so nothing shifts.
 */
export function Terminal({
  onReady,
  onEscape,
  label = "Terminal",
  className = "",
  fill = false,
  heading,
  actions,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<XTerm | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const [screenReader, setScreenReader] = useState(false);
  const readyRef = useRef(onReady);
  const escapeRef = useRef(onEscape);
  useEffect(() => {
    readyRef.current = onReady;
    escapeRef.current = onEscape;
  });

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    const start = async () => {
      const [{ Terminal: XTermCtor }, { FitAddon }] = await Promise.all([
        import("@xterm/xterm"),
        import("@xterm/addon-fit"),
      ]);
      // Start-up is split into tasks (evaluating xterm, opening it, fitting and starting the
      // shell), none long enough to hold up the page; the prompt appears at the end, in one go.
      await yieldToMain();
      if (disposed || !box.current) return;
      let sr = false;
      try {
        sr = localStorage.getItem(SR_KEY) === "1";
      } catch {
        // storage unavailable
      }
      const t = new XTermCtor({
        theme: THEMES[siteTheme()],
        fontFamily:
          getComputedStyle(document.body).getPropertyValue("--font-geist-mono") || "monospace",
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
      try {
        fit.fit();
      } catch {
        // not laid out yet
      }
      const resizeListeners = new Set<(cols: number) => void>();
      const ro = new ResizeObserver(() => {
        try {
          fit.fit();
        } catch {
          return;
        }
      });
      ro.observe(box.current);
      cleanups.push(() => ro.disconnect());
      const sub = t.onResize(({ cols }) => resizeListeners.forEach((l) => l(cols)));
      cleanups.push(() => sub.dispose());
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

      const port: TerminalPort = {
        // The shell already sanitises; this guards any other writer (no OSC 8 links, no C1).
        write: (data) => t.write(sanitizeTerminalOutput(data)),
        onData: (listener) => {
          // Long pastes are fed a slice per task (see inputQueue.ts).
          const queue = createInputQueue(listener);
          const d = t.onData((data) => queue.push(data));
          return () => {
            d.dispose();
            queue.dispose();
          };
        },
        reset: () => t.reset(),
      };
      setScreenReader(sr);
      setLoaded(true);
      readyRef.current({
        port,
        cols: t.cols,
        focus: () => t.focus(),
        onResize: (l) => {
          resizeListeners.add(l);
          return () => resizeListeners.delete(l);
        },
      });
    };
    start().catch(() => {
      if (!disposed) setFailed(true);
    });
    return () => {
      disposed = true;
      cleanups.reverse().forEach((c) => c());
      term.current = null;
    };
  }, [label]);

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
    <div className={`${fill ? "flex min-h-0 flex-1 flex-col" : ""} ${className}`}>
      <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {heading}
        <p id="terminal-hint" className="text-fg-muted">
          Type <kbd className="font-mono">help</kbd> to start. <kbd className="font-mono">Esc</kbd>{" "}
          leaves the terminal.
        </p>
        <span className="ml-auto" />
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
      </div>
      <div
        role="group"
        aria-label={label}
        aria-describedby="terminal-hint"
        data-testid="terminal-box"
        className={`relative overflow-hidden rounded-lg border border-border bg-bg-soft p-2 focus-within:border-focus focus-within:[outline:3px_solid_var(--focus)] focus-within:[outline-offset:1px] ${
          fill ? "min-h-[64px] flex-1" : "h-[22rem] sm:h-[26rem]"
        }`}
      >
        <div ref={box} className="size-full" data-testid="terminal" />
        {!loaded && (
          <p className="absolute inset-0 grid place-items-center font-mono text-sm text-fg-muted">
            {failed
              ? "The terminal could not load. Use the input line below."
              : "Loading terminal…"}
          </p>
        )}
      </div>
    </div>
  );
}
