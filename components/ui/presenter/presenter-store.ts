"use client";

import { create } from "zustand";
import { clampZoom, ZOOM_STEP } from "@/lib/site/presenter";

interface PresenterState {
  on: boolean;
  zoom: number;
  /** Bumped to show the key legend again. */
  legendNonce: number;
  setOn: (on: boolean) => void;
  zoomBy: (sign: 1 | -1) => void;
  showLegend: () => void;
}

const SESSION_KEY = "relay-lab:present";

function remember(on: boolean) {
  try {
    if (on) sessionStorage.setItem(SESSION_KEY, "1");
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Not remembered across pages when storage is unavailable; the mode still works here.
  }
}

export function rememberedPresent(): boolean {
  try {
    return sessionStorage.getItem(SESSION_KEY) === "1";
  } catch {
    return false;
  }
}

/** Presenter mode lasts for the browser tab (sessionStorage), so it follows the instructor across pages. */
export const usePresenter = create<PresenterState>()((set) => ({
  on: false,
  zoom: 1,
  legendNonce: 0,
  setOn: (on) => {
    remember(on);
    set((s) => ({ on, legendNonce: on ? s.legendNonce + 1 : s.legendNonce }));
  },
  zoomBy: (sign) => set((s) => ({ zoom: clampZoom(s.zoom + sign * ZOOM_STEP) })),
  showLegend: () => set((s) => ({ legendNonce: s.legendNonce + 1 })),
}));
