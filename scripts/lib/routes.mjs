// Every route the static export contains, found from the HTML files in out/, so routes added
// later are measured and tested without anyone listing them.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Files Next writes for error pages, which are not routes of their own. */
const NOT_ROUTES = new Set(["404.html", "_not-found.html", "500.html"]);

function walk(dir, rel = "") {
  const found = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === "_next" || entry.name.startsWith("_")) continue;
      found.push(...walk(dir, relPath));
    } else if (entry.name.endsWith(".html") && !NOT_ROUTES.has(relPath)) {
      found.push(relPath);
    }
  }
  return found;
}

/** The URL path a file in out/ is served at: index.html is /, a/index.html is /a/, a/b.html is /a/b. */
export function routeForFile(relPath) {
  if (relPath === "index.html") return "/";
  if (relPath.endsWith("/index.html")) return `/${relPath.slice(0, -"index.html".length)}`;
  return `/${relPath.slice(0, -".html".length)}`;
}

/**
 * The exported routes, sorted with / first; empty when there is no build.
 * (No import.meta here: Playwright's TypeScript loader imports this file too.)
 * @param {string} outDir absolute path of the export, normally OUT_DIR from ./paths.mjs
 * @returns {{ route: string, file: string }[]}
 */
export function exportedRoutes(outDir) {
  if (!existsSync(outDir)) return [];
  return walk(outDir)
    .map((rel) => ({ route: routeForFile(rel), file: path.join(outDir, rel) }))
    .sort((a, b) => (a.route === "/" ? -1 : b.route === "/" ? 1 : a.route.localeCompare(b.route)));
}
