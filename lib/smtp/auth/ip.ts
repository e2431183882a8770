/** IPv4 helpers for SPF's ip4/a/mx mechanisms (the world has no IPv6 hosts). */

/** A dotted quad as a 32-bit unsigned number, or null. */
export function ipv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255 || (m[i]!.length > 1 && m[i]!.startsWith("0"))) return null;
    n = n * 256 + part;
  }
  return n;
}

/** Whether `ip` falls in `net`/`prefix` (prefix 0-32). */
export function inPrefix(ip: number, net: number, prefix: number): boolean {
  if (prefix === 0) return true;
  const shift = 32 - prefix;
  return Math.floor(ip / 2 ** shift) === Math.floor(net / 2 ** shift);
}

/** A loose IPv6 syntax check (RFC 4291 2.2), enough to tell "ip6:" values apart from junk. */
export function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(":")) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  const v4tail = groups.length > 0 && groups[groups.length - 1]!.includes(".");
  if (v4tail && ipv4(groups[groups.length - 1]!) === null) return false;
  const count = groups.length + (v4tail ? 1 : 0);
  if (groups.some((g, i) => !(i === groups.length - 1 && v4tail) && !/^[0-9a-fA-F]{1,4}$/.test(g)))
    return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}
