/**
 * The site's Content-Security-Policy, as the root layout puts it in every page's
 * <meta http-equiv>. A static export has no response headers, so the page carries its policy.
 *
 * Next's App Router writes inline <script>s into every page (our theme boot script, the
 * Turbopack bootstrap and the React Server Components payload, `self.__next_f.push(...)`), and
 * their text differs per page. The layout cannot know them, so it writes `'unsafe-inline'` as a
 * placeholder; `npm run build` then runs scripts/csp.mjs, which replaces that placeholder in
 * each exported page with the sha256 hashes of exactly that page's inline scripts. A bare
 * `next build` (or `next dev`) keeps the weaker placeholder, and the pages still work.
 *
 * style-src allows inline styles: React's style attributes and xterm's own <style> element need
 * them, and a style cannot run script. connect-src and worker-src leave room for the WebSocket
 * bridge on the learner's own machine and for the service worker.
 */
export const SCRIPT_PLACEHOLDER = "'unsafe-inline'";

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'self'"],
  ["script-src", `'self' ${SCRIPT_PLACEHOLDER}`],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self'"],
  ["connect-src", "'self' ws://127.0.0.1:* ws://localhost:*"],
  ["worker-src", "'self'"],
  ["manifest-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
];

/** The policy text ("frame-ancestors" cannot be set from a <meta>; the server sends it). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join("; ");
