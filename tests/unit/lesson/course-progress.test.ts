// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { beforeEach, expect, it, vi } from "vitest";

const COURSE = "relay-lab:course";
const saved = (tasksDone: string[]) =>
  JSON.stringify({
    state: { lessons: { "what-is-a-relay": { tasksDone, completedAt: null } } },
    version: 1,
  });

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
});

/** A page's first load: the hook mounted, saved progress read (as ProgressHydrator does). */
async function mountOnPage() {
  const progress = await import("@/components/lesson/courseProgress");
  const { rehydrateAll } = await import("@/lib/progress/hydration");
  const { registeredStores } = await import("@/lib/progress/persisted");
  const hook = renderHook(() => progress.useSavedLessons());
  await act(() => rehydrateAll());
  return { progress, hook, storeLoaded: () => registeredStores().has(COURSE) };
}

it("shows progress saved on an earlier visit", async () => {
  localStorage.setItem(COURSE, saved(["ehlo", "mail"]));
  const { hook } = await mountOnPage();
  await waitFor(() =>
    expect(hook.result.current["what-is-a-relay"]?.tasksDone).toEqual(["ehlo", "mail"]),
  );
});

it("on a first visit loads no store until a task is completed, then shows and saves it", async () => {
  const { progress, hook, storeLoaded } = await mountOnPage();
  // Give a wrongly eager load every chance to happen.
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(storeLoaded()).toBe(false);
  expect(hook.result.current).toEqual({});

  await act(() => progress.completeTask("what-is-a-relay", "ehlo", ["ehlo", "mail"], "now"));
  await waitFor(() => expect(hook.result.current["what-is-a-relay"]?.tasksDone).toEqual(["ehlo"]));
  expect(JSON.parse(localStorage.getItem(COURSE) ?? "null")).toMatchObject({
    state: { lessons: { "what-is-a-relay": { tasksDone: ["ehlo"] } } },
  });
});

it("on a first visit picks up progress another tab saves", async () => {
  const { hook } = await mountOnPage();
  const value = saved(["ehlo"]);
  localStorage.setItem(COURSE, value);
  act(() => {
    window.dispatchEvent(
      new StorageEvent("storage", { key: COURSE, newValue: value, storageArea: localStorage }),
    );
  });
  await waitFor(() => expect(hook.result.current["what-is-a-relay"]?.tasksDone).toEqual(["ehlo"]));
});
