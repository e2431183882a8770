/**
 * The mailbox view's plain words come from the headers the engine really wrote: a spoof before and
 * after corp.example publishes its records, read back from partner.example's mailbox.
 */
import { describe, expect, it } from "vitest";
import { checkBadge, dmarcBadge, explainAuthHeaders } from "@/components/lab/authWords";
import { createWorld } from "@/lib/smtp";
import { spoofCeo } from "../smtp/helpers";

/** Header lines of a raw message, unfolded, as postal-mime gives them to the view. */
function headersOf(raw: string) {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head.split(/\r?\n/).map((l) => {
    const i = l.indexOf(":");
    return { key: l.slice(0, i).toLowerCase(), value: l.slice(i + 1).trim() };
  });
}

describe("Authentication-Results in plain words", () => {
  it("explains none before the records exist and a fail with the spammer's address after", () => {
    const world = createWorld("spoofing", { seed: 1 });
    spoofCeo(world);
    const first = explainAuthHeaders(headersOf(world.mailbox("victim@partner.example")[0]!));
    expect(first.map((l) => l.method)).toEqual(["spf", "dkim", "dmarc"]);
    expect(first[0]!.text).toBe("SPF none: corp.example publishes no SPF record");
    expect(dmarcBadge(first)).toEqual({ text: "DMARC none", tone: "muted" });

    for (const [name, value] of [
      ["corp.example", "v=spf1 mx -all"],
      ["_dmarc.corp.example", "v=DMARC1; p=quarantine"],
    ] as const)
      world.updateDns({ op: "add", name, type: "TXT", value, ttl: 60 }, "ws.corp.example");
    spoofCeo(world);
    const junk = world.folder("victim@partner.example", "Junk");
    expect(junk).toHaveLength(1);
    const second = explainAuthHeaders(headersOf(junk[0]!));
    const ip = world.host("bulk.spammer.example")!.ip;
    expect(second[0]!.text).toBe(`SPF fail: ${ip} is not permitted by corp.example`);
    expect(second[2]!.text).toMatch(
      /^DMARC fail: .*policy quarantine, so the message goes to Junk$/,
    );
    expect(dmarcBadge(second)).toEqual({ text: "DMARC fail", tone: "bad" });
    const dmarc = world.events().filter((e) => e.type === "dmarc");
    expect(dmarc.map((e) => e.type === "dmarc" && checkBadge(e).text)).toEqual([
      "DMARC none",
      "DMARC quarantine",
    ]);
  });

  it("says nothing for a message no MX checked", () => {
    expect(explainAuthHeaders([{ key: "subject", value: "hi" }])).toEqual([]);
  });
});
