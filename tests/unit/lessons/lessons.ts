/** The course's lessons that have a lab, parsed from content/lessons (for tests). */
import fs from "node:fs";
import path from "node:path";
import { parseLessonSource, type Lesson } from "@/lib/lessons/schema";
import { SCENARIO_IDS } from "@/lib/smtp";

const DIR = path.resolve(__dirname, "../../../content/lessons");

export function labLessons(): Lesson[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .map((file) => {
      const r = parseLessonSource(file, fs.readFileSync(path.join(DIR, file), "utf8"), {
        scenarios: new Set(SCENARIO_IDS),
      });
      if (!r.ok) throw new Error(r.error);
      return r.lesson;
    })
    .filter((l) => l.scenario !== undefined);
}
