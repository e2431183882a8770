/** Glossary entries (content/glossary.yaml): the terms lessons explain inline and /glossary lists. */
import { z } from "zod";
import { parse as parseYaml } from "yaml";

export const glossaryEntrySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "must be lower-case words joined by hyphens" })
      .describe('What lessons write in <Term id="...">; also the anchor on /glossary.'),
    term: z.string().min(2).describe("The term as the glossary page lists it."),
    short: z.string().min(10).max(300).describe("The explanation shown inline and on /glossary."),
  })
  .strict();

export const glossarySchema = z.array(glossaryEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id))
      ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id "${e.id}"` });
    seen.add(e.id);
  });
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export type GlossaryResult = { ok: true; entries: GlossaryEntry[] } | { ok: false; error: string };

/** Parses and validates the glossary source; never throws. */
export function parseGlossary(source: string): GlossaryResult {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (e) {
    return {
      ok: false,
      error: `content/glossary.yaml: not valid YAML (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    };
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      error: `content/glossary.yaml: invalid\n${parsed.error.issues
        .map((i) => `  - [${i.path.join(".")}]: ${i.message}`)
        .join("\n")}`,
    };
  }
  return { ok: true, entries: parsed.data };
}

/** Every <Term id="..."> used in an MDX body, in order of first use. */
export function termIdsIn(body: string): string[] {
  const ids: string[] = [];
  for (const m of body.matchAll(/<Term\s+id="([^"]+)"/g))
    if (m[1] && !ids.includes(m[1])) ids.push(m[1]);
  return ids;
}
