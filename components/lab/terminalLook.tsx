/**
 * How the terminal looks before xterm opens: its colours, type size and the plain rows that stand
 * in for xterm's screen. Shared by the terminal (Terminal.tsx) and the lab's first frame
 * (LabFrameView.tsx), which must look the same so nothing changes when the real one takes over.
 */
import { useSyncExternalStore, type HTMLAttributes, type ReactNode, type Ref } from "react";
import type { Styled } from "./terminalFacade";

/** Terminal colours per site theme; ANSI colours chosen to pass contrast on the panel background. */
export const THEMES = {
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

export type Theme = (typeof THEMES)["light" | "dark"];

/** xterm's theme keys for ANSI colours 0-15, in order. */
const ANSI_KEYS = [
  "black",
  "red",
  "green",
  "yellow",
  "blue",
  "magenta",
  "cyan",
  "white",
  "brightBlack",
  "brightRed",
  "brightGreen",
  "brightYellow",
  "brightBlue",
  "brightMagenta",
  "brightCyan",
  "brightWhite",
] as const satisfies readonly (keyof Theme)[];

/** The site theme, following changes to <html data-theme> (the theme switch). */
export function useSiteTheme(): "light" | "dark" {
  return useSyncExternalStore(
    (changed) => {
      const mo = new MutationObserver(changed);
      mo.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      return () => mo.disconnect();
    },
    siteTheme,
    () => "light",
  );
}

export function siteTheme(): "light" | "dark" {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

/** In presenter mode (html[data-present]) the terminal takes the room-sized root font size. */
export function fontSizeFor(width: number): number {
  const root = document.documentElement;
  if (root.dataset.present !== undefined) return parseFloat(getComputedStyle(root).fontSize) || 28;
  return width < 480 ? 13 : 15;
}

/**
 * The width of one cell of the terminal's font, measured as xterm measures it (a canvas's
 * measureText of "W" in the same font), so the shell wraps the first screen at the columns xterm
 * will have.
 */
export function cellWidth(family: string, size: number): number {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return size * 0.6;
  ctx.font = `${size}px ${family}`;
  return ctx.measureText("W").width;
}

/** The rows of a screen (screenRows), a row per line as xterm draws them, cursor on the last. */
function ScreenRows({ rows, colours }: { rows: readonly Styled[][]; colours: Theme }) {
  return rows.map((row, i) => (
    <div key={i} className="min-h-[1.15em]">
      {row.map((r, j) => (
        <span
          key={j}
          style={{
            color: r.colour === null ? undefined : colours[ANSI_KEYS[r.colour % 16]!],
            fontWeight: r.bold ? "bold" : undefined,
          }}
        >
          {r.text}
        </span>
      ))}
      {i === rows.length - 1 && (
        <span
          aria-hidden="true"
          className="inline-block h-[1.15em] w-[1ch] align-text-bottom"
          style={{
            outline: `1px solid ${colours.cursor}`,
            outlineOffset: -1,
          }}
        />
      )}
    </div>
  ));
}

/**
 * The plain screen that stands in for xterm until it opens: focusable, named as the terminal's
 * input, in the terminal's font and colours; the caller handles the keys.
 */
export function FacadeScreen({
  ref,
  label,
  font,
  fontPx,
  colours,
  rows,
  children,
  ...handlers
}: {
  ref?: Ref<HTMLDivElement>;
  label: string;
  font: string | undefined;
  fontPx: number | undefined;
  colours: Theme;
  rows: readonly Styled[][];
  children?: ReactNode;
} & Pick<
  HTMLAttributes<HTMLDivElement>,
  "onFocus" | "onBlur" | "onPointerDown" | "onKeyDown" | "onPaste"
>) {
  return (
    <div
      ref={ref}
      tabIndex={0}
      role="textbox"
      aria-label={`${label} input`}
      aria-describedby="terminal-hint"
      data-testid="terminal-facade"
      data-presenter-ignore
      className="absolute inset-2 overflow-hidden whitespace-pre outline-none"
      style={{
        fontFamily: font,
        fontSize: fontPx,
        lineHeight: 1.15,
        color: colours.foreground,
        background: colours.background,
      }}
      {...handlers}
    >
      <ScreenRows rows={rows} colours={colours} />
      {children}
    </div>
  );
}

/**
 * The terminal's chrome: one toolbar row (its heading, the hint, then `actions` at the right) over
 * the framed box its screen sits in, named for screen readers and outlined while focused. `fill`
 * flexes the box to the height it is given (the workbench) instead of a fixed height.
 */
export function TerminalChrome({
  heading,
  actions,
  label,
  fill = false,
  className = "",
  children,
}: {
  heading?: ReactNode;
  actions?: ReactNode;
  label: string;
  fill?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`${fill ? "flex min-h-0 flex-1 flex-col" : ""} ${className}`}>
      <div className="mb-1 flex min-h-[30px] flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {heading}
        <p id="terminal-hint" className="text-fg-muted">
          Type <kbd className="font-mono">help</kbd> to start. <kbd className="font-mono">Esc</kbd>{" "}
          leaves the terminal.
        </p>
        <span className="ml-auto" />
        {actions}
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
        {children}
      </div>
    </div>
  );
}
