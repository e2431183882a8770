// @vitest-environment jsdom
/**
 * Lesson 9 (DKIM): the "make a key" task ticks the moment opendkim-genkey completes, and "Show me"
 * publishes the key the learner's relay holds now, even after a second opendkim-genkey.
 */
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useLiveChecks } from "@/components/lesson/liveChecks";
import { evaluateTasks } from "@/lib/lessons/checks";
import { adviseNext, withInstalledKey } from "@/lib/lessons/coach";
import type { Lesson } from "@/lib/lessons/schema";
import { createLabSession, type LabSession } from "@/lib/shell/lab";
import { createWorld, type World } from "@/lib/smtp";
import { labLessons } from "./lessons";

const lesson: Lesson = labLessons().find((l) => l.slug === "dkim")!;
const GENKEY = "opendkim-genkey -s s2026 -d corp.example";

function start(): { world: World; shell: LabSession } {
  const world = createWorld("forwarding", { seed: 1 });
  return { world, shell: createLabSession(world) };
}

/** The TXT record of the s2026 key mx.corp.example signs with now. */
const installedRecord = (world: World) =>
  world
    .dkimKeys("mx.corp.example")
    .find((k) => k.domain === "corp.example" && k.selector === "s2026")?.record;

describe("lesson 9: the dkimKey task", () => {
  it("ticks in the live task list as soon as opendkim-genkey completes, with no further line", () => {
    const { world, shell } = start();
    const report = vi.fn();
    renderHook(() => useLiveChecks(lesson.tasks, world, report));
    expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ "make-key": false }), null);
    report.mockClear();
    act(() => {
      shell.submit(GENKEY);
    });
    expect(report).toHaveBeenLastCalledWith(
      expect.objectContaining({ "make-key": true }),
      "Make a new signing key for corp.example with the selector s2026.",
    );
    // The engine logged the key, with the record the learner must publish.
    const logged = world.events().filter((e) => e.type === "dkimkey");
    expect(logged).toEqual([
      expect.objectContaining({
        host: "mx.corp.example",
        domain: "corp.example",
        selector: "s2026",
        record: installedRecord(world),
      }),
    ]);
  });
});

describe("lesson 9: Show me after a second opendkim-genkey", () => {
  it("publishes the key installed now, and the signed mail then passes DKIM", () => {
    const { world, shell } = start();
    shell.submit(lesson.solution[0]!); // dig TXT mail._domainkey.corp.example
    shell.submit(GENKEY);
    const first = installedRecord(world);
    shell.submit(GENKEY); // the learner makes the key again: a new key replaces the first
    const second = installedRecord(world);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // The solution was recorded with the first key.
    expect(lesson.solution.some((l) => first !== undefined && l.includes(first))).toBe(true);

    const typed: string[] = [];
    for (let n = 0; n < 60; n++) {
      const advice = adviseNext(
        lesson.tasks,
        lesson.solution,
        shell,
        evaluateTasks(lesson.tasks, world),
      );
      if (advice.kind === "done") break;
      typed.push(advice.line);
      shell.submit(advice.line);
    }
    const update = typed.find((l) => /^update add s2026\._domainkey/.test(l));
    expect(update).toBe(`update add s2026._domainkey.corp.example 3600 TXT "${second}"`);
    expect(typed.some((l) => first !== undefined && l.includes(first))).toBe(false);
    expect(world.txtRecords()).toContainEqual({
      name: "s2026._domainkey.corp.example",
      value: second,
    });
    expect(Object.values(evaluateTasks(lesson.tasks, world)).every(Boolean)).toBe(true);
    expect(
      world
        .events()
        .some((e) => e.type === "dkim" && e.result === "pass" && e.selector === "s2026"),
    ).toBe(true);
  });

  it("leaves other lines, and a world without that key, as the solution has them", () => {
    const { world } = start();
    const line = lesson.solution.find((l) => l.startsWith("update add s2026"))!;
    expect(withInstalledKey(line, world, lesson.tasks)).toBe(line); // no s2026 key yet
    expect(withInstalledKey("send", world, lesson.tasks)).toBe("send");
    const spf = 'update add corp.example 3600 TXT "v=spf1 mx -all"';
    world.generateDkimKey("mx.corp.example", "corp.example", "s2026");
    expect(withInstalledKey(spf, world, lesson.tasks)).toBe(spf);
    expect(withInstalledKey(line, world, lesson.tasks)).toBe(
      line.replace(/"[^"]*"$/, `"${installedRecord(world)}"`),
    );
  });
});
