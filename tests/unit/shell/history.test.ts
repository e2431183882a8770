import { describe, expect, it } from "vitest";
import { History, memoryHistoryStore } from "@/lib/shell/history";

describe("History", () => {
  it("walks back and forth and restores the draft", () => {
    const h = new History();
    h.add("one");
    h.add("two");
    expect(h.prev("draft")).toBe("two");
    expect(h.prev("two")).toBe("one");
    expect(h.prev("one")).toBeUndefined();
    expect(h.next()).toBe("two");
    expect(h.next()).toBe("draft");
    expect(h.next()).toBeUndefined();
  });

  it("skips blank lines and immediate repeats", () => {
    const h = new History();
    h.add("ls");
    h.add("ls");
    h.add("  ");
    h.add("pwd");
    expect(h.list()).toEqual(["ls", "pwd"]);
  });

  it("saves to and loads from its store, capped at the limit", () => {
    const store = memoryHistoryStore(["a", "b"]);
    const h = new History(store, 3);
    h.add("c");
    h.add("d");
    expect(store.load()).toEqual(["b", "c", "d"]);
    expect(new History(store).list()).toEqual(["b", "c", "d"]);
  });

  it("survives a corrupt or failing store", () => {
    const bad = {
      load: () => [1, "ok", null] as unknown as string[],
      save: () => {
        throw new Error("quota");
      },
    };
    const h = new History(bad);
    expect(h.list()).toEqual(["ok"]);
    expect(() => h.add("x")).not.toThrow();
    const throwing = {
      load: () => {
        throw new Error("no storage");
      },
      save: () => undefined,
    };
    expect(new History(throwing).list()).toEqual([]);
  });
});
