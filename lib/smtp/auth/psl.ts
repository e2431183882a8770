/**
 * Organizational domains (RFC 7489 3.2) from a small public-suffix table. The world's domains are
 * all under one-label suffixes (.example, .com); the table adds the common two-label registries so
 * a learner trying "mail.example.co.uk" gets the right answer too. A full Public Suffix List would
 * add ~100 kB to the lab for names the simulation never has.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  "co.uk",
  "org.uk",
  "ac.uk",
  "gov.uk",
  "com.au",
  "net.au",
  "org.au",
  "co.nz",
  "co.jp",
  "ne.jp",
  "or.jp",
  "com.br",
  "com.cn",
  "co.in",
  "co.za",
  "com.mx",
]);

/** The public suffix of a (lower-case, dot-free-ended) domain. */
export function publicSuffix(domain: string): string {
  const labels = domain.split(".");
  if (labels.length >= 2) {
    const two = labels.slice(-2).join(".");
    if (MULTI_LABEL_SUFFIXES.has(two)) return two;
  }
  return labels[labels.length - 1] ?? "";
}

/**
 * The organizational domain: the public suffix plus one label. A public suffix itself (or a
 * single label) is its own organizational domain.
 */
export function orgDomain(domain: string): string {
  const d = domain.toLowerCase().replace(/\.$/, "");
  const suffix = publicSuffix(d);
  if (d === suffix) return d;
  const rest = d.slice(0, d.length - suffix.length - 1).split(".");
  return `${rest[rest.length - 1]}.${suffix}`;
}
