"use client";

import dynamic from "next/dynamic";

/** The bridge panel loads with the lab, not in the page's first-load JS. */
export const LazyBridgePanel = dynamic(() => import("./BridgePanel").then((m) => m.BridgePanel), {
  ssr: false,
});
