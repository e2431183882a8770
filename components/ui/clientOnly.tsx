"use client";

import { startTransition, useEffect, useState, type ComponentType } from "react";
import { yieldToMain } from "./yieldToMain";

/**
 * A component whose code is fetched in the browser once it first mounts, as `next/dynamic` with
 * `ssr: false` does, but without that helper's runtime (about 2 kB gzip of first-load JS on every
 * page that used it). The server, and the browser until the code has arrived, render `Fallback`,
 * which should hold the component's space. If the chunk fails to load, the fallback stays and
 * the next mount tries again.
 */
export function clientOnly<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback: ComponentType = () => null,
): ComponentType<P> & { preload(): Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  /** Starts the fetch (once; again after a failure); a mount after it settles renders at once. */
  const preload = () => {
    // Fetched from a task of its own: the chunk's script element is not free to add, and every
    // effect of a hydration runs in one task.
    if (!loading) {
      const p = yieldToMain()
        .then(load)
        .then((c) => (loaded = c));
      p.catch(() => {
        if (loading === p) loading = null;
      });
      loading = p;
    }
    return loading;
  };
  function ClientOnly(props: P) {
    // Set at once when an earlier mount loaded it (a client-side navigation: no hydration).
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        (c) => {
          // As a transition, React renders the loaded component in slices, yielding to the
          // browser between them, instead of in one long task.
          if (live) startTransition(() => setLoaded(() => c));
        },
        () => {},
      );
      return () => {
        live = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : <Fallback />;
  }
  return Object.assign(ClientOnly, { preload });
}
