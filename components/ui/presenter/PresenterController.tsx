"use client";

import { useEffect, useState } from "react";
import { commandForKey, KEY_LABELS, presentFromSearch, PRESENTER_KEYS } from "@/lib/site/presenter";
import { activates, ownsKeys } from "./keys";
import { rememberedPresent, usePresenter } from "./presenter-store";
import { PRESENTER_EVENT, type StepDetail } from "./usePresenterSteps";

const LEGEND_MS = 5000;

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
  // One row over the site header, at the very top: never over the diagram, the terminal or the
  // caption, which all sit below the header.
  return (
    <aside
      aria-label="Presenter keys"
      data-testid="presenter-legend"
      className={`fixed inset-x-0 top-0 z-40 flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-border bg-bg-soft px-4 py-1.5 text-[max(14px,0.6rem)] shadow-md transition-opacity duration-500 ${
        legendVisible ? "opacity-100" : "pointer-events-none opacity-0"
      }`}
      aria-hidden={!legendVisible}
    >
      <p className="font-semibold">Presenter keys</p>
      <dl className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {PRESENTER_KEYS.map((k) => (
          <div key={k.command} className="flex items-center gap-1.5">
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
