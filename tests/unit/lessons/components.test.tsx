// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { Checkpoint } from "@/components/lesson/Checkpoint";
import { TasksPanel } from "@/components/lesson/TasksPanel";
import { CHECKPOINT_TASK } from "@/lib/lessons/ids";
import type { Question, Task } from "@/lib/lessons/schema";
import { rehydrateAll, useCourseProgress } from "@/lib/progress";

const QUESTIONS: Question[] = [
  {
    id: "a",
    prompt: "SMTP between servers?",
    choices: ["TCP 25", "TCP 465"],
    answer: 0,
    explain: "Port 25.",
  },
  {
    id: "b",
    prompt: "Implicit TLS submission?",
    choices: ["587", "465"],
    answer: 1,
    explain: "RFC 8314.",
  },
];

beforeEach(async () => {
  localStorage.clear();
  await act(() => rehydrateAll());
  useCourseProgress.getState().resetLesson("checkpoint");
});

describe("Checkpoint", () => {
  it("explains each answer and records the lesson only when every answer is right", async () => {
    render(<Checkpoint lesson="checkpoint" questions={QUESTIONS} />);
    fireEvent.click(screen.getByLabelText("TCP 465"));
    expect(screen.getByText("Not quite.")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("TCP 25"));
    expect(screen.getByText("Port 25.")).toBeTruthy();
    expect(useCourseProgress.getState().lessons.checkpoint).toBeUndefined();

    fireEvent.click(screen.getByLabelText("465"));
    await waitFor(() => expect(useCourseProgress.getState().lessons.checkpoint).toBeDefined());
    const saved = useCourseProgress.getState().lessons.checkpoint;
    expect(saved?.tasksDone).toEqual([CHECKPOINT_TASK]);
    expect(saved?.completedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toMatch(/2 of 2 right.*complete/),
    );
  });
});

describe("TasksPanel", () => {
  const tasks: Task[] = [
    {
      id: "one",
      title: "Look up the MX.",
      hint: "Use dig.",
      check: { kind: "dnsLookup", type: "MX", name: "corp.example" },
    },
    {
      id: "two",
      title: "Deliver it.",
      hint: "DATA.",
      check: { kind: "delivered", to: "bob@corp.example" },
    },
  ];

  it("shows which tasks are done, to sighted and screen reader users alike", () => {
    render(
      <TasksPanel
        tasks={tasks}
        done={{ one: true, two: false }}
        justDone="Look up the MX."
        solution={["dig MX corp.example"]}
        step={0}
        onShowNext={() => undefined}
        onReset={() => undefined}
      />,
    );
    expect(screen.getByText("1 of 2 done")).toBeTruthy();
    expect(screen.getByText("(done)", { exact: false }).closest("li")?.dataset.task).toBe("one");
    expect(screen.getByRole("status").textContent).toBe("Task done: Look up the MX.");
    expect(screen.getByRole("button", { name: "Show me: type line 1 of 1" })).toBeTruthy();
  });

  it("disables show me once the whole solution has been typed", () => {
    let pressed = 0;
    render(
      <TasksPanel
        tasks={tasks}
        done={{}}
        justDone={null}
        solution={["dig MX corp.example"]}
        step={1}
        onShowNext={() => pressed++}
        onReset={() => undefined}
      />,
    );
    const button = screen.getByRole("button", { name: "Solution shown" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(pressed).toBe(0);
  });
});

describe("TasksPanel: start over", () => {
  it("asks before clearing progress, and can be cancelled", () => {
    let resets = 0;
    render(
      <TasksPanel
        tasks={[]}
        done={{}}
        justDone={null}
        solution={[]}
        step={0}
        onShowNext={() => undefined}
        onReset={() => resets++}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Start the lesson over" }));
    fireEvent.click(screen.getByRole("button", { name: "Keep my progress" }));
    expect(resets).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "Start the lesson over" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, start over" }));
    expect(resets).toBe(1);
    expect(screen.getByRole("button", { name: "Start the lesson over" })).toBeTruthy();
  });
});
