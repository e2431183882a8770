/**
 * SPF (RFC 7208) and DMARC (RFC 7489) verdicts of lib/smtp/auth against mailauth's on one table.
 * Every row states the RFC's answer; ours must give it, and mailauth must agree with ours (a row
 * that documents a known mailauth divergence says so and why).
 */
import { describe, expect, it } from "vitest";
import {
  authenticateMessage,
  keyPairFromSeed,
  keyRecord,
  signMessage,
  zoneResolver,
  type DnsType,
  type Resolver,
} from "@/lib/smtp/auth";
import { oracle } from "./oracle";

type Zone = Record<string, Partial<Record<DnsType, string[]>>>;

const CORP_KEY = keyPairFromSeed(new Uint8Array(32).fill(1));
const ISP_KEY = keyPairFromSeed(new Uint8Array(32).fill(2));
const GOOD = "192.0.2.25";
const BAD = "203.0.113.10";

const BASE: Zone = {
  "corp.example": { TXT: ["v=spf1 mx -all"], MX: ["10 mx.corp.example"] },
  "mx.corp.example": { A: [GOOD] },
  "_dmarc.corp.example": { TXT: ["v=DMARC1; p=reject"] },
  "mail._domainkey.corp.example": { TXT: [keyRecord(CORP_KEY.publicKey)] },
  "isp.example": { TXT: ["v=spf1 ip4:198.51.100.25 -all"] },
  "mail._domainkey.isp.example": { TXT: [keyRecord(ISP_KEY.publicKey)] },
  "other.example": { A: ["203.0.113.7"], MX: ["10 mx.other.example"] },
  "mx.other.example": { A: [BAD] },
};

interface Row {
  name: string;
  zone?: Zone;
  /** Replace corp.example's SPF record(s). */
  spf?: string[];
  ip?: string;
  sender?: string;
  helo?: string;
  from?: string;
  /** Sign with this domain's key (corp.example or isp.example). */
  sign?: "corp.example" | "isp.example";
  servfail?: string[];
  want: { spf: string; dmarc: string; policy?: string | null };
  /** mailauth's different answer, and why it differs. */
  oracleDiffers?: { spf?: string; dmarc?: string; why: string };
}

const chain = (n: number): Zone => {
  const z: Zone = {};
  for (let i = 0; i < n; i++)
    z[`l${i}.corp.example`] = {
      TXT: [i === n - 1 ? `v=spf1 ip4:${BAD} -all` : `v=spf1 include:l${i + 1}.corp.example -all`],
    };
  return z;
};

const ROWS: Row[] = [
  // --- RFC 7208 ---
  {
    name: "5.4 mx: the domain's MX may send",
    ip: GOOD,
    want: { spf: "pass", dmarc: "pass", policy: "reject" },
  },
  { name: "5.1 -all: anyone else fails", want: { spf: "fail", dmarc: "fail", policy: "reject" } },
  { name: "5.1 ~all: softfail", spf: ["v=spf1 mx ~all"], want: { spf: "softfail", dmarc: "fail" } },
  { name: "5.1 ?all: neutral", spf: ["v=spf1 mx ?all"], want: { spf: "neutral", dmarc: "fail" } },
  {
    name: "5.1 +all: everyone passes (and DMARC then passes too)",
    spf: ["v=spf1 +all"],
    want: { spf: "pass", dmarc: "pass" },
  },
  { name: "4.5 no SPF record: none", spf: [], want: { spf: "none", dmarc: "fail" } },
  {
    name: "4.3 the sender's domain does not exist: none",
    sender: "x@nowhere.example",
    want: { spf: "none", dmarc: "fail" },
  },
  {
    name: "4.5 two v=spf1 records: permerror",
    spf: ["v=spf1 mx -all", "v=spf1 -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "4.5 'v=spf10' is not an SPF record: none",
    spf: ["v=spf10 -all"],
    want: { spf: "none", dmarc: "fail" },
  },
  {
    name: "4.6.1 an unknown mechanism: permerror",
    spf: ["v=spf1 foo:bar -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "6 an unknown modifier is ignored",
    spf: ["v=spf1 foo=bar -all"],
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "4.7 'v=spf1' with no terms: neutral",
    spf: ["v=spf1"],
    want: { spf: "neutral", dmarc: "fail" },
  },
  {
    name: "5.6 ip4 with a /24 matches",
    spf: ["v=spf1 ip4:203.0.113.0/24 -all"],
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.6 ip4 with a bad address: permerror",
    spf: ["v=spf1 ip4:300.1.1.1 -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "5.6 ip4 with /33: permerror",
    spf: ["v=spf1 ip4:203.0.113.0/33 -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "5.6 ip6 never matches an IPv4 client",
    spf: ["v=spf1 ip6:2001:db8::/32 -all"],
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "5.2 include: a pass inside is a match",
    spf: ["v=spf1 include:isp.example -all"],
    ip: "198.51.100.25",
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.2 include: a fail inside is no match",
    spf: ["v=spf1 include:isp.example ?all"],
    want: { spf: "neutral", dmarc: "fail" },
  },
  {
    name: "5.2 include of a domain without SPF: permerror",
    spf: ["v=spf1 include:other.example -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "5.2 + 4.6.4 an include loop runs into the lookup limit: permerror",
    spf: ["v=spf1 include:loop.corp.example -all"],
    zone: { "loop.corp.example": { TXT: ["v=spf1 include:corp.example -all"] } },
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "6.1 redirect: the other domain's answer",
    spf: ["v=spf1 redirect=_spf.corp.example"],
    zone: { "_spf.corp.example": { TXT: [`v=spf1 ip4:${BAD} -all`] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "6.1 redirect to a domain without SPF: permerror",
    spf: ["v=spf1 redirect=other.example"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "6.1 redirect is ignored when 'all' is present",
    spf: [`v=spf1 -all redirect=isp.example`],
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "6 two redirect= modifiers: permerror",
    spf: ["v=spf1 redirect=a.example redirect=b.example"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "5.3 a: the domain's own address",
    spf: ["v=spf1 a -all"],
    zone: { "corp.example": { A: [BAD] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.3 a:other.example/24 with a CIDR",
    spf: ["v=spf1 a:other.example/24 -all"],
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.3 'a:' with an empty domain: permerror",
    spf: ["v=spf1 a: -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "5.4 mx:other.example",
    spf: ["v=spf1 mx:other.example -all"],
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.7 + 7.3 exists with %{i}",
    spf: ["v=spf1 exists:%{i}.allow.corp.example -all"],
    zone: { [`${BAD}.allow.corp.example`]: { A: ["127.0.0.2"] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.7 + 7.3 exists with %{l} and %{d}",
    spf: ["v=spf1 exists:%{l}.users.%{d} -all"],
    zone: { "ceo.users.corp.example": { A: ["127.0.0.2"] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "7.3 exists with %{ir}.%{v} (reversed address)",
    spf: ["v=spf1 exists:%{ir}.%{v}._spf.%{d} -all"],
    zone: { "10.113.0.203.in-addr._spf.corp.example": { A: ["127.0.0.2"] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "5.7 exists on a name without A: no match",
    spf: ["v=spf1 exists:nothing.corp.example -all"],
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "4.6.4 ten DNS lookups are allowed",
    spf: ["v=spf1 include:l0.corp.example -all"],
    zone: chain(10),
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "4.6.4 an eleventh DNS lookup: permerror",
    spf: ["v=spf1 include:l0.corp.example -all"],
    zone: chain(11),
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "4.6.4 two void lookups are allowed",
    spf: ["v=spf1 a:v1.corp.example a:v2.corp.example -all"],
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "4.6.4 a third void lookup: permerror",
    spf: ["v=spf1 a:v1.corp.example a:v2.corp.example exists:v3.corp.example -all"],
    want: { spf: "permerror", dmarc: "fail" },
  },
  {
    name: "5.5 ptr: the validated reverse name is in the domain",
    spf: ["v=spf1 ptr -all"],
    zone: { [BAD]: { PTR: ["pc.corp.example"] }, "pc.corp.example": { A: [BAD] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "2.4 null sender: HELO is checked",
    sender: "",
    helo: "mx.other.example",
    zone: { "mx.other.example": { A: [BAD], TXT: ["v=spf1 a -all"] } },
    want: { spf: "pass", dmarc: "fail" },
  },
  {
    name: "6.2 exp= does not change a fail",
    spf: ["v=spf1 mx -all exp=why.corp.example"],
    zone: { "why.corp.example": { TXT: ["%{i} may not send for %{d}"] } },
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "4.4 SERVFAIL on the SPF record: temperror",
    servfail: ["corp.example"],
    from: "ceo@isp.example",
    want: { spf: "temperror", dmarc: "none" },
  },
  {
    name: "5.2 SERVFAIL inside an include: temperror",
    spf: ["v=spf1 include:broken.corp.example -all"],
    servfail: ["broken.corp.example"],
    want: { spf: "temperror", dmarc: "fail" },
    oracleDiffers: {
      spf: "fail",
      why: "mailauth 4.13.3 ignores a DNS error inside include: (no spfResult on it) and goes on to -all; RFC 7208 5.2 says temperror",
    },
  },
  {
    name: "3.4 a 10 kB record, the match at its end",
    spf: [
      `v=spf1 ${Array.from({ length: 560 }, (_, i) => `ip4:10.${i >> 8}.${i & 255}.1`).join(" ")} ip4:${BAD} -all`,
    ],
    want: { spf: "pass", dmarc: "pass" },
  },
  // --- RFC 7489 ---
  {
    name: "3.1.1 DKIM d=corp.example aligned with From corp.example",
    sign: "corp.example",
    want: { spf: "fail", dmarc: "pass", policy: "reject" },
  },
  {
    name: "3.1.1 relaxed: DKIM d=corp.example aligns with From news.corp.example",
    sign: "corp.example",
    from: "news@news.corp.example",
    want: { spf: "fail", dmarc: "pass" },
  },
  {
    name: "3.1.1 DKIM by isp.example does not align with corp.example",
    sign: "isp.example",
    want: { spf: "fail", dmarc: "fail" },
  },
  {
    name: "3.1.2 SPF pass for isp.example does not align with From corp.example",
    ip: "198.51.100.25",
    sender: "alice@isp.example",
    want: { spf: "pass", dmarc: "fail" },
  },
  {
    name: "3.1.2 misaligned look-alike: corp.example.spammer.example is another organization",
    sender: "bounce@corp.example.spammer.example",
    zone: { "corp.example.spammer.example": { TXT: ["v=spf1 +all"] } },
    want: { spf: "pass", dmarc: "fail" },
  },
  {
    name: "3.1.2 relaxed: SPF for bounce.corp.example aligns with From corp.example",
    sender: "b@bounce.corp.example",
    zone: { "bounce.corp.example": { TXT: [`v=spf1 ip4:${BAD} -all`] } },
    want: { spf: "pass", dmarc: "pass" },
  },
  {
    name: "3.1.2 strict (aspf=s): SPF for bounce.corp.example does not align",
    sender: "b@bounce.corp.example",
    zone: {
      "bounce.corp.example": { TXT: [`v=spf1 ip4:${BAD} -all`] },
      "_dmarc.corp.example": { TXT: ["v=DMARC1; p=quarantine; aspf=s"] },
    },
    want: { spf: "pass", dmarc: "fail", policy: "quarantine" },
    oracleDiffers: {
      dmarc: "pass",
      why: "mailauth 4.13.3 passes getAlignment() an object as `strict`, so aspf=s/adkim=s act as relaxed",
    },
  },
  {
    name: "3.1.1 strict (adkim=s): d=corp.example does not align with From news.corp.example",
    sign: "corp.example",
    from: "news@news.corp.example",
    zone: { "_dmarc.corp.example": { TXT: ["v=DMARC1; p=reject; adkim=s"] } },
    want: { spf: "fail", dmarc: "fail", policy: "reject" },
    oracleDiffers: {
      dmarc: "pass",
      why: "mailauth 4.13.3 passes getAlignment() an object as `strict`, so aspf=s/adkim=s act as relaxed",
    },
  },
  {
    name: "6.6.3 a subdomain without a record uses the organizational domain's sp=",
    from: "sales@sales.corp.example",
    zone: { "_dmarc.corp.example": { TXT: ["v=DMARC1; p=reject; sp=quarantine"] } },
    want: { spf: "fail", dmarc: "fail", policy: "quarantine" },
  },
  {
    name: "6.6.3 a subdomain with its own record uses its own p=",
    from: "sales@sales.corp.example",
    zone: { "_dmarc.sales.corp.example": { TXT: ["v=DMARC1; p=none"] } },
    want: { spf: "fail", dmarc: "fail", policy: "none" },
  },
  {
    name: "6.3 p=none: fail, but nothing is done",
    zone: { "_dmarc.corp.example": { TXT: ["v=DMARC1; p=none"] } },
    want: { spf: "fail", dmarc: "fail", policy: "none" },
  },
  {
    name: "6.6.3 no DMARC record: none",
    from: "ceo@other.example",
    want: { spf: "fail", dmarc: "none" },
  },
  {
    name: "6.6.3 two DMARC records: discovery ends, none",
    zone: { "_dmarc.corp.example": { TXT: ["v=DMARC1; p=reject", "v=DMARC1; p=none"] } },
    want: { spf: "fail", dmarc: "none" },
  },
  {
    name: "6.6.3 a TXT that does not start with v=DMARC1 is not a policy",
    zone: { "_dmarc.corp.example": { TXT: ["p=reject; v=DMARC1"] } },
    want: { spf: "fail", dmarc: "none" },
  },
];

function resolverFor(row: Row): Resolver {
  const zone: Zone = structuredClone(BASE);
  if (row.spf) zone["corp.example"] = { ...zone["corp.example"], TXT: row.spf };
  for (const [k, v] of Object.entries(row.zone ?? {})) zone[k] = { ...zone[k], ...v };
  const z = zoneResolver(zone);
  return (name, type) =>
    row.servfail?.includes(name.toLowerCase())
      ? { status: "SERVFAIL", answers: [] }
      : z(name, type);
}

function message(row: Row): string[] {
  const from = row.from ?? "ceo@corp.example";
  const lines = [
    `From: <${from}>`,
    "To: <victim@partner.example>",
    "Subject: Invoice",
    "",
    "Please pay today.",
    "",
  ];
  if (!row.sign) return lines;
  const key = row.sign === "corp.example" ? CORP_KEY : ISP_KEY;
  const s = signMessage(
    lines,
    { domain: row.sign, selector: "mail", secretKey: key.secretKey },
    { time: 1_764_320_400 },
  );
  if (!s.ok) throw new Error(s.error);
  return [...s.header, ...lines];
}

describe("SPF and DMARC against mailauth", () => {
  it("has at least 40 rows", () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  for (const row of ROWS) {
    it(row.name, async () => {
      const resolve = resolverFor(row);
      const lines = message(row);
      const conn = {
        ip: row.ip ?? BAD,
        helo: row.helo ?? "bulk.spammer.example",
        sender: row.sender ?? "ceo@corp.example",
      };
      const ours = authenticateMessage(
        { ...conn, lines, receiver: "mx.partner.example", now: 1_764_320_400_000 },
        resolve,
      );
      expect({ spf: ours.spf.result, dmarc: ours.dmarc.result }).toEqual({
        spf: row.want.spf,
        dmarc: row.want.dmarc,
      });
      if (row.want.policy !== undefined) expect(ours.dmarc.policy).toBe(row.want.policy);
      const theirs = await oracle(lines, conn, resolve);
      expect(
        theirs.spf,
        `mailauth's SPF${row.oracleDiffers?.spf ? ` (${row.oracleDiffers.why})` : ""}`,
      ).toBe(row.oracleDiffers?.spf ?? ours.spf.result);
      expect(
        theirs.dmarc,
        `mailauth's DMARC${row.oracleDiffers?.dmarc ? ` (${row.oracleDiffers.why})` : ""}`,
      ).toBe(row.oracleDiffers?.dmarc ?? ours.dmarc.result);
      if (ours.dmarc.record && !row.oracleDiffers?.dmarc)
        expect(theirs.policy).toBe(ours.dmarc.policy);
      expect(
        theirs.dkim.map((r) => r === "pass"),
        "mailauth's DKIM",
      ).toEqual(ours.dkim.map((d) => d.result === "pass"));
    });
  }
});
