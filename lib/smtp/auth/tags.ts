/** DKIM tag=value lists (RFC 6376 3.2), used by signatures and key records. */
export type TagList = { ok: true; tags: Map<string, string> } | { ok: false; error: string };

export function parseTags(text: string): TagList {
  const tags = new Map<string, string>();
  const parts = text.split(";");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.trim() === "") {
      if (i === parts.length - 1) continue; // a trailing ";" is allowed
      return { ok: false, error: "empty tag" };
    }
    const eq = part.indexOf("=");
    if (eq === -1) return { ok: false, error: `tag without a value: ${part.trim().slice(0, 40)}` };
    const name = part.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
      return { ok: false, error: `bad tag name: ${name.slice(0, 40)}` };
    if (tags.has(name)) return { ok: false, error: `duplicate tag ${name}=` };
    tags.set(
      name,
      part
        .slice(eq + 1)
        .replace(/\r\n/g, "")
        .trim(),
    );
  }
  return { ok: true, tags };
}
