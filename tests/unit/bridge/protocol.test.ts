import { describe, expect, it } from "vitest";
import { MAX_BATCH_LINES, parseToBridge, parseToTab } from "@/lib/bridge/protocol";

describe("the bridge <-> tab messages", () => {
  it("accept the typed messages", () => {
    expect(parseToTab(JSON.stringify({ type: "lines", conn: 3, lines: ["EHLO a", ""] }))).toEqual({
      type: "lines",
      conn: 3,
      lines: ["EHLO a", ""],
    });
    expect(
      parseToBridge(
        JSON.stringify({
          type: "reply",
          conn: 3,
          text: "250 Ok\r\n",
          consumed: 1,
          starttls: false,
          close: false,
        }),
      ),
    ).toMatchObject({ type: "reply", conn: 3 });
  });

  it("reject anything else: other types, missing fields, long lines, big batches, non-JSON", () => {
    const bad = [
      "not json",
      JSON.stringify({ type: "exec", command: "ls" }),
      JSON.stringify({ type: "lines", conn: 1, lines: [] }),
      JSON.stringify({ type: "lines", conn: 1, lines: ["a".repeat(999)] }),
      JSON.stringify({ type: "lines", conn: 1, lines: Array(MAX_BATCH_LINES + 1).fill("a") }),
      JSON.stringify({ type: "open", conn: 0, worldPort: 25, tls: false }),
      JSON.stringify({ type: "open", conn: 1, worldPort: 22, tls: false }),
    ];
    for (const b of bad) expect(parseToTab(b), b.slice(0, 60)).toBeNull();
    expect(parseToTab(new ArrayBuffer(4))).toBeNull();
    expect(parseToBridge(JSON.stringify({ type: "reply", conn: 1, text: "x" }))).toBeNull();
    expect(parseToBridge(JSON.stringify({ type: "attach", version: 2, scenario: "x" }))).toBeNull();
  });
});
