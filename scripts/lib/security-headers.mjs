// Security headers `npm start` sends (scripts/serve.mjs), as a static host would be set up to.
// The page's own Content-Security-Policy is a <meta http-equiv> that the build fills in with
// the hashes of the page's inline scripts (scripts/csp.mjs); the server repeats that policy as a
// header and adds what a <meta> policy cannot carry: frame-ancestors (no framing at all).

/** The policy for responses that carry no page policy of their own (assets, 404 text). */
export const DEFAULT_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export const SECURITY_HEADERS = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The app needs none of these; clipboard writes (copy-link buttons) need no permission.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

// The pinned policy scripts/csp.mjs wrote, else the layout's own.
const PINNED = /<meta\s+http-equiv="Content-Security-Policy"\s+data-pinned=""\s+content="([^"]*)"/i;
const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

/** The CSP header for a response: the page's meta policy when it has one, plus framing. */
export function cspFor(body, isHtml) {
  const text = isHtml ? body.toString("utf8") : "";
  const meta = isHtml ? (PINNED.exec(text) ?? META.exec(text)) : null;
  const policy = meta ? meta[1].replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&") : DEFAULT_CSP;
  return `${policy.replace(/;\s*$/, "")}; frame-ancestors 'none'`;
}
