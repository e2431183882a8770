/**
 * The coach behind "show me": from every intermediate state of every lesson's solution, and from
 * detours a learner takes by hand, the line it suggests is accepted by the engine, and following
 * it completes every task.
 */
import { describe, expect, it } from "vitest";
import { evaluateTasks } from "@/lib/lessons/checks";
import { adviseNext, placeOf } from "@/lib/lessons/coach";
import type { Lesson } from "@/lib/lessons/schema";
import { createLabSession, type LabSession } from "@/lib/shell/lab";
import { createWorld, SCENARIO_IDS, type World } from "@/lib/smtp";
import { labLessons } from "./lessons";

const lessons = labLessons();

function start(lesson: Lesson): { world: World; shell: LabSession } {
  const world = createWorld(lesson.scenario as (typeof SCENARIO_IDS)[number], { seed: 1 });
  return { world, shell: createLabSession(world) };
}

/** The line the coach would type now, or "(done)". */
function nextLine(lesson: Lesson, world: World, shell: LabSession): string {
  const a = adviseNext(lesson.tasks, lesson.solution, shell, evaluateTasks(lesson.tasks, world));
  return a.kind === "type" ? a.line : "(done)";
}

/** Reply checks a task may want on purpose (a 5xx the lesson asks for). */
const wantedCodes = (lesson: Lesson, done: Record<string, boolean>) =>
  new Set(
    lesson.tasks.flatMap((t) =>
      done[t.id]
        ? []
        : t.check.kind === "reply"
          ? [t.check.code]
          : t.check.kind === "relayDenied"
            ? [554]
            : [],
    ),
  );

/**
 * Follows the coach until it says every task is done, checking each line it types: no 4xx/5xx
 * reply to the learner's own sessions unless an undone task asks for that code, and no refused
 * connection unless a task asks for one. Returns the transcript.
 */
function followCoach(lesson: Lesson, world: World, shell: LabSession, limit = 80): string {
  let transcript = "";
  for (let n = 0; n < limit; n++) {
    const done = evaluateTasks(lesson.tasks, world);
    const advice = adviseNext(lesson.tasks, lesson.solution, shell, done);
    if (advice.kind === "done") return transcript;
    const from = placeOf(shell).host;
    const wanted = wantedCodes(lesson, done);
    const refusalWanted = lesson.tasks.some((t) => !done[t.id] && t.check.kind === "refused");
    const seen = world.events().length;
    transcript += `[${from}] ${advice.line}\n${shell.submit(advice.line)}`;
    const fresh = world.events().slice(seen);
    const bad = fresh.filter(
      (e) => e.type === "reply" && e.client === from && e.code >= 400 && !wanted.has(e.code),
    );
    expect(bad, `the coach typed "${advice.line}", refused:\n${transcript}`).toEqual([]);
    if (!refusalWanted)
      expect(
        fresh.filter((e) => e.type === "refused"),
        transcript,
      ).toEqual([]);
  }
  throw new Error(`the coach did not finish in ${limit} lines:\n${transcript}`);
}

describe("the coach", () => {
  for (const lesson of lessons) {
    it(`${lesson.order}. ${lesson.title}: from every point of the solution, following it completes every task`, () => {
      for (let k = 0; k <= lesson.solution.length; k++) {
        const { world, shell } = start(lesson);
        for (const line of lesson.solution.slice(0, k)) shell.submit(line);
        followCoach(lesson, world, shell);
        const all = evaluateTasks(lesson.tasks, world);
        expect(Object.values(all).every(Boolean), `after ${k} lines`).toBe(true);
      }
      // Long solutions replay the coach from each of their prefixes: slow on a loaded machine.
    }, 120_000);
  }

  it("in an SMTP session it types the command that fits the session's state", () => {
    const lesson = lessons[0]!;
    const { world, shell } = start(lesson);
    const next = () => nextLine(lesson, world, shell);
    expect(next()).toBe("dig MX corp.example");
    shell.submit("dig MX corp.example");
    shell.submit("telnet mail.isp.example 25");
    expect(next()).toBe("EHLO pc.home.example");
    shell.submit("HELO myself"); // typed differently: the session is past the greeting all the same
    expect(next()).toMatch(/^MAIL FROM:/);
    shell.submit("mail from:<you@isp.example>");
    expect(next()).toMatch(/^RCPT TO:/);
    shell.submit("rcpt to:<bob@corp.example>");
    expect(next()).toBe("DATA");
    shell.submit("DATA");
    shell.submit("Subject: mine");
    shell.submit("");
    shell.submit("more than the solution has");
    shell.submit("and more");
    shell.submit("and more still");
    shell.submit("and even more");
    shell.submit("one more");
    expect(next()).toBe(".");
    shell.submit(".");
    expect(next()).toBe("(done)");
  });

  it("leaves a session to the wrong server with QUIT, then opens the right one", () => {
    const lesson = lessons.find((l) => l.slug === "reading-the-conversation")!;
    const { world, shell } = start(lesson);
    for (const l of ["telnet mail.isp.example 25", "EHLO", "RCPT TO:<a@b.example>"])
      shell.submit(l);
    const advice = () =>
      adviseNext(lesson.tasks, lesson.solution, shell, evaluateTasks(lesson.tasks, world));
    expect(advice()).toMatchObject({ kind: "type", line: "QUIT", task: { id: "unknown-user" } });
    shell.submit("QUIT");
    expect(advice()).toMatchObject({ line: "telnet mx.corp.example 25" });
  });

  it("after the relay is reopened by hand, it goes back and closes it again", () => {
    const lesson = lessons.find((l) => l.slug === "open-relays")!;
    const { world, shell } = start(lesson);
    for (const line of lesson.solution) shell.submit(line);
    expect(
      adviseNext(lesson.tasks, lesson.solution, shell, evaluateTasks(lesson.tasks, world)),
    ).toEqual({ kind: "done" });
    shell.submit("ssh mx.corp.example");
    shell.submit("postconf -e 'mynetworks = 0.0.0.0/0'");
    const done = evaluateTasks(lesson.tasks, world);
    expect(done["close-it"]).toBe(false);
    const a = adviseNext(lesson.tasks, lesson.solution, shell, done);
    expect(a).toMatchObject({
      kind: "type",
      line: "postconf -e 'mynetworks = 127.0.0.0/8, 10.0.0.0/24'",
    });
    followCoach(lesson, world, shell);
    expect(evaluateTasks(lesson.tasks, world)["close-it"]).toBe(true);
  });

  it("suggests postfix reload only while the server has changes it has not re-read", () => {
    const lesson = lessons.find((l) => l.slug === "open-relays")!;
    const { world, shell } = start(lesson);
    const upTo = lesson.solution.findIndex((l) => l.startsWith("postconf -e"));
    for (const line of lesson.solution.slice(0, upTo + 1)) shell.submit(line);
    const next = () => nextLine(lesson, world, shell);
    expect(next()).toBe("postfix reload");
    shell.submit("postfix reload");
    expect(next()).toBe("exit");
  });

  it("ends the body of mail's editor with a dot", () => {
    const lesson = lessons[0]!;
    const { world, shell } = start(lesson);
    shell.submit("dig MX corp.example");
    shell.submit("mail -s hi carol@nowhere.example");
    expect(placeOf(shell).at).toBe("program");
    expect(
      adviseNext(lesson.tasks, lesson.solution, shell, evaluateTasks(lesson.tasks, world)),
    ).toMatchObject({ line: "." });
  });
});
