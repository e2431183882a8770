import { describe, expect, it } from "vitest";
import { formatDuration, formatInZone, parseHeaderDate } from "@/lib/headers/dates";

describe("parseHeaderDate", () => {
  it("keeps the writer's zone and converts to UTC", () => {
    const d = parseHeaderDate("Mon, 26 Oct 2020 05:43:29 -0700 (PDT)")!;
    expect(d.epochMs).toBe(Date.UTC(2020, 9, 26, 12, 43, 29));
    expect(d.offsetMinutes).toBe(-420);
    expect(formatInZone(d)).toBe("2020-10-26 05:43:29 -0700");
  });

  it.each([
    ["Fri, 06 Nov 2020 12:54:00 GMT", Date.UTC(2020, 10, 6, 12, 54, 0), 0],
    ["21 Sep 2026 10:00:00 -0000", Date.UTC(2026, 8, 21, 10, 0, 0), 0],
    ["Thu, 8 Mar 2005 17:40:36 EDT", Date.UTC(2005, 2, 8, 21, 40, 36), -240],
    ["Sun, 23 Sep 01 20:14:35 -0700", Date.UTC(2001, 8, 24, 3, 14, 35), -420],
    ["Tue, 3 Dec 2024 09:15 +0100", Date.UTC(2024, 11, 3, 8, 15, 0), 60],
    ["Fri, 26 Jan 2018 15:54:11 - 0600", Date.UTC(2018, 0, 26, 21, 54, 11), -360],
    ["2018-04-22 02:54:17.028704749 +0000 UTC", Date.UTC(2018, 3, 22, 2, 54, 17) + 28, 0],
    ["Sun, 22 Apr 2018 02:54:16.987 +0000 (UTC)", Date.UTC(2018, 3, 22, 2, 54, 16) + 987, 0],
    ["Mon,  9 Mar 2020 22:33:33 +0300 (MSK)", Date.UTC(2020, 2, 9, 19, 33, 33), 180],
  ])("%s", (text, epoch, offset) => {
    expect(parseHeaderDate(text)).toMatchObject({ epochMs: epoch, offsetMinutes: offset });
  });

  it.each([
    "",
    "yesterday",
    "31 Feb 2020 10:00:00 +0000",
    "Mon, 26 Oct 2020 25:00:00 +0000",
    "26 Foo 2020 10:00:00 +0000",
    "Mon, 26 Oct 2020 10:00:00 +2500",
  ])("refuses %j", (text) => {
    expect(parseHeaderDate(text)).toBeNull();
  });
});

describe("formatDuration", () => {
  it("speaks in units a reader expects", () => {
    expect(formatDuration(41)).toBe("41 ms");
    expect(formatDuration(77_000)).toBe("1 min 17 s");
    expect(formatDuration(18_613_000)).toBe("5 h 10 min");
    expect(formatDuration(-6000)).toBe("−6 s");
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(90_061_000)).toBe("1 d 1 h");
  });
});
