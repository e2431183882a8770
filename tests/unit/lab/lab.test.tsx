// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { createWorld, type World } from "@/lib/smtp";
import { createLabSession } from "@/lib/shell/lab";
import { conversations, Transcript } from "@/components/lab/Transcript";
import { parseMessage } from "@/components/lab/Mailboxes";
import { Player } from "@/components/lab/usePlayback";

function worldWithMail(subject = "Hello"): World {
  const world = createWorld("isp-relay") as World;
  const s = createLabSession(world);
  for (const l of [`mail -s "${subject}" bob@corp.example`, "Body <b>text</b>", "."]) s.submit(l);
  return world;
}

describe("conversations", () => {
  it("groups the learner's session and the relay's own session to the MX", () => {
    const list = conversations(worldWithMail().events());
    expect(list.map((c) => `${c.client}->${c.server}:${c.port}`)).toEqual([
      "pc.home.example->mail.isp.example:587",
      "mail.isp.example->mx.corp.example:25",
    ]);
    const relay = list[1]!;
    expect(
      relay.lines.some((l) => l.who === "client" && l.text.startsWith("EHLO mail.isp.example")),
    ).toBe(true);
    expect(
      relay.lines.some((l) => l.who === "server" && /^250 2\.0\.0 Ok: queued as/.test(l.text)),
    ).toBe(true);
    expect(list[0]!.tls).toBe(true);
    expect(list[0]!.auth).toBe("you");
  });
});

describe("Transcript", () => {
  it("tells client and server lines apart for screen readers too", () => {
    const world = worldWithMail();
    render(<Transcript world={world} version={1} />);
    expect(screen.getAllByText(/pc\.home\.example sends:/).length).toBeGreaterThan(3);
    expect(screen.getAllByText(/mail\.isp\.example replies:/).length).toBeGreaterThan(3);
  });
});

describe("parseMessage", () => {
  it("reads subject, text and the hop table; HTML stays a string", async () => {
    const world = worldWithMail("<script>alert(1)</script>");
    const m = await parseMessage(world.mailbox("bob@corp.example")[0]!);
    expect(m.subject).toBe("<script>alert(1)</script>");
    expect(m.text).toContain("Body <b>text</b>");
    expect(m.hops.map((h) => h.by)).toEqual(["mail.isp.example", "mx.corp.example"]);
    expect(m.hops[0]!.authenticatedAs).toBe("you");
  });
});

describe("Player", () => {
  afterEach(() => vi.useRealTimers());

  it("plays events at their pace, steps, skips, and is instant under reduced motion", () => {
    vi.useFakeTimers();
    const world = worldWithMail();
    const p = new Player();
    for (const e of world.events()) p.push(e);
    vi.advanceTimersByTime(20); // one frame: play up to the first event worth watching
    const early = p.getView();
    expect(early.backlog).toBeGreaterThan(0);
    p.setPaused(true);
    const before = p.getView().total;
    p.step();
    expect(p.getView().total).toBeGreaterThan(before);
    p.skip();
    expect(p.getView().backlog).toBe(0);
    expect(p.getView().log.at(-1)!.text).toContain("delivered message");

    const q = new Player();
    q.setReducedMotion(true);
    for (const e of world.events()) q.push(e);
    vi.advanceTimersByTime(50);
    expect(q.getView().backlog).toBe(0);
    expect(q.getView().diagram.delivered["mx.corp.example"]).toBe(1);
  });
});
