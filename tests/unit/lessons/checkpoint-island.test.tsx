// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CheckpointIsland, pickedIn } from "@/components/lesson/CheckpointIsland";
import { CheckpointView } from "@/components/lesson/CheckpointView";
import { onNearOrUsed } from "@/components/lesson/onNearOrUsed";
import { CHECKPOINT_TASK } from "@/lib/lessons/ids";
import { rehydrateAll, useCourseProgress } from "@/lib/progress";
import { QUESTIONS } from "./checkpoint-questions";

function island() {
  return render(
    <CheckpointIsland lesson="checkpoint" questions={QUESTIONS}>
      <CheckpointView lesson="checkpoint" questions={QUESTIONS} />
    </CheckpointIsland>,
  );
}

beforeEach(async () => {
  localStorage.clear();
  await act(() => rehydrateAll());
  useCourseProgress.getState().resetLesson("checkpoint");
});

describe("CheckpointView (server markup)", () => {
  it("shows every question with its choices in authored order and nothing answered", () => {
    render(<CheckpointView lesson="checkpoint" questions={QUESTIONS} />);
    expect(screen.getByRole("status").textContent).toBe("0 of 2 right");
    expect(screen.getAllByRole("radio").map((r) => r.closest("label")!.textContent)).toEqual([
      "TCP 25",
      "TCP 465",
      "587",
      "465",
    ]);
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("pickedIn", () => {
  it("reads the checked radios of the static questions, ignoring values that are not choices", () => {
    const { container } = render(<CheckpointView lesson="checkpoint" questions={QUESTIONS} />);
    expect(pickedIn(container, "checkpoint", QUESTIONS)).toEqual({});
    fireEvent.click(screen.getByLabelText("TCP 465"));
    expect(pickedIn(container, "checkpoint", QUESTIONS)).toEqual({ a: 1 });
    const forged = container.querySelector<HTMLInputElement>('input[value="1"][name$="-b"]')!;
    forged.value = "7";
    forged.checked = true;
    expect(pickedIn(container, "checkpoint", QUESTIONS)).toEqual({ a: 1 });
  });
});

describe("CheckpointIsland", () => {
  it("loads the interactive checkpoint when the learner reaches in, keeping the pick made before", async () => {
    island();
    // jsdom has no IntersectionObserver: the island loads at once, and the pick carries over.
    fireEvent.click(screen.getByLabelText("TCP 465"));
    await waitFor(() => expect(screen.getByText("Not quite.")).toBeTruthy());
    expect(screen.getByText("465 is for users submitting mail.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Try again/ }));
    fireEvent.click(screen.getByLabelText("TCP 25"));
    fireEvent.click(screen.getByLabelText("465"));
    await waitFor(() =>
      expect(useCourseProgress.getState().lessons.checkpoint?.tasksDone).toEqual([CHECKPOINT_TASK]),
    );
  });
});

describe("onNearOrUsed", () => {
  it("fires once, on the first of: near the screen, pointer, focus or key", () => {
    let observed: ((entries: { isIntersecting: boolean }[]) => void) | null = null;
    const disconnect = vi.fn();
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(cb: typeof observed) {
          observed = cb;
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    try {
      const el = document.createElement("div");
      const load = vi.fn();
      onNearOrUsed(el, load);
      observed!([{ isIntersecting: false }]);
      expect(load).not.toHaveBeenCalled();
      el.dispatchEvent(new Event("focusin"));
      el.dispatchEvent(new Event("pointerdown"));
      observed!([{ isIntersecting: true }]);
      expect(load).toHaveBeenCalledTimes(1);
      expect(disconnect).toHaveBeenCalled();

      const other = document.createElement("div");
      const later = vi.fn();
      const stop = onNearOrUsed(other, later);
      stop();
      other.dispatchEvent(new Event("keydown"));
      expect(later).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
