// @vitest-environment jsdom
/**
 * "Show me" answers every press, one after another: two quick presses type two steps, also when
 * they come before the lab has loaded or while the first is still being planned (on a slow
 * machine both happen; dropping the second press made the button's effect depend on speed).
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { LabControls } from "@/components/lesson/LabSlot";
import { useCoach } from "@/components/lesson/useCoach";
import type { Lesson } from "@/lib/lessons/schema";
import { createLabSession } from "@/lib/shell/lab";
import { createWorld } from "@/lib/smtp";
import { labLessons } from "./lessons";

const lesson: Lesson = labLessons().find((l) => l.slug === "reading-the-conversation")!;

function lab() {
  const shell = createLabSession(createWorld("isp-relay", { seed: 1 }));
  const typed: string[] = [];
  const controls: LabControls = {
    typeLine: (line) => {
      typed.push(line);
      shell.submit(line);
    },
    reset: () => undefined,
    session: () => shell,
  };
  return { controls, typed };
}

function coach(controls: LabControls | null, wantLab = vi.fn()) {
  return renderHook(
    ({ controls }: { controls: LabControls | null }) =>
      useCoach({
        scenario: lesson.scenario!,
        tasks: lesson.tasks,
        solution: lesson.solution,
        done: {},
        controls,
        wantLab,
      }),
    { initialProps: { controls } },
  );
}

describe("show me", () => {
  it("types one step per press when pressed twice at once", async () => {
    const { controls, typed } = lab();
    const { result } = coach(controls);
    act(() => {
      result.current.showNext();
      result.current.showNext();
    });
    await waitFor(() => expect(typed).toHaveLength(2));
    // The second line is planned after the first ran: telnet, then the EHLO the task asks for.
    expect(typed[0]).toMatch(/^telnet mail\.isp\.example 25$/);
    expect(typed[1]).toBe("EHLO");
  });

  it("answers the presses made before the lab loaded, once it has", async () => {
    const wantLab = vi.fn();
    const { result, rerender } = coach(null, wantLab);
    act(() => {
      result.current.showNext();
      result.current.showNext();
    });
    expect(wantLab).toHaveBeenCalled();
    expect(result.current.message).toMatchObject({ kind: "loading" });
    const { controls, typed } = lab();
    rerender({ controls });
    await waitFor(() => expect(typed).toHaveLength(2));
    expect(typed).toEqual(["telnet mail.isp.example 25", "EHLO"]);
  });
});
