/**
 * Email authentication for the simulated internet: SPF (RFC 7208), DKIM with Ed25519 (RFC 6376,
 * RFC 8463), DMARC (RFC 7489) and the Authentication-Results header (RFC 8601). Pure: no DOM, no
 * clock (time is passed in), no randomness (keys come from the caller's seed), and nothing here
 * throws. DNS comes from one synchronous resolver the caller provides. See README.md.
 */
import { checkDkimAndDmarc } from "./check";

export { checkSpf, explainSpf, spfComment } from "./spf";
export type { SpfInput, SpfLookups, SpfResult, SpfResultCode } from "./spf";
export {
  signMessage,
  verifyMessage,
  keyRecord,
  publicKeyFromRecord,
  DEFAULT_SIGNED_HEADERS,
} from "./dkim";
export type { DkimResult, DkimResultCode, DkimSigningKey, SignOptions, SignResult } from "./dkim";
export { checkDmarc, explainDmarc, fromDomainOf, parseDmarcRecord } from "./dmarc";
export type {
  Alignment,
  DmarcInput,
  DmarcPolicy,
  DmarcRecord,
  DmarcResult,
  DmarcResultCode,
} from "./dmarc";
export {
  authenticationResults,
  receivedSpf,
  parseAuthenticationResults,
  spfResinfo,
  dkimResinfo,
  dmarcResinfo,
} from "./results";
export type { AuthResultsView } from "./results";
export { canonBody, canonHeader, splitMessage, fieldValue } from "./canon";
export type { Canon, HeaderField } from "./canon";
export { orgDomain, publicSuffix } from "./psl";
export { safeResolver, zoneResolver, normName } from "./dns";
export type { DnsReply, DnsType, Resolver } from "./dns";
export { fromBase64, toBase64 } from "./base64";
export { keyPairFromSeed, publicKeyOf } from "./ed25519";
export { authenticateMessage } from "./check";
export type { AuthInput, AuthVerdict } from "./check";
export { checkDkimAndDmarc };
