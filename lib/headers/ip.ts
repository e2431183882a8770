import type { HopIp, IpScope } from "./types";

function ipv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

/** Eight 16-bit groups, or null. Accepts "::" and an embedded IPv4 tail. */
function ipv6(s: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(s) || !s.includes(":")) return null;
  let tail: number[] = [];
  let head = s;
  const v4 = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  if (v4) {
    const p = ipv4(v4[1]!);
    if (!p) return null;
    tail = [(p[0]! << 8) | p[1]!, (p[2]! << 8) | p[3]!];
    head = s.slice(0, -v4[1]!.length);
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const read = (h: string) => (h === "" ? [] : h.split(":"));
  const left = read(halves[0]!);
  const right = halves.length === 2 ? read(halves[1]!) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const known = left.length + right.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const fill = new Array<number>(8 - known).fill(0);
  return [
    ...left.map((g) => parseInt(g, 16)),
    ...(halves.length === 2 ? fill : []),
    ...right.map((g) => parseInt(g, 16)),
    ...tail,
  ];
}

function scope4(p: number[]): IpScope {
  const [a, b, c] = p as [number, number, number, number];
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return "link-local";
  if (a === 100 && b >= 64 && b <= 127) return "shared";
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  )
    return "documentation";
  if (a === 0) return "unspecified";
  return "public";
}

function scope6(g: number[]): IpScope {
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff)
    return scope4([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]);
  if ((g[0]! & 0xfe00) === 0xfc00) return "private";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "documentation";
  return "public";
}

/** Reads an address as written in a Received: header ("[IPv6:2001:db8::1]", "10.0.0.1", "fe80::1%6"). */
export function parseIp(text: string): HopIp | null {
  // Cheap rejection first: this runs on every word of every Received: comment.
  if (!/^\[?(?:ipv6:)?[0-9a-f:]/i.test(text.trimStart())) return null;
  const s = text
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/^ipv6:/i, "")
    .replace(/%[\w.]+$/, "");
  const p4 = ipv4(s);
  if (p4) return { address: s, version: 4, scope: scope4(p4) };
  const p6 = ipv6(s);
  if (p6) return { address: s.toLowerCase(), version: 6, scope: scope6(p6) };
  return null;
}

export const SCOPE_WORDS: Record<IpScope, string> = {
  public: "public",
  private: "private network",
  loopback: "loopback (this machine)",
  "link-local": "link-local",
  shared: "carrier-grade NAT",
  documentation: "documentation range",
  unspecified: "unspecified",
};
