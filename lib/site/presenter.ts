/** Presenter mode: projector type, keyboard control. Shared facts for the UI. */

export const PRESENT_PARAM = "present";
export const ZOOM_MIN = 0.7;
export const ZOOM_MAX = 1.6;
export const ZOOM_STEP = 0.1;

export function clampZoom(z: number): number {
  const rounded = Math.round(z * 10) / 10;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, rounded));
}

/** `?present=1` (or `true`/`on`) turns presenter mode on when a page opens. */
export function presentFromSearch(search: string): boolean {
  const v = new URLSearchParams(search).get(PRESENT_PARAM);
  return v === "1" || v === "true" || v === "on";
}

export type PresenterCommand =
  "next" | "prev" | "pause" | "zoomIn" | "zoomOut" | "fullscreen" | "exit" | "legend";

/** The keys an instructor uses, in the order the on-screen legend lists them. */
export const PRESENTER_KEYS: readonly {
  keys: string[];
  label: string;
  command: PresenterCommand;
}[] = [
  { keys: ["ArrowRight"], label: "next step", command: "next" },
  { keys: ["ArrowLeft"], label: "previous step", command: "prev" },
  { keys: [" "], label: "pause / play", command: "pause" },
  { keys: ["+", "="], label: "bigger", command: "zoomIn" },
  { keys: ["-", "_"], label: "smaller", command: "zoomOut" },
  { keys: ["f", "F"], label: "full screen", command: "fullscreen" },
  { keys: ["Escape"], label: "leave presenter mode", command: "exit" },
  { keys: ["?"], label: "show these keys", command: "legend" },
];

export function commandForKey(key: string): PresenterCommand | null {
  return PRESENTER_KEYS.find((k) => k.keys.includes(key))?.command ?? null;
}

export const KEY_LABELS: Record<string, string> = {
  ArrowRight: "→",
  ArrowLeft: "←",
  " ": "Space",
  Escape: "Esc",
};
