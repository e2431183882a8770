/** The shipped course: it loads, its terms resolve, and its port facts match the IANA registry. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGlossary, getLessons, getLessonSummaries } from "@/lib/lessons/content";
import { termIdsIn } from "@/lib/lessons/glossary";

const CONTENT = path.resolve(__dirname, "../../../content");

/** The IANA facts the course relies on, as Debian's /etc/services records them. */
const IANA: Record<string, number> = { smtp: 25, submissions: 465, submission: 587 };

describe("the course content", () => {
  it("loads ten lessons in order, the sixth a checkpoint", () => {
    const lessons = getLessons();
    expect(lessons.map((l) => l.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lessons[5]!.scenario).toBeUndefined();
    expect(lessons[5]!.questions.length).toBeGreaterThanOrEqual(6);
    expect(getLessonSummaries().every((s) => s.taskIds.length > 0)).toBe(true);
  });

  it("explains the required glossary terms, each used by some lesson", () => {
    const ids = getGlossary().map((g) => g.id);
    for (const needed of [
      "mua",
      "msa",
      "mta",
      "mx",
      "relay",
      "open-relay",
      "envelope",
      "smart-host",
      "spf",
      "dkim",
      "dmarc",
      "alignment",
      "envelope-sender",
      "smime",
      "secure-email-gateway",
      "authentication-results",
    ]) {
      expect(ids).toContain(needed);
    }
    const used = new Set(getLessons().flatMap((l) => termIdsIn(l.body)));
    expect(ids.filter((id) => !used.has(id) && id !== "mda")).toEqual([]);
  });

  it("the checkpoint's answers are the IANA ports", () => {
    const q = getLessons()[5]!.questions;
    const pick = (id: string) => {
      const x = q.find((y) => y.id === id)!;
      return x.choices[x.answer]?.text;
    };
    expect(pick("smtp-port")).toBe(`TCP ${IANA.smtp}`);
    expect(pick("implicit-tls")).toBe(String(IANA.submissions));
  });

  it("every port/service pair written in the lessons matches the registry", () => {
    const services = fs.existsSync("/etc/services") ? fs.readFileSync("/etc/services", "utf8") : "";
    const registry = new Map<string, number>(Object.entries(IANA));
    for (const line of services.split("\n")) {
      const m = /^([a-z0-9-]+)\s+(\d+)\/tcp/.exec(line);
      if (m) registry.set(m[1]!, Number(m[2]));
    }
    let pairs = 0;
    for (const file of fs.readdirSync(path.join(CONTENT, "lessons"))) {
      const text = fs.readFileSync(path.join(CONTENT, "lessons", file), "utf8");
      for (const m of text.matchAll(/\|\s*(\d+)\/tcp\s*\|\s*`([a-z]+)`/g)) {
        pairs++;
        expect(registry.get(m[2]!), `${file}: ${m[1]}/tcp is "${m[2]}"`).toBe(Number(m[1]));
      }
      // Wherever a lesson says "465 ... implicit TLS" or "587 ... STARTTLS", never the other way round.
      expect(text, file).not.toMatch(/\b465\b[^.\n]{0,40}STARTTLS/);
      expect(text, file).not.toMatch(/\b587\b[^.\n]{0,30}implicit TLS/);
    }
    expect(pairs).toBe(3);
  });
});

describe("lib/lessons/README.md", () => {
  it("documents the front matter exactly as the schema describes it", async () => {
    const { describeFrontMatter } = await import("@/lib/lessons/describe");
    const readme = fs.readFileSync(
      path.resolve(__dirname, "../../../lib/lessons/README.md"),
      "utf8",
    );
    const generated = /<!-- generated:start -->\n([\s\S]*)\n<!-- generated:end -->/.exec(
      readme,
    )?.[1];
    // Prettier pads the table cells; compare cell by cell.
    const cells = (md: string) =>
      md
        .trim()
        .split("\n")
        .filter((l) => !/^\|[\s|:-]+\|$/.test(l))
        .map((l) => l.split("|").map((c) => c.trim()));
    expect(cells(generated ?? "")).toEqual(cells(describeFrontMatter()));
  });
});
