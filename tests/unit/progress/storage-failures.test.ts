// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  appendBad,
  BAD_LOG_LIMIT,
  badKey,
  createPersistedStore,
  readBadLog,
} from "@/lib/progress/persisted";
import { rehydrateAll, resetHydrationForTests } from "@/lib/progress/hydration";
import { getSaveStatus, resetSaveStatusForTests } from "@/lib/progress/save-status";
import { exportProgress, importProgress } from "@/lib/progress/transfer";

let n = 0;
let key = "";
const schema = z.object({ answered: z.number().int().min(0) });

function makeStore() {
  return createPersistedStore(
    { key, version: 2, schema, initial: () => ({ answered: 0 }) },
    (set) => ({
      answer() {
        set((s) => ({ answered: s.answered + 1 }));
      },
    }),
  );
}

function refuseWrites() {
  return vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  });
}

beforeEach(() => {
  key = `test:failures:${++n}`;
  localStorage.clear();
  resetHydrationForTests();
  resetSaveStatusForTests();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a refused write", () => {
  it("is reported, so the page can say progress is not saved", async () => {
    const store = makeStore();
    await rehydrateAll();
    store.getState().answer();
    expect(getSaveStatus().refused).toEqual([]);
    const spy = refuseWrites();
    store.getState().answer();
    expect(store.getState().answered).toBe(2);
    expect(getSaveStatus().refused).toEqual([key]);
    // Once the browser stores again (space freed), the warning goes away.
    spy.mockRestore();
    store.getState().answer();
    expect(getSaveStatus().refused).toEqual([]);
    expect(JSON.parse(localStorage.getItem(key)!).state.answered).toBe(3);
  });

  it("is reported when storage is turned off altogether", async () => {
    const store = makeStore();
    await rehydrateAll();
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    store.getState().answer();
    expect(getSaveStatus().refused).toContain(key);
  });
});

describe("data from a newer version", () => {
  it("is never overwritten, and the app says it needs updating", async () => {
    const future = JSON.stringify({ version: 9, state: { answered: 40, badges: ["x"] } });
    localStorage.setItem(key, future);
    const store = makeStore();
    await rehydrateAll();
    expect(store.getState().answered).toBe(0);
    expect(getSaveStatus().newer).toEqual([key]);
    store.getState().answer();
    store.reset();
    expect(localStorage.getItem(key)).toBe(future);
    expect(localStorage.getItem(badKey(key))).toBeNull();
    expect(getSaveStatus().refused).toContain(key);
  });

  it("blocks an import over it", async () => {
    localStorage.setItem(key, JSON.stringify({ version: 9, state: {} }));
    makeStore();
    await rehydrateAll();
    const file = JSON.stringify({
      format: "relay-lab-progress",
      stores: { [key]: { version: 2, state: { answered: 3 } } },
    });
    const result = importProgress(file);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/newer Relay Lab/) });
  });
});

describe("bad stored values", () => {
  it("are all kept, oldest first, not only the latest", async () => {
    makeStore();
    for (const bad of ["{first", "{second"]) {
      localStorage.setItem(key, bad);
      await rehydrateAll();
    }
    const log = readBadLog(localStorage.getItem(badKey(key)));
    expect(log.map((e) => e.text)).toEqual(["{first", "{second"]);
    expect(log.every((e) => e.reason.length > 0 && e.at > 0)).toBe(true);
  });

  it("keep a copy left by an older version of the app", async () => {
    localStorage.setItem(badKey(key), "old raw value");
    localStorage.setItem(key, "{new bad");
    makeStore();
    await rehydrateAll();
    const log = readBadLog(localStorage.getItem(badKey(key)));
    expect(log.map((e) => e.text)).toEqual(["old raw value", "{new bad"]);
  });

  it("stay within a size bound, dropping the oldest first", () => {
    let log = readBadLog(null);
    for (let i = 0; i < 10; i++) {
      log = appendBad(log, { at: i, reason: "corrupt", text: String(i).repeat(60_000) });
    }
    const size = JSON.stringify(log).length;
    expect(size).toBeLessThanOrEqual(BAD_LOG_LIMIT);
    expect(log.at(-1)?.at).toBe(9);
    expect(log.length).toBeGreaterThan(1);
    const huge = appendBad([], { at: 1, reason: "corrupt", text: "x".repeat(BAD_LOG_LIMIT * 2) });
    expect(huge[0]?.truncated).toBe(true);
    expect(JSON.stringify(huge).length).toBeLessThanOrEqual(BAD_LOG_LIMIT);
  });

  it("are not overwritten when there is no room to keep a copy", async () => {
    localStorage.setItem(key, "{bad");
    const store = makeStore();
    refuseWrites();
    await rehydrateAll();
    vi.restoreAllMocks();
    store.getState().answer();
    expect(localStorage.getItem(key)).toBe("{bad");
    expect(getSaveStatus().refused).toContain(key);
  });
});

describe("imports", () => {
  it("are read back from storage, and one the browser refused says so and changes nothing", async () => {
    const store = makeStore();
    await rehydrateAll();
    store.getState().answer();
    const file = JSON.stringify({
      format: "relay-lab-progress",
      stores: { [key]: { version: 2, state: { answered: 12 } } },
    });
    refuseWrites();
    const result = importProgress(file);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/refused to store it/) });
    expect(store.getState().answered).toBe(1);
  });

  it("that were stored report success, and are there for a reload", async () => {
    const store = makeStore();
    await rehydrateAll();
    const file = JSON.parse(exportProgress()) as { stores: Record<string, { state: object }> };
    file.stores[key] = { ...file.stores[key]!, state: { answered: 5 } };
    expect(importProgress(JSON.stringify(file)).ok).toBe(true);
    expect(store.getState().answered).toBe(5);
    // What a reload would read:
    expect(JSON.parse(localStorage.getItem(key)!)).toEqual({ version: 2, state: { answered: 5 } });
  });
});
