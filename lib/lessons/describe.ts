/**
 * Documentation of the front matter, generated from the zod schema's `.describe()` texts, so the
 * docs cannot drift from what the build enforces. `npx tsx lib/lessons/describe.ts` prints it.
 */
import { lessonFrontMatterSchema, taskCheckSchema } from "./schema";

interface Described {
  description?: string;
}

function shapeOf(schema: unknown): Record<string, Described> {
  const s = schema as {
    shape?: Record<string, Described>;
    def?: { in?: unknown; schema?: unknown };
  };
  if (s.shape) return s.shape;
  if (s.def?.in) return shapeOf(s.def.in);
  if (s.def?.schema) return shapeOf(s.def.schema);
  return {};
}

/** Markdown tables of the lesson fields and the task check kinds. */
export function describeFrontMatter(): string {
  const lines = ["| field | what it is |", "|---|---|"];
  for (const [name, field] of Object.entries(shapeOf(lessonFrontMatterSchema))) {
    lines.push(`| \`${name}\` | ${field.description ?? ""} |`);
  }
  lines.push("", "| check kind | fields | passes when |", "|---|---|---|");
  for (const option of taskCheckSchema.options) {
    const shape = option.shape as Record<string, Described & { def?: { type?: string } }>;
    const kind = (option.shape.kind as unknown as { value: string }).value;
    const fields = Object.entries(shape)
      .filter(([k]) => k !== "kind")
      .map(([k, v]) => `\`${k}\`${v.def?.type === "optional" ? "?" : ""}: ${v.description ?? ""}`)
      .join("<br>");
    lines.push(`| \`${kind}\` | ${fields} | ${option.description ?? ""} |`);
  }
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("describe.ts")) console.log(describeFrontMatter());
