"use client";

import { useEffect, useState } from "react";

/** How long after the page has loaded the worker waits before it starts (see afterStartUp). */
const START_UP_MS = 5000;

/**
 * Resolves once the page's own start-up is over: the load event, then START_UP_MS, then a moment
 * the main thread is idle. Installing the worker precaches the whole site (every page and
 * script: 2.2 MB gzip), and doing that as the page loaded competed with it for the CPU (its
 * blocking time was lower without it: `npm run lighthouse`, see issue 13's notes). The first
 * seconds are also when a learner starts the lab, whose simulation is then fetched.
 */
function afterStartUp(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      "requestIdleCallback" in window
        ? window.requestIdleCallback(() => resolve(), { timeout: START_UP_MS })
        : resolve();
    const wait = () => window.setTimeout(idle, START_UP_MS);
    if (document.readyState === "complete") wait();
    else window.addEventListener("load", wait, { once: true });
  });
}

/**
 * Registers the service worker (built by Serwist into out/sw.js) so the site works offline
 * after one visit, and offers a reload when a new version has been downloaded. The worker
 * waits for that reload, so nobody is switched to new code in the middle of an exam. It starts
 * once the page's start-up is over (afterStartUp).
 * @serwist/window loads after the page, from this site's own chunks (CSP `worker-src 'self'`).
 */
export function ServiceWorkerUpdates() {
  const [update, setUpdate] = useState<(() => void) | null>(null);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    void (async () => {
      await afterStartUp();
      if (cancelled) return;
      const { Serwist } = await import("@serwist/window");
      if (cancelled) return;
      const sw = new Serwist("/sw.js", { scope: "/" });
      sw.addEventListener("waiting", () => {
        setUpdate(() => () => {
          sw.addEventListener("controlling", () => window.location.reload());
          sw.messageSkipWaiting();
        });
      });
      void sw.register().catch(() => {
        // No worker (a host without sw.js, or a private window): the site still works online.
      });
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <div
      role="status"
      aria-live="polite"
      className="fixed inset-x-3 bottom-3 z-40 mx-auto max-w-xl empty:hidden"
    >
      {update && (
        <div className="flex flex-wrap items-center gap-3 rounded-2xl border-2 border-accent bg-bg p-4 shadow-lg">
          <p className="min-w-0 flex-1 basis-56">
            A new version of Relay Lab is ready. Reload when it suits you; your progress is kept.
          </p>
          <button
            type="button"
            onClick={update}
            className="h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg"
          >
            Reload
          </button>
          <button
            type="button"
            onClick={() => setUpdate(null)}
            className="h-12 rounded-xl border-2 border-border px-5 font-semibold"
          >
            Later
          </button>
        </div>
      )}
    </div>
  );
}
