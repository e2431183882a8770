// @vitest-environment jsdom
import { beforeEach, expect, it, vi } from "vitest";

// A page loads only the stores it shows: the quiz page's stats, which hold the export and import
// buttons, never load lesson progress. Export and import must still cover every store.

const COURSE = "relay-lab:course";
const lessonProgress = {
  lessons: { "what-is-a-relay": { tasksDone: ["ehlo"], completedAt: null } },
};

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
});

/** transfer.ts as a page that has loaded nothing else gets it. */
async function freshTransfer() {
  const transfer = await import("@/lib/progress/transfer");
  const { rehydrateAll } = await import("@/lib/progress/hydration");
  await rehydrateAll();
  return transfer;
}

it("exports lesson progress saved in an earlier visit, from a page that never showed it", async () => {
  localStorage.setItem(COURSE, JSON.stringify({ state: lessonProgress, version: 1 }));
  const { exportProgress } = await freshTransfer();
  const file = JSON.parse(exportProgress()) as { stores: Record<string, { state: unknown }> };
  expect(Object.keys(file.stores).sort()).toEqual([
    "relay-lab:course",
    "relay-lab:exam",
    "relay-lab:quiz",
  ]);
  expect(file.stores[COURSE]?.state).toEqual(lessonProgress);
});

it("imports lesson progress on such a page instead of ignoring it", async () => {
  const { importProgress } = await freshTransfer();
  const result = importProgress(
    JSON.stringify({
      format: "relay-lab-progress",
      stores: { [COURSE]: { version: 1, state: lessonProgress } },
    }),
  );
  expect(result).toEqual({ ok: true, imported: [COURSE], ignored: [] });
  expect(JSON.parse(localStorage.getItem(COURSE) ?? "null")).toMatchObject({
    state: lessonProgress,
  });
});
