"use client";

import { clientOnly } from "@/components/ui/clientOnly";
import type { ComponentProps } from "react";
import type { BridgePanel } from "./BridgePanel";

/** The bridge panel loads with the lab, not in the page's first-load JS. */
export const LazyBridgePanel = clientOnly<ComponentProps<typeof BridgePanel>>(() =>
  import("./BridgePanel").then((m) => m.BridgePanel),
);
