"use client";

import { useEffect, useState } from "react";
import { commandForKey, KEY_LABELS, presentFromSearch, PRESENTER_KEYS } from "@/lib/site/presenter";
import { rememberedPresent, usePresenter } from "./presenter-store";
import { PRESENTER_EVENT, type StepDetail } from "./usePresenterSteps";

const LEGEND_MS = 5000;

/** Keys typed into a field or the terminal belong to it, not to the presenter. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest("input, textarea, select, .xterm, [data-presenter-ignore]") !== null
  );
}

function activates(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.closest("button, a, summary, [role=button]") !== null
  );
}

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Applies presenter mode to the page and maps the instructor's keys. Mounted once, in the layout. */
export function PresenterController() {
  const { on, zoom, legendNonce, setOn, zoomBy, showLegend } = usePresenter();
  const [legendVisible, setLegendVisible] = useState(false);

  useEffect(() => {
    if (presentFromSearch(window.location.search) || rememberedPresent()) setOn(true);
  }, [setOn]);

  useEffect(() => {
    const root = document.documentElement;
    if (on) {
      root.dataset.present = "";
      root.style.setProperty("--present-zoom", String(zoom));
    } else {
      delete root.dataset.present;
      root.style.removeProperty("--present-zoom");
    }
  }, [on, zoom]);

  useEffect(() => {
    if (!on || legendNonce === 0) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLegendVisible(true);
    const id = window.setTimeout(() => setLegendVisible(false), LEGEND_MS);
    return () => window.clearTimeout(id);
  }, [on, legendNonce]);

  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (ownsKeys(e.target)) return;
      const command = commandForKey(e.key);
      if (!command) return;
      if (command === "pause" && activates(e.target)) return;
      e.preventDefault();
      switch (command) {
        case "next":
        case "prev":
        case "pause":
          window.dispatchEvent(
            new CustomEvent<StepDetail>(PRESENTER_EVENT, { detail: { command } }),
          );
          break;
        case "zoomIn":
          zoomBy(1);
          break;
        case "zoomOut":
          zoomBy(-1);
          break;
        case "fullscreen":
          toggleFullscreen();
          break;
        case "legend":
          showLegend();
          break;
        case "exit":
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          setOn(false);
          break;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [on, setOn, zoomBy, showLegend]);

  if (!on) return null;
  return (
    <aside
      aria-label="Presenter keys"
      className={`fixed right-4 bottom-4 z-40 rounded-xl border border-border bg-bg-soft p-4 text-base shadow-lg transition-opacity duration-500 ${
        legendVisible ? "opacity-100" : "pointer-events-none opacity-0"
      }`}
      aria-hidden={!legendVisible}
    >
      <p className="font-semibold">Presenter keys</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {PRESENTER_KEYS.map((k) => (
          <div key={k.command} className="contents">
            <dt>
              <kbd className="rounded border border-border bg-bg px-1.5 font-mono">
                {KEY_LABELS[k.keys[0]!] ?? k.keys[0]}
              </kbd>
            </dt>
            <dd className="text-fg-muted">{k.label}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
