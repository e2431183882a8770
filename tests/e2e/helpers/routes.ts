import path from "node:path";
import { exportedRoutes } from "../../../scripts/lib/routes.mjs";

const OUT_DIR = path.resolve(__dirname, "..", "..", "..", "out");

/**
 * Every route in the static export (out/), found from its HTML files when the specs load, so
 * routes added by later work are covered without editing the specs. Build first (`npm run
 * test:e2e` does). Returns URL paths such as "/", "/quiz", "/lessons/open-relay".
 */
export function allRoutes(): string[] {
  const routes = exportedRoutes(OUT_DIR).map((r) => r.route);
  if (routes.length === 0) {
    throw new Error("No exported routes in out/. Run `npm run build` (or `npm run test:e2e`).");
  }
  return routes;
}
