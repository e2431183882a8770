import type { AuthCheck, ExchangeVerdicts, HeaderField } from "./types";

/** "KEY:value;KEY:value" as Exchange writes X-Forefront-Antispam-Report and X-Microsoft-Antispam. */
function readPairs(value: string | null): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!value) return pairs;
  for (const part of value.split(";")) {
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    const key = part.slice(0, colon).trim().toUpperCase();
    if (key && !(key in pairs)) pairs[key] = part.slice(colon + 1).trim();
  }
  return pairs;
}

function toScore(v: string | null | undefined): number | null {
  if (v === null || v === undefined || !/^\s*-?\d+\s*$/.test(v)) return null;
  return Number(v);
}

const DIRECTIONS: Record<string, ExchangeVerdicts["direction"]> = {
  INB: "inbound",
  INCOMING: "inbound",
  OUT: "outbound",
  ORIGINATING: "outbound",
  INT: "internal",
};

/** Spam confidence level (SCL) in plain words. */
export function sclWords(scl: number, direction: ExchangeVerdicts["direction"]): string {
  const who =
    direction === "outbound"
      ? "The sender's Exchange Online rated the message on its way out"
      : "Exchange's spam filter rated the message";
  if (scl < 0)
    return "Spam filtering was skipped (SCL -1): the message came from inside the organisation, from a safe sender, or matched a rule that bypasses filtering.";
  if (scl <= 1) return `${who} as not spam (SCL ${scl} of 9).`;
  if (scl <= 4) return `${who} with a low spam score (SCL ${scl} of 9), below the spam level.`;
  if (scl <= 6)
    return `${who} as spam (SCL ${scl} of 9); by default such mail goes to the Junk Email folder.`;
  return `${who} as high-confidence spam (SCL ${scl} of 9).`;
}

/** Who Exchange took the sender to be (X-MS-Exchange-Organization-AuthAs). */
export function authAsWords(authAs: string): string {
  switch (authAs.toLowerCase()) {
    case "anonymous":
      return "Exchange received it from outside the organisation, from a server that did not log in (AuthAs: Anonymous). This is how ordinary Internet mail arrives.";
    case "internal":
      return "Exchange treated it as sent from inside the organisation, by a signed-in user or an internal server (AuthAs: Internal).";
    case "partner":
      return "Exchange received it over a partner connector, from an organisation set up as trusted (AuthAs: Partner).";
    case "external":
      return "Exchange received it from an authenticated server outside the organisation (AuthAs: External).";
    default:
      return `Exchange recorded the sender's standing as "${authAs}" (AuthAs).`;
  }
}

/** Microsoft's composite authentication verdict, from compauth= in Authentication-Results. */
export function compauthWords(result: string, reason: string | null): string {
  const what =
    result === "pass"
      ? "passed: Microsoft judged that the message really comes from the domain in From"
      : result === "fail"
        ? "failed: Microsoft judged the From domain to be spoofed"
        : result === "softpass"
          ? "soft-passed: Microsoft found the sender probably genuine, short of a full pass"
          : result === "none"
            ? "was not applied"
            : `is "${result}"`;
  return `Composite authentication (compauth), Microsoft's own verdict built from SPF, DKIM, DMARC and the sender's history, ${what}${reason ? ` (reason ${reason})` : ""}. It lets Exchange judge spoofing even for domains that publish no DMARC policy.`;
}

/**
 * Exchange Online's own verdicts: spam confidence level, direction, how the sender was
 * authenticated, and compauth. Null when the message carries no Exchange fields at all.
 */
export function readExchange(
  fields: HeaderField[],
  checks: readonly AuthCheck[],
): ExchangeVerdicts | null {
  const first = (n: string) => fields.find((f) => f.name.toLowerCase() === n)?.value ?? null;
  const hasExchange = fields.some((f) =>
    /^(?:x-ms-exchange-|x-forefront-antispam-report$)/i.test(f.name),
  );
  const compauthCheck = checks.find((c) => c.method === "compauth") ?? null;
  if (!hasExchange && !compauthCheck) return null;

  const forefront = readPairs(first("x-forefront-antispam-report"));
  const scl = toScore(first("x-ms-exchange-organization-scl")) ?? toScore(forefront["SCL"]);
  const dirWord = (
    forefront["DIR"] ??
    first("x-ms-exchange-organization-messagedirectionality") ??
    ""
  )
    .trim()
    .toUpperCase();
  const direction = DIRECTIONS[dirWord] ?? null;
  const authAs =
    first("x-ms-exchange-organization-authas") ?? first("x-ms-exchange-crosstenant-authas");
  const compauth = compauthCheck
    ? { result: compauthCheck.result, reason: compauthCheck.reason }
    : null;
  const words: string[] = [];
  if (scl !== null) words.push(sclWords(scl, direction));
  if (authAs) words.push(authAsWords(authAs.trim()));
  if (compauth) words.push(compauthWords(compauth.result, compauth.reason));
  return {
    scl,
    direction,
    authAs: authAs ? authAs.trim() : null,
    connectingIp: forefront["CIP"] || null,
    country: forefront["CTRY"] || null,
    compauth,
    words,
  };
}
