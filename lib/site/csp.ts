/**
 * The site's Content-Security-Policy, as the root layout puts it in every page's
 * <meta http-equiv>. A static export has no response headers, so the page carries its policy.
 *
 * Next's App Router writes inline <script>s into every page (our theme boot script, the
 * Turbopack bootstrap and the React Server Components payload, `self.__next_f.push(...)`), and
 * their text differs per page. The layout cannot name them: the payload script contains the
 * layout's own output, so a hash inside it would have to hash itself. So the layout's policy
 * allows inline scripts (`'unsafe-inline'`), and `npm run build` then runs scripts/csp.mjs,
 * which puts a second, pinned policy in front of it in each exported page: the same directives
 * with script-src limited to 'self' and the sha256 hashes of exactly that page's inline
 * scripts. A browser enforces both policies, so only those scripts run. (The layout's meta must
 * stay as rendered: React matches it by its content when it hydrates.) A bare `next build` or
 * `next dev` has only the layout's policy, and the pages still work.
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

/**
 * Runs before any bundle: zod's JIT probes `new Function("")` once, which a CSP without
 * 'unsafe-eval' reports as a violation even though zod catches it. Jitless mode skips the probe.
 */
export const ZOD_JITLESS_SCRIPT = "globalThis.__zod_globalConfig={jitless:true};";
