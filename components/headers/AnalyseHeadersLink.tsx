"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * "Analyse headers" for a lab message: opens /headers with the message's header section in the
 * URL fragment (compressed), so the analysis can also be shared. The codec loads on click.
 */
export function AnalyseHeadersLink({ raw }: { raw: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const { encodeFragment } = await import("@/lib/headers/share/fragment");
      const headerBlock = raw.split(/\r?\n\r?\n/, 1)[0] ?? raw;
      router.push(`/headers#${await encodeFragment(headerBlock)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => void open()}
      className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg-soft disabled:opacity-60"
    >
      Analyse headers
    </button>
  );
}
