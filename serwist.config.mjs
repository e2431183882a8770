// @ts-check
/**
 * `serwist build` bundles pwa/sw.ts with esbuild and injects the precache manifest: every file of
 * the static export in out/, each with a content revision, so a new build means a new worker.
 * Runs after `next build` (npm run build); Turbopack needs no plugin for it.
 */
/** @type {import("@serwist/cli").BuildOptions} */
const config = {
  swSrc: "pwa/sw.ts",
  swDest: "out/sw.js",
  globDirectory: "out",
  globPatterns: ["**/*.{html,js,css,txt,svg,png,woff2,webmanifest,ico,json}"],
  globIgnores: ["sw.js", "sw.js.map"],
  injectionPoint: "self.__SW_MANIFEST",
  // Next's hashed chunks never change content under the same name, so they need no revision.
  dontCacheBustURLsMatching: /^_next\/static\//,
  // A lesson page with its prose is larger than the default 2 MiB limit allows for comfort.
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  esbuildOptions: { minify: true },
};

export default config;
