/** The lab's own playback steps back, as the demo can: diagram and "what happened" both rewind. */
import { describe, expect, it } from "vitest";
import { createWorld } from "@/lib/smtp";
import { Player } from "@/components/lab/usePlayback";

function played() {
  const world = createWorld("isp-relay");
  const player = new Player();
  player.setPaused(true); // no timers: the test steps by hand
  world.subscribe((e) => player.push(e));
  world.resolve("corp.example", "MX", "pc.home.example");
  const s = world.connect({ from: "pc.home.example", to: "mail.isp.example", port: 25 });
  s.send("EHLO pc.home.example");
  player.skip();
  return player;
}

describe("Player.stepBack", () => {
  it("undoes the last shown event in the diagram and the log, then Step redoes it", () => {
    const player = played();
    const end = player.getView();
    expect(end.diagram.sessions).toHaveLength(1);
    expect(end.canStepBack).toBe(true);
    player.stepBack();
    const back = player.getView();
    expect(back.paused).toBe(true);
    expect(back.total).toBeLessThan(end.total);
    expect(back.log.map((l) => l.text).join(" ")).not.toContain("connected to mail.isp.example");
    expect(back.diagram.sessions).toHaveLength(0);
    expect(back.backlog).toBeGreaterThan(0);
    player.step();
    expect(player.getView().diagram.sessions).toHaveLength(1);
    expect(player.getView().total).toBe(end.total);
  });

  it("stops at the start", () => {
    const player = played();
    for (let i = 0; i < 20; i++) player.stepBack();
    const v = player.getView();
    expect(v.total).toBe(0);
    expect(v.canStepBack).toBe(false);
    expect(v.diagram.sessions).toHaveLength(0);
  });
});
