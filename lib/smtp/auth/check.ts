/** The receiving MX's whole check, as an OpenDKIM + OpenDMARC milter pair would run it. */
import { verifyMessage, type DkimResult } from "./dkim";
import { checkDmarc, type DmarcResult } from "./dmarc";
import { safeResolver, type Resolver } from "./dns";
import { authenticationResults, receivedSpf } from "./results";
import { checkSpf, type SpfResult } from "./spf";

export interface AuthInput {
  /** The SMTP client's address and HELO name, and MAIL FROM ("" for the null sender). */
  ip: string;
  helo: string;
  sender: string;
  /** The message as received (header lines, "", body lines). */
  lines: readonly string[];
  /** The checking host's name: authserv-id and Received-SPF's receiver. */
  receiver: string;
  /** Virtual time in ms since the epoch (the world's clock). */
  now: number;
  /** [0, 100) from a seeded generator, for DMARC pct= (a function is called only if needed). */
  sample?: number | (() => number);
}

export interface AuthVerdict {
  spf: SpfResult;
  dkim: DkimResult[];
  dmarc: DmarcResult;
  /** Header lines to prepend: Authentication-Results, then Received-SPF. */
  headers: string[];
  /** accept; quarantine (deliver to Junk); reject (550 5.7.1 after DATA). */
  action: "accept" | "quarantine" | "reject";
  /** For reject: the reply text after the code, as OpenDMARC words it. */
  rejectText: string | null;
}

export function checkDkimAndDmarc(
  lines: readonly string[],
  spf: SpfResult,
  resolve: Resolver,
  now: number,
  sample: number | (() => number) = 0,
): { dkim: DkimResult[]; dmarc: DmarcResult } {
  const dkim = verifyMessage(lines, resolve, { now: Math.floor(now / 1000) });
  const dmarc = checkDmarc({ lines, spf, dkim, sample }, resolve);
  return { dkim, dmarc };
}

/** SPF, DKIM and DMARC for one message, plus the headers and the action. Never throws. */
export function authenticateMessage(input: AuthInput, resolver: Resolver): AuthVerdict {
  const resolve = safeResolver(resolver);
  const spf = checkSpf(
    {
      ip: input.ip,
      sender: input.sender,
      helo: input.helo,
      receiver: input.receiver,
      now: Math.floor(input.now / 1000),
    },
    resolve,
  );
  const { dkim, dmarc } = checkDkimAndDmarc(input.lines, spf, resolve, input.now, input.sample);
  const headers = [
    ...authenticationResults(input.receiver, { spf, dkim, dmarc }),
    ...receivedSpf(spf),
  ];
  const action =
    dmarc.disposition === "reject"
      ? "reject"
      : dmarc.disposition === "quarantine"
        ? "quarantine"
        : "accept";
  return {
    spf,
    dkim,
    dmarc,
    headers,
    action,
    rejectText:
      action === "reject" ? `5.7.1 rejected by DMARC policy for ${dmarc.fromDomain}` : null,
  };
}
