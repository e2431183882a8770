// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { badKey, createPersistedStore, readBadLog } from "@/lib/progress/persisted";
import { act, renderHook, waitFor } from "@testing-library/react";
import { rehydrateAll, resetHydrationForTests, useStoreHydrated } from "@/lib/progress/hydration";
import { exportProgress, importProgress } from "@/lib/progress/transfer";

// Each test uses its own key so stores from earlier tests do not interfere.
let n = 0;
let key = "";

const v2Schema = z.object({ answered: z.number().int().min(0), ports: z.array(z.number()) });
type V2 = z.infer<typeof v2Schema>;

function makeStore() {
  return createPersistedStore(
    {
      key,
      version: 2,
      schema: v2Schema,
      initial: (): V2 => ({ answered: 0, ports: [] }),
      // Version 1 stored `count` and a comma-separated string of ports.
      migrate: (old, from) => {
        if (from !== 1) throw new Error(`unknown version ${from}`);
        const o = old as { count: number; ports: string };
        return { answered: o.count, ports: o.ports.split(",").map(Number) };
      },
    },
    (set) => ({
      answer(port: number) {
        set((s) => ({ answered: s.answered + 1, ports: [...s.ports, port] }));
      },
    }),
  );
}

function stored(value: unknown): void {
  localStorage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
}

beforeEach(() => {
  key = `test:progress:${++n}`;
  localStorage.clear();
  resetHydrationForTests();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("loading saved progress", () => {
  it("tells a component its store has loaded when the store finishes before the app does", async () => {
    // A lazily loaded mode's store, created before rehydrateAll runs: it finishes loading
    // inside rehydrateAll, before the app as a whole is marked loaded.
    stored({ state: { answered: 3, ports: [25] }, version: 2 });
    const store = makeStore();
    const { result } = renderHook(() => useStoreHydrated(store));
    expect(result.current).toBe(false);
    await act(() => rehydrateAll());
    await waitFor(() => expect(result.current).toBe(true));
    expect(store.getState().answered).toBe(3);
  });

  it("starts from the initial state when nothing is saved", async () => {
    const store = makeStore();
    await rehydrateAll();
    expect(store.getState().answered).toBe(0);
    expect(localStorage.getItem(badKey(key))).toBeNull();
  });

  it("loads a valid value of the current version", async () => {
    stored({ version: 2, state: { answered: 3, ports: [25, 587, 465] } });
    const store = makeStore();
    await rehydrateAll();
    expect(store.getState()).toMatchObject({ answered: 3, ports: [25, 587, 465] });
  });

  it("does not touch localStorage before hydration, so server and client render alike", () => {
    stored({ version: 2, state: { answered: 3, ports: [] } });
    const store = makeStore();
    expect(store.getState().answered).toBe(0);
  });

  it("migrates a value saved by an older version", async () => {
    stored({ version: 1, state: { count: 2, ports: "25,110" } });
    const store = makeStore();
    await rehydrateAll();
    expect(store.getState()).toMatchObject({ answered: 2, ports: [25, 110] });
  });

  it.each([
    ["corrupt JSON", "{not json"],
    ["a truncated write", '{"version":2,"state":{"answered":3,"po'],
    ["a value of the wrong shape", { version: 2, state: { answered: "many", ports: [] } }],
    ["a bare JSON value", "42"],
    ["a migration that throws", { version: 0, state: {} }],
  ])("starts clean and keeps %s aside", async (_label, value) => {
    stored(value);
    const raw = localStorage.getItem(key);
    const store = makeStore();
    await rehydrateAll();
    expect(store.getState()).toMatchObject({ answered: 0, ports: [] });
    expect(readBadLog(localStorage.getItem(badKey(key))).map((e) => e.text)).toEqual([raw]);
    // The app keeps working and saves over the bad value.
    store.getState().answer(25);
    expect(JSON.parse(localStorage.getItem(key)!)).toEqual({
      version: 2,
      state: { answered: 1, ports: [25] },
    });
  });

  it("keeps working in memory when storage throws", async () => {
    const store = makeStore();
    await rehydrateAll();
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    store.getState().answer(53);
    expect(store.getState().answered).toBe(1);
  });
});

describe("keeping tabs in agreement", () => {
  function otherTabWrites(newValue: string | null, k: string | null = key) {
    if (k !== null) {
      if (newValue === null) localStorage.removeItem(k);
      else localStorage.setItem(k, newValue);
    }
    window.dispatchEvent(
      new StorageEvent("storage", { key: k, newValue, storageArea: localStorage }),
    );
  }

  it("picks up what another tab saved", async () => {
    const store = makeStore();
    await rehydrateAll();
    otherTabWrites(JSON.stringify({ version: 2, state: { answered: 7, ports: [443] } }));
    await vi.waitFor(() => expect(store.getState().answered).toBe(7));
    expect(store.getState().ports).toEqual([443]);
  });

  it("starts clean when another tab clears the progress", async () => {
    stored({ version: 2, state: { answered: 4, ports: [] } });
    const store = makeStore();
    await rehydrateAll();
    expect(store.getState().answered).toBe(4);
    otherTabWrites(null);
    expect(store.getState().answered).toBe(0);
  });

  it("ignores garbage written by another tab and sets it aside", async () => {
    stored({ version: 2, state: { answered: 4, ports: [] } });
    const store = makeStore();
    await rehydrateAll();
    otherTabWrites("garbage");
    await vi.waitFor(() =>
      expect(readBadLog(localStorage.getItem(badKey(key))).at(-1)?.text).toBe("garbage"),
    );
    expect(store.getState().answered).toBe(4);
  });
});

describe("export and import", () => {
  it("round-trips progress through a file", async () => {
    const store = makeStore();
    await rehydrateAll();
    store.getState().answer(22);
    store.getState().answer(3389);
    const file = exportProgress(new Date("2026-11-28T12:00:00Z"));
    store.reset();
    expect(store.getState().answered).toBe(0);
    const result = importProgress(file);
    expect(result.ok).toBe(true);
    expect(store.getState()).toMatchObject({ answered: 2, ports: [22, 3389] });
  });

  it("refuses a file that is not JSON and changes nothing", async () => {
    const store = makeStore();
    await rehydrateAll();
    store.getState().answer(25);
    const result = importProgress("{oops");
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(store.getState().answered).toBe(1);
  });

  it("refuses a file with one invalid section and changes nothing", async () => {
    const store = makeStore();
    await rehydrateAll();
    store.getState().answer(25);
    const file = JSON.stringify({
      format: "relay-lab-progress",
      stores: { [key]: { version: 2, state: { answered: -5, ports: [] } } },
    });
    const result = importProgress(file);
    expect(result.ok).toBe(false);
    expect(store.getState().answered).toBe(1);
  });

  it("refuses a JSON file from another app", () => {
    expect(importProgress('{"hello":"world"}')).toEqual({
      ok: false,
      error: expect.stringMatching(/not a Relay Lab progress file/),
    });
  });
});
