/**
 * The service worker, bundled by `serwist build` (serwist.config.mjs) after `next build`, with
 * the list of every file in out/ injected as its precache manifest. Serwist does the caching:
 * one online visit installs the whole site (every route, lesson and the lab) for offline use.
 * A new version waits until the page asks it to take over (the "new version" banner).
 */
import { Route, Serwist, type PrecacheEntry } from "serwist";

declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    // /quiz is served from quiz.html, / from index.html, /lab?scenario=x from lab.html.
    cleanURLs: true,
    directoryIndex: "index.html",
    ignoreURLParametersMatching: [/.*/],
    // A route that is not in the export (a mistyped address) gets the 404 page offline too.
    navigateFallback: "/404.html",
  },
  // Wait for the page's "Reload" so a learner mid-exam is never switched under their feet.
  skipWaiting: false,
  clientsClaim: true,
});

// Next's router also sends HEAD requests for pages; answer them from the same precached GET
// (Serwist's routes are GET-only), so they do not fail offline.
serwist.registerRoute(
  new Route(
    ({ sameOrigin }) => sameOrigin,
    async ({ request, event }) => {
      const get = serwist.handleRequest({ request: new Request(request.url), event });
      const res = get ? await get : await fetch(request);
      return new Response(null, { status: res.status, headers: res.headers });
    },
    "HEAD",
  ),
);

serwist.addEventListeners();
