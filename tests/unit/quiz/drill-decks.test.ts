import { describe, expect, it } from "vitest";
import { PORTS } from "@/content/ports";
import {
  applyAnswer,
  applyUndo,
  cardsForEntries,
  dayKey,
  deckCards,
  emptyProgress,
  forecast,
  gradeFor,
  review,
  undoFor,
  type AnswerEvent,
} from "@/lib/quiz";
import { answerEvent, T0 } from "./helpers";

const DAY = 86_400_000;
const utcDay = (ms: number) => dayKey(ms, 0);

const event = (over: Partial<AnswerEvent> = {}) =>
  answerEvent({ mode: "drill", day: utcDay(T0), ...over });

describe("self-rating", () => {
  it("the learner's rating, not the suggestion, schedules the card", () => {
    expect(gradeFor(true, 5_000, "choice")).toBe("good");
    const easy = applyAnswer(emptyProgress(), event({ grade: "easy" }));
    const again = applyAnswer(emptyProgress(), event({ grade: "again" }));
    const suggested = applyAnswer(emptyProgress(), event());
    expect(easy.cards["port:smtp:25"]!.memory!.state).toBe("review");
    expect(again.cards["port:smtp:25"]!.memory!.state).toBe("learning");
    expect(suggested.cards["port:smtp:25"]!.memory).toEqual(review(undefined, "good", T0));
    expect(easy.cards["port:smtp:25"]!.memory!.due).toBeGreaterThan(
      again.cards["port:smtp:25"]!.memory!.due,
    );
  });

  it("undo puts the card and the day back exactly as they were", () => {
    const first = applyAnswer(emptyProgress(), event());
    const undo = undoFor(first, event({ now: T0 + 60_000 }));
    const second = applyAnswer(first, event({ now: T0 + 60_000, correct: false }));
    expect(second.cards["port:smtp:25"]!.seen).toBe(2);
    expect(applyUndo(second, undo)).toEqual(first);
    // Undoing the very first answer removes the card and the day altogether.
    expect(applyUndo(first, undoFor(emptyProgress(), event()))).toEqual(emptyProgress());
  });

  it("re-rating is undo then answer with the new grade", () => {
    const start = emptyProgress();
    const undo = undoFor(start, event());
    const rated = applyAnswer(start, event({ grade: "good" }));
    const rerated = applyAnswer(applyUndo(rated, undo), event({ grade: "hard" }));
    expect(rerated).toEqual(applyAnswer(start, event({ grade: "hard" })));
    expect(rerated.days[utcDay(T0)]).toEqual({ answered: 1, correct: 1, fresh: 1 });
  });
});

describe("decks", () => {
  it("every card for 'all'; only the encrypted protocols for 'secure'", () => {
    expect(deckCards("all")).toBeUndefined();
    const secure = deckCards("secure")!;
    for (const id of ["port:ssh:22", "port:https:443", "port:ldaps:636", "port:imaps:993"])
      expect(secure).toContain(id);
    for (const id of ["port:telnet:23", "port:http:80", "port:ldap:389", "port:ftp:21"])
      expect(secure).not.toContain(id);
  });

  it("mail holds the mail ports and the SMTP replies", () => {
    const mail = deckCards("mail")!;
    for (const id of ["port:smtp:25", "port:submission:587", "port:pop3s:995", "reply:554"])
      expect(mail).toContain(id);
    expect(mail).not.toContain("port:http:80");
  });

  it("Windows and directory: Kerberos, LDAP, SMB, RDP, but not RADIUS", () => {
    const win = deckCards("windows")!;
    for (const id of ["port:kerberos:88", "port:ldap:389", "port:smb:445", "port:rdp:3389"])
      expect(win).toContain(id);
    expect(win.some((id) => id.startsWith("port:radius"))).toBe(false);
    // Any port added on a Windows number (RPC on 135, say) joins by itself.
    const on135 = PORTS.find((e) => e.ports.some((p) => p.number === 135));
    if (on135) expect(win).toContain(`port:${on135.id}:135`);
  });

  it("remote access takes SSH, Telnet, RDP and the VPNs", () => {
    const remote = deckCards("remote")!;
    for (const id of ["port:ssh:22", "port:telnet:23", "port:rdp:3389", "port:ipsec:500"])
      expect(remote).toContain(id);
    expect(remote).not.toContain("port:smtp:25");
  });

  it("a hand-picked deck is exactly the chosen protocols' ports", () => {
    expect(deckCards("custom", ["ftp", "kerberos"])).toEqual(
      expect.arrayContaining(["port:ftp:20", "port:ftp:21", "port:kerberos:88"]),
    );
    expect(deckCards("custom", ["ftp", "kerberos"])).toHaveLength(3);
    expect(deckCards("custom", [])).toEqual([]);
    expect(cardsForEntries(["smtp", "no-such"])).toEqual(["port:smtp:25"]);
  });
});

describe("review forecast", () => {
  it("counts due cards per day for seven days, overdue ones today", () => {
    const at = (days: number) => ({ ...review(undefined, "good", T0), due: T0 + days * DAY });
    const memories = {
      a: at(-3),
      b: at(0.1),
      c: at(1),
      d: at(1.2),
      e: at(6),
      f: at(9),
      g: undefined,
    };
    const f = forecast(memories, T0, utcDay);
    expect(f).toHaveLength(7);
    expect(f.map((d) => d.due)).toEqual([2, 2, 0, 0, 0, 0, 1]);
    expect(f[0]!.day).toBe("2026-01-05");
    expect(forecast(memories, T0, utcDay, 7, ["c", "f"]).map((d) => d.due)).toEqual([
      0, 1, 0, 0, 0, 0, 0,
    ]);
  });
});
