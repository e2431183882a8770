import { describe, expect, it } from "vitest";
import { checkCourse, parseLessonSource, progressTaskIds } from "@/lib/lessons/schema";

const GOOD = `---
title: A lesson
slug: a-lesson
order: 1
summary: Something worth learning about relays.
minutes: 5
objective: "4.5 / secure protocols"
objectives: [Do a thing.]
scenario: isp-relay
tasks:
  - id: t1
    title: Send mail.
    hint: Use telnet.
    check: { kind: delivered, to: bob@corp.example, via: mail.isp.example }
solution: [telnet mail.isp.example 25]
---

Body **text**.
`;

const withFrontMatter = (edit: (fm: string) => string) => {
  const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(GOOD)!;
  return `---\n${edit(fm!)}\n---\n${body}`;
};

const errorOf = (file: string, source: string, scenarios?: Set<string>) => {
  const r = parseLessonSource(file, source, { scenarios });
  if (r.ok) throw new Error("expected the lesson to be refused");
  return r.error;
};

describe("parseLessonSource", () => {
  it("accepts a valid lesson and keeps its body", () => {
    const r = parseLessonSource("01-a-lesson.mdx", GOOD, { scenarios: new Set(["isp-relay"]) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.title).toBe("A lesson");
    expect(r.lesson.moreLabs).toEqual([]);
    expect(r.lesson.tasks[0]!.check).toEqual({
      kind: "delivered",
      to: "bob@corp.example",
      via: "mail.isp.example",
    });
    expect(r.lesson.body.trim()).toBe("Body **text**.");
    expect(progressTaskIds(r.lesson)).toEqual(["t1"]);
  });

  it("names the file and the field when a required field is missing", () => {
    const err = errorOf(
      "01-a-lesson.mdx",
      withFrontMatter((fm) => fm.replace(/^title: .*\n/m, "")),
    );
    expect(err).toMatch(/^content\/lessons\/01-a-lesson\.mdx: invalid lesson/);
    expect(err).toMatch(/- title: /);
  });

  it("refuses an unknown check kind, pointing at the task", () => {
    const err = errorOf(
      "01-a-lesson.mdx",
      withFrontMatter((fm) => fm.replace("kind: delivered", "kind: teleported")),
    );
    expect(err).toMatch(/tasks\[0\]\.check\.kind/);
  });

  it("refuses a malformed address in a check", () => {
    const err = errorOf(
      "01-a-lesson.mdx",
      withFrontMatter((fm) => fm.replace("to: bob@corp.example", "to: bob")),
    );
    expect(err).toMatch(/tasks\[0\]\.check\.to: must be a mail address/);
  });

  it("refuses a badly written Security+ objective", () => {
    const err = errorOf(
      "01-a-lesson.mdx",
      withFrontMatter((fm) => fm.replace('"4.5 / secure protocols"', "secure stuff")),
    );
    expect(err).toMatch(/objective: must look like "3\.2 \/ secure protocols"/);
  });

  it("refuses fields it does not know (typos)", () => {
    const err = errorOf(
      "01-a-lesson.mdx",
      withFrontMatter((fm) => `${fm}\nsumary: oops`),
    );
    expect(err).toMatch(/sumary/);
  });

  it("refuses a lab lesson without a solution", () => {
    const err = errorOf(
      "01-a-lesson.mdx",
      withFrontMatter((fm) => fm.replace(/^solution: .*$/m, "")),
    );
    expect(err).toMatch(/solution: a lesson with tasks needs a solution/);
  });

  it("refuses duplicate task ids", () => {
    const dup = withFrontMatter((fm) =>
      fm.replace(
        "solution:",
        "  - id: t1\n    title: Again.\n    hint: Again.\n    check: { kind: tls }\nsolution:",
      ),
    );
    expect(errorOf("01-a-lesson.mdx", dup)).toMatch(/tasks\[1\]\.id: duplicate task id "t1"/);
  });

  it("refuses a scenario that does not exist", () => {
    const err = errorOf("01-a-lesson.mdx", GOOD, new Set(["open-relay"]));
    expect(err).toMatch(/scenario: no scenario "isp-relay" in content\/scenarios/);
  });

  it("requires the file name to agree with order and slug", () => {
    expect(errorOf("02-a-lesson.mdx", GOOD)).toMatch(/order: is 1 but the file name says 2/);
    expect(errorOf("01-other.mdx", GOOD)).toMatch(
      /slug: is "a-lesson" but the file name says "other"/,
    );
    expect(errorOf("lesson.mdx", GOOD)).toMatch(/file name: must look like 01-some-slug\.mdx/);
  });

  it("reports broken YAML and a missing front matter block", () => {
    expect(errorOf("01-a-lesson.mdx", "---\ntitle: [unclosed\n---\n")).toMatch(/not valid YAML/);
    expect(errorOf("01-a-lesson.mdx", "# Just prose\n")).toMatch(
      /must start with a --- fenced YAML block/,
    );
  });

  it("needs checkpoint questions, with a valid answer index, when there is no lab", () => {
    const noLab = withFrontMatter((fm) =>
      fm.replace(
        /^scenario:[\s\S]*$/m,
        "questions:\n  - id: q1\n    prompt: Which port?\n    choices: [{ text: '25' }, { text: '587' }]\n    answer: 2\n    explain: Because.",
      ),
    );
    expect(errorOf("01-a-lesson.mdx", noLab)).toMatch(
      /questions\[0\]\.answer: answer must be the index/,
    );
  });

  it("needs a why for every wrong choice", () => {
    const noWhy = withFrontMatter((fm) =>
      fm.replace(
        /^scenario:[\s\S]*$/m,
        "questions:\n  - id: q1\n    prompt: Which port?\n    choices: [{ text: '25' }, { text: '587' }]\n    answer: 0\n    explain: Because.",
      ),
    );
    expect(errorOf("01-a-lesson.mdx", noWhy)).toMatch(
      /questions\[0\]\.choices\[1\]\.why: a wrong choice needs a why/,
    );
  });
});

describe("checkCourse", () => {
  it("finds gaps and repeated slugs", () => {
    const r = parseLessonSource("01-a-lesson.mdx", GOOD);
    if (!r.ok) throw new Error(r.error);
    const third = { ...r.lesson, order: 3, file: "03-a-lesson.mdx" };
    const problems = checkCourse([r.lesson, third]);
    expect(problems.join("\n")).toMatch(/order 3 leaves a gap/);
    expect(problems.join("\n")).toMatch(/slug "a-lesson" is used twice/);
  });
});
