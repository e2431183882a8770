import { describe, expect, it } from "vitest";
import { SCENARIO_IDS, createWorld, type World } from "@/lib/smtp";
import { createLabSession, runDemoStep } from "@/lib/shell/lab";
import { hopTable } from "@/lib/shell/received";
import { unmet } from "../smtp/expectations";

/** The Received: values of a raw message, in header order. */
function received(raw: string): string[] {
  const head = raw.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
  return head
    .split("\r\n")
    .filter((l) => /^Received:/i.test(l))
    .map((l) => l.slice(l.indexOf(":") + 1).trim());
}

describe("every scenario's demo script, typed into the lab's shell", () => {
  for (const id of SCENARIO_IDS) {
    it(`${id} ends where its scenario says`, () => {
      const world = createWorld(id) as World;
      const session = createLabSession(world);
      for (const step of world.scenario.demo) {
        expect(() => runDemoStep(session, step)).not.toThrow();
      }
      for (const exp of world.scenario.expect) {
        if (exp.kind === "delivered") {
          // The hop table the lab shows must agree with the engine's Received: chain.
          const box = world.mailbox(exp.mailbox);
          expect(box.length, `mailbox ${exp.mailbox}`).toBeGreaterThan(0);
          const hops = hopTable(received(box[box.length - 1]!));
          expect(hops.map((h) => h.by)).toEqual(exp.via);
        } else expect(unmet(world, exp), exp.kind).toBeNull();
      }
    });
  }
});
