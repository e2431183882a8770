// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Checkpoint } from "@/components/lesson/Checkpoint";
import { TasksPanel } from "@/components/lesson/TasksPanel";
import { CHECKPOINT_TASK } from "@/lib/lessons/ids";
import type { Question, Task } from "@/lib/lessons/schema";
import { rehydrateAll, useCourseProgress } from "@/lib/progress";
import { QUESTIONS } from "./checkpoint-questions";

beforeEach(async () => {
  localStorage.clear();
  // The task list starts folded on short windows (jsdom's is 768 px): these tests read it open.
  localStorage.setItem("relay-lab:tasks-collapsed", "0");
  await act(() => rehydrateAll());
  useCourseProgress.getState().resetLesson("checkpoint");
});

describe("Checkpoint", () => {
  it("explains each answer and records the lesson only when every answer is right", async () => {
    render(<Checkpoint lesson="checkpoint" questions={QUESTIONS} />);
    fireEvent.click(screen.getByLabelText("TCP 465"));
    expect(screen.getByText("Not quite.")).toBeTruthy();
    expect(screen.getByText("465 is for users submitting mail.")).toBeTruthy();
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

describe("Checkpoint: shuffled choices", () => {
  it("shuffles after mount (client only) and again on Try again, explaining the wrong pick", async () => {
    const q: Question = {
      id: "s",
      prompt: "Pick",
      choices: [
        { text: "one", why: "not one" },
        { text: "two", why: "not two" },
        { text: "three" },
      ],
      answer: 2,
      explain: "Three.",
    };
    const draws = [0, 0, 0.99, 0.99];
    const random = vi.spyOn(Math, "random").mockImplementation(() => draws.shift() ?? 0.5);
    const labels = () => screen.getAllByRole("radio").map((r) => r.closest("label")!.textContent);
    render(<Checkpoint lesson="checkpoint" questions={[q]} />);
    // Fisher–Yates with draws 0, 0: [0,1,2] -> [2,1,0] -> [1,2,0].
    await waitFor(() => expect(labels()).toEqual(["two", "three", "one"]));
    fireEvent.click(screen.getByLabelText("one"));
    expect(screen.getByText("not one")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Try again/ }));
    // Draws 0.99, 0.99 keep the order [0,1,2].
    await waitFor(() => expect(labels()).toEqual(["one", "two", "three"]));
    expect(screen.queryByText("not one")).toBeNull();
    random.mockRestore();
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
        lesson="l"
        tasks={tasks}
        done={{ one: true, two: false }}
        justDone="Look up the MX."
        coach={null}
        onShowNext={() => undefined}
        onReset={() => undefined}
      />,
    );
    expect(screen.getByText("1 of 2 done")).toBeTruthy();
    expect(screen.getByText("(done)", { exact: false }).closest("li")?.dataset.task).toBe("one");
    expect(screen.getAllByRole("status")[0]!.textContent).toBe("Task done: Look up the MX.");
    expect(screen.getByRole("button", { name: "Show me the next step" })).toBeTruthy();
  });

  it("says what show me typed, and why, beneath its button", () => {
    let pressed = 0;
    render(
      <TasksPanel
        lesson="l"
        tasks={tasks}
        done={{}}
        justDone={null}
        coach={{
          kind: "typed",
          line: "dig MX corp.example",
          task: "Look up the MX.",
          why: "it starts the task",
        }}
        onShowNext={() => pressed++}
        onReset={() => undefined}
      />,
    );
    const button = screen.getByRole("button", { name: "Show me the next step" });
    fireEvent.click(button);
    expect(pressed).toBe(1);
    const note = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(note?.textContent).toContain("dig MX corp.example");
    expect(note?.textContent).toContain("Look up the MX.");
  });

  it("labels a state task as checked live, and says when one done earlier no longer holds", () => {
    const state = [
      {
        id: "close-it",
        title: "Close the relay.",
        hint: "postconf.",
        check: { kind: "relayClosed" as const, host: "mx.corp.example" },
      },
    ];
    const { rerender } = render(
      <TasksPanel
        lesson="l"
        tasks={state}
        done={{ "close-it": true }}
        justDone={null}
        coach={null}
        onShowNext={() => undefined}
        onReset={() => undefined}
      />,
    );
    expect(screen.getByText(/Checked live: true of the server as it is now/)).toBeTruthy();
    rerender(
      <TasksPanel
        lesson="l"
        tasks={state}
        done={{ "close-it": false }}
        justDone={null}
        coach={null}
        onShowNext={() => undefined}
        onReset={() => undefined}
      />,
    );
    expect(screen.getAllByRole("status")[0]!.textContent).toBe("No longer done: Close the relay.");
  });
});

describe("TasksPanel: start over", () => {
  it("asks before clearing progress, and can be cancelled", () => {
    let resets = 0;
    render(
      <TasksPanel
        lesson="l"
        tasks={[]}
        done={{}}
        justDone={null}
        coach={null}
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
