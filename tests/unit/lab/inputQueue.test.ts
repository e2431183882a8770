import { describe, expect, it } from "vitest";
import { createInputQueue, splitPaste } from "@/components/lab/inputQueue";

/** A clock that moves 1 ms per fed piece, so a slice holds a known number of pieces. */
function harness() {
  let t = 0;
  const fed: string[] = [];
  const slices: number[] = [];
  let inSlice = 0;
  const q = createInputQueue(
    (d) => {
      fed.push(d);
      // A microtask runs when the current task ends: it closes this slice.
      if (inSlice++ === 0)
        queueMicrotask(() => {
          slices.push(inSlice);
          inSlice = 0;
        });
      t += 1;
    },
    () => t,
  );
  const drain = async () => {
    while (q.pending > 0) await new Promise((r) => setTimeout(r, 0));
  };
  return { q, fed, slices, drain, typed: () => fed.join("") };
}

describe("splitPaste", () => {
  it("cuts at every line end and keeps each line's own ending", () => {
    expect(splitPaste("a\r\nb\rc\nd")).toEqual(["a\r\n", "b\r", "c\n", "d"]);
    expect(splitPaste("\n\n")).toEqual(["\n", "\n"]);
  });
});

describe("createInputQueue", () => {
  it("feeds typing at once", () => {
    const h = harness();
    h.q.push("l");
    h.q.push("s\r");
    expect(h.fed).toEqual(["l", "s\r"]);
  });
  it("runs a 500-session paste in slices, in order, with keys typed meanwhile after it", async () => {
    const h = harness();
    const session = "telnet mail.isp.example 25\rEHLO x\rMAIL FROM:<a@b>\rQUIT\r";
    const paste = session.repeat(500);
    h.q.push(paste);
    expect(h.fed).toEqual([]); // nothing runs inside the paste event itself
    h.q.push("x");
    await h.drain();
    expect(h.typed()).toBe(paste + "x");
    expect(h.slices.length).toBeGreaterThan(10);
    // 40 ms per slice at 1 ms per line: no slice runs more than 40 lines.
    expect(Math.max(...h.slices)).toBeLessThanOrEqual(40);
  });
  it("Ctrl+C during a paste drops the rest of it", async () => {
    const h = harness();
    h.q.push("echo 1\r".repeat(1000));
    h.q.push("\x03");
    await h.drain();
    expect(h.fed).toEqual(["\x03"]);
  });
});
