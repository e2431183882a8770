import { getDomain } from "tldts";

/**
 * The registrable domain ("organisation") of a host per the Public Suffix List:
 * mail.example.co.uk -> example.co.uk. Falls back to the host itself.
 */
export function orgDomain(host: string | null | undefined): string | null {
  if (!host) return null;
  const h = host.toLowerCase().replace(/\.$/, "");
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

/** Brands phishing most often imitates; a domain one edit away from one of these is suspicious. */
export const WELL_KNOWN_DOMAINS = [
  "paypal.com",
  "apple.com",
  "icloud.com",
  "microsoft.com",
  "outlook.com",
  "office.com",
  "office365.com",
  "live.com",
  "hotmail.com",
  "google.com",
  "gmail.com",
  "youtube.com",
  "amazon.com",
  "facebook.com",
  "instagram.com",
  "linkedin.com",
  "netflix.com",
  "dropbox.com",
  "docusign.com",
  "adobe.com",
  "yahoo.com",
  "github.com",
  "chase.com",
  "wellsfargo.com",
  "bankofamerica.com",
  "citibank.com",
  "hsbc.com",
  "barclays.co.uk",
  "dhl.com",
  "fedex.com",
  "ups.com",
  "usps.com",
  "irs.gov",
  "ebay.com",
  "comptia.org",
  "zoom.us",
];

/** Characters that look like Latin letters (Cyrillic and Greek), and digit or pair tricks. */
const CONFUSABLES: Record<string, string> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  х: "x",
  у: "y",
  і: "i",
  ј: "j",
  ԁ: "d",
  ѕ: "s",
  һ: "h",
  ӏ: "l",
  ԛ: "q",
  ԝ: "w",
  к: "k",
  м: "m",
  т: "t",
  в: "b",
  н: "h",
  α: "a",
  ο: "o",
  ρ: "p",
  ν: "v",
  ι: "i",
  κ: "k",
  τ: "t",
  υ: "u",
  χ: "x",
  ε: "e",
  "0": "o",
  "1": "l",
  "5": "s",
  ı: "i",
  ɡ: "g",
};

/** A rough "skeleton" (after Unicode TR 39): the string with look-alike characters folded. */
export function skeleton(domain: string): string {
  let out = "";
  for (const ch of domain.normalize("NFKC").toLowerCase()) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/rn/g, "m").replace(/vv/g, "w").replace(/cl/g, "d").replace(/[il]/g, "l");
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface Lookalike {
  domain: string;
  /** The domain it resembles (null for punycode/non-ASCII names with no known target). */
  resembles: string | null;
  why: "confusable" | "one-edit" | "punycode";
}

/**
 * Checks each domain against the well-known list and against the other domains in the message.
 * Identical organisations are never flagged.
 */
export function findLookalikes(domains: readonly string[]): Lookalike[] {
  const orgs = [
    ...new Set(domains.map((d) => orgDomain(d)).filter((d): d is string => Boolean(d))),
  ];
  const targets = [...new Set([...WELL_KNOWN_DOMAINS, ...orgs])];
  const found: Lookalike[] = [];
  for (const org of orgs) {
    if (WELL_KNOWN_DOMAINS.includes(org)) continue;
    if (found.some((f) => f.resembles === org)) continue;
    const nonAscii = /[^\x00-\x7f]/.test(org);
    const puny = org.split(".").some((l) => l.startsWith("xn--"));
    let match: Lookalike | null = null;
    for (const t of targets) {
      if (t === org) continue;
      if (skeleton(t) === skeleton(org)) {
        match = { domain: org, resembles: t, why: "confusable" };
        break;
      }
      const label = org.split(".")[0]!;
      if (!nonAscii && label.length >= 4 && editDistance(org, t, 1) === 1) {
        // Two domains both in the message and both real (e.g. a list and its sender) one edit
        // apart are still worth a look, so they are reported too.
        match ??= { domain: org, resembles: t, why: "one-edit" };
      }
    }
    if (!match && (puny || nonAscii)) match = { domain: org, resembles: null, why: "punycode" };
    if (match) found.push(match);
  }
  return found;
}
