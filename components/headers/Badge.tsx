import type { AuthResultCode } from "@/lib/headers/types";

const GOOD = new Set<AuthResultCode>(["pass", "bestguesspass"]);
const BAD = new Set<AuthResultCode>(["fail", "hardfail", "softfail", "permerror"]);

/** A result word with a colour that repeats what the word says (never colour alone). */
export function ResultBadge({ result }: { result: AuthResultCode | null }) {
  const tone =
    result && GOOD.has(result)
      ? "border-ok text-ok"
      : result && BAD.has(result)
        ? "border-bad text-bad"
        : "border-border text-fg-muted";
  return (
    <span
      className={`inline-block rounded border px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${tone}`}
    >
      {result ?? "not recorded"}
    </span>
  );
}
