"use client";

import { clientOnly } from "@/components/ui/clientOnly";
import type { LabProps } from "./Lab";
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

/**
 * The lab, with its engine, shell and diagram split out of the page's first-load JS: the page's
 * own text paints and becomes interactive first, then the simulation loads.
 */
export const LazyLab = clientOnly<LabProps>(
  () => loadLab(() => import("./Lab")).then((m) => m.Lab),
  LabPlaceholder,
);
