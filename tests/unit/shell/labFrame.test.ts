import { describe, expect, it } from "vitest";
import { SCENARIO_IDS, createWorld } from "@/lib/smtp";
import { createLabSession } from "@/lib/shell/lab";
import { labFrame, scenarioFrame } from "@/lib/shell/labFrame";
import { Shell } from "@/lib/shell/shell";
import { formatOutput } from "@/lib/shell/wrap";
import { echoOf } from "@/components/lab/LabFrameView";

/** What the lab's shell prints as it starts (as LabStore starts it), at `cols` columns. */
function shellStart(id: (typeof SCENARIO_IDS)[number], banner: string, cols: number): string {
  const s = createLabSession(createWorld(id));
  let out = "";
  const shell = new Shell(
    { write: (d) => void (out += d), onData: () => () => {}, reset: () => {} },
    {
      prompt: () => s.prompt(),
      submit: (l) => s.submit(l),
      interrupt: (l) => s.interrupt(l),
      eof: () => s.eof(),
      escape: () => s.escape(),
      complete: (b) => s.complete(b),
      historyPrev: (c) => s.historyPrev(c),
      historyNext: () => s.historyNext(),
    },
    cols,
  );
  shell.start(banner);
  return out;
}

describe("the lab's first frame (drawn before the simulation loads)", () => {
  for (const id of SCENARIO_IDS) {
    it(`${id}: the terminal shows exactly what the shell prints as it starts`, () => {
      const frame = scenarioFrame(id);
      for (const cols of [34, 57, 80, 132])
        expect(formatOutput(frame.banner, cols) + frame.prompt).toBe(
          shellStart(id, frame.banner, cols),
        );
    });

    it(`${id}: the diagram has every host and network of a fresh world, which has no history`, () => {
      const world = createWorld(id);
      const frame = labFrame(world);
      // Nothing has happened yet, so the live diagram has no link, flash or mail count to draw.
      expect(world.events()).toEqual([]);
      expect(frame.hosts.map((h) => h.name)).toEqual(world.hosts().map((h) => h.name));
      expect(frame.networks.map((n) => n.id)).toEqual(world.networks().map((n) => n.id));
      expect(frame.here).toBe(world.scenario.learner.host);
      // Plain data: it travels from the server to the page as JSON.
      expect(JSON.parse(JSON.stringify(frame))).toEqual(frame);
    });
  }
});

describe("echoOf: keys typed into the first frame, shown until the shell replays them", () => {
  it("shows printable text, applies Backspace and breaks the line at Enter", () => {
    expect(echoOf("helo\x7fp\r")).toBe("help\r\n");
  });
  it("never deletes past the start of a line, and drops arrows and control keys", () => {
    expect(echoOf("a\r\x7f\x7fb\x1b[A\x1b[D\x03")).toBe("a\r\nb");
  });
});
