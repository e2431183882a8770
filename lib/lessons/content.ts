/**
 * Reads the course from content/ at build time (server components and tests only: uses node:fs).
 * A bad lesson or glossary fails the build with a message naming the file and the field.
 */
import fs from "node:fs";
import path from "node:path";
import {
  checkCourse,
  parseLessonSource,
  progressTaskIds,
  type Lesson,
  type LessonSummary,
} from "./schema";

export type { LessonSummary };
import { SCENARIO_IDS } from "@/content/scenarios";
import { parseGlossary, termIdsIn, type GlossaryEntry } from "./glossary";

const ROOT = process.cwd();
const LESSON_DIR = path.join(ROOT, "content", "lessons");
const GLOSSARY_FILE = path.join(ROOT, "content", "glossary.yaml");

let cache: { lessons: Lesson[]; glossary: GlossaryEntry[] } | null = null;

function load(scenarioIds?: ReadonlySet<string>): { lessons: Lesson[]; glossary: GlossaryEntry[] } {
  const errors: string[] = [];
  const glossaryResult = parseGlossary(fs.readFileSync(GLOSSARY_FILE, "utf8"));
  const glossary = glossaryResult.ok ? glossaryResult.entries : [];
  if (!glossaryResult.ok) errors.push(glossaryResult.error);
  const known = new Set(glossary.map((g) => g.id));

  const lessons: Lesson[] = [];
  for (const file of fs
    .readdirSync(LESSON_DIR)
    .filter((f) => f.endsWith(".mdx"))
    .sort()) {
    const result = parseLessonSource(file, fs.readFileSync(path.join(LESSON_DIR, file), "utf8"), {
      scenarios: scenarioIds,
    });
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    for (const id of termIdsIn(result.lesson.body)) {
      if (glossaryResult.ok && !known.has(id))
        errors.push(`content/lessons/${file}: <Term id="${id}"> is not in content/glossary.yaml`);
    }
    lessons.push(result.lesson);
  }
  if (errors.length === 0) errors.push(...checkCourse(lessons));
  if (errors.length) throw new Error(`The course content is invalid:\n${errors.join("\n")}`);
  return { lessons: lessons.sort((a, b) => a.order - b.order), glossary };
}

function course() {
  cache ??= load(knownScenarioIds());
  return cache;
}

/** Scenario ids the lessons may name (from content/scenarios once the engine provides them). */
function knownScenarioIds(): ReadonlySet<string> {
  return new Set<string>(SCENARIO_IDS);
}

export function getLessons(): Lesson[] {
  return course().lessons;
}

export function getLesson(slug: string): Lesson | undefined {
  return course().lessons.find((l) => l.slug === slug);
}

export function getLessonSummaries(): LessonSummary[] {
  return course().lessons.map((l) => ({
    slug: l.slug,
    title: l.title,
    order: l.order,
    summary: l.summary,
    minutes: l.minutes,
    objective: l.objective,
    scenario: l.scenario,
    taskIds: progressTaskIds(l),
  }));
}

export function getGlossary(): GlossaryEntry[] {
  return course().glossary;
}
