/**
 * Every lesson's solution, typed line by line into the real shell against the lesson's scenario,
 * completes every task; and before it runs, no task is complete. Content, shell and engine cannot
 * drift apart without this failing.
 */
import { describe, expect, it } from "vitest";
import { evaluateTasks } from "@/lib/lessons/checks";
import { createLabSession } from "@/lib/shell/lab";
import { createWorld, SCENARIO_IDS } from "@/lib/smtp";
import { labLessons } from "./lessons";

const withLab = labLessons();

describe("lesson solutions", () => {
  it("covers every lesson that has a lab", () => {
    expect(withLab.map((l) => l.slug)).toEqual([
      "what-is-a-relay",
      "why-relays-exist",
      "ports-and-firewalls",
      "open-relays",
      "reading-the-conversation",
      "spoofing-and-the-two-froms",
      "spf",
      "dkim",
      "dmarc",
    ]);
  });

  for (const lesson of withLab) {
    it(`${lesson.order}. ${lesson.title}: the solution completes every task, and nothing is done before`, () => {
      const world = createWorld(lesson.scenario as (typeof SCENARIO_IDS)[number], { seed: 1 });
      const shell = createLabSession(world);
      const none = Object.fromEntries(lesson.tasks.map((t) => [t.id, false]));
      expect(evaluateTasks(lesson.tasks, world)).toEqual(none);

      let transcript = "";
      for (const line of lesson.solution) {
        transcript += `${shell.prompt()}${line}\n${shell.submit(line)}`;
      }
      const all = Object.fromEntries(lesson.tasks.map((t) => [t.id, true]));
      expect(evaluateTasks(lesson.tasks, world), `terminal transcript:\n${transcript}`).toEqual(
        all,
      );
    });
  }

  it("tasks are checked from what happened, not from what was typed", () => {
    // Lesson 1's delivery task, done with different but equivalent commands (nc, HELO, lower case).
    const lesson = withLab[0]!;
    const world = createWorld("isp-relay");
    const shell = createLabSession(world);
    for (const line of [
      "nc mail.isp.example smtp",
      "helo home",
      "mail from:<you@isp.example>",
      "rcpt to:<bob@corp.example>",
      "data",
      "Subject: typed my own way",
      "",
      "hi",
      ".",
      "quit",
    ])
      shell.submit(line);
    const done = evaluateTasks(lesson.tasks, world);
    expect(done["relay-a-message"]).toBe(true);
    expect(done["find-mx"]).toBe(false);
  });
});
