/**
 * The email-authentication task kinds: the schema accepts well-formed checks and refuses bad ones
 * with the field named, and the checks read the engine's auth events, DNS and Junk folder.
 */
import { describe, expect, it } from "vitest";
import { isSatisfied } from "@/lib/lessons/checks";
import { taskCheckSchema, type TaskCheck } from "@/lib/lessons/schema";
import { taskKind } from "@/lib/lessons/taskKind";
import { createWorld } from "@/lib/smtp";
import { spoofCeo } from "../smtp/helpers";

const parse = (v: unknown) => taskCheckSchema.safeParse(v);
const issues = (v: unknown) => {
  const r = parse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("auth task kinds in the schema", () => {
  it("accepts the documented shapes", () => {
    for (const ok of [
      {
        kind: "auth",
        check: "dmarc",
        result: "fail",
        domain: "corp.example",
        disposition: "reject",
      },
      { kind: "auth", check: "spf", result: "softfail", host: "mx.partner.example" },
      { kind: "dnsRecord", name: "_dmarc.corp.example", type: "TXT", contains: "p=reject" },
      {
        kind: "dnsRecord",
        name: "s2026._domainkey.corp.example",
        type: "TXT",
        contains: "v=DKIM1",
      },
      { kind: "dnsLookup", name: "_dmarc.corp.example", type: "TXT" },
      { kind: "dkimKey", domain: "corp.example", selector: "s2026" },
      { kind: "junk", to: "carol@partner.example" },
    ])
      expect(issues(ok), JSON.stringify(ok)).toEqual([]);
  });

  it("refuses bad values and names the field", () => {
    expect(issues({ kind: "auth", check: "arc", result: "pass" })[0]).toMatch(/^check: /);
    expect(issues({ kind: "auth", check: "spf", result: "ok" })[0]).toMatch(/^result: /);
    expect(
      issues({ kind: "auth", check: "dmarc", result: "fail", disposition: "drop" })[0],
    ).toMatch(/^disposition: /);
    expect(
      issues({ kind: "dnsRecord", name: "corp.example", type: "MX", contains: "x" })[0],
    ).toMatch(/^type: /);
    expect(
      issues({ kind: "dnsRecord", name: "Corp Example", type: "TXT", contains: "x" })[0],
    ).toMatch(/^name: must be a lower-case DNS name/);
    expect(
      issues({ kind: "dnsRecord", name: "corp.example", type: "TXT", contains: "" })[0],
    ).toMatch(/^contains: /);
    expect(issues({ kind: "dkimKey", domain: "corp.example", selector: "Bad Sel" })[0]).toMatch(
      /^selector: /,
    );
    expect(issues({ kind: "junk", to: "not-an-address" })[0]).toMatch(
      /^to: must be a mail address/,
    );
  });

  it("DNS records and keys are state (checked live); verdicts and Junk are achievements", () => {
    const kind = (c: unknown) => taskKind(c as TaskCheck);
    expect(kind({ kind: "dnsRecord" })).toBe("state");
    expect(kind({ kind: "dkimKey" })).toBe("state");
    expect(kind({ kind: "auth" })).toBe("achievement");
    expect(kind({ kind: "junk" })).toBe("achievement");
  });
});

const check = (c: unknown) => c as TaskCheck;

describe("auth task checks against the engine", () => {
  it("reads the receiving MX's verdicts, then the policy published with an update", () => {
    const world = createWorld("spoofing", { seed: 1 });
    const dmarcNone = check({
      kind: "auth",
      check: "dmarc",
      result: "none",
      domain: "corp.example",
    });
    const rejected = check({
      kind: "auth",
      check: "dmarc",
      result: "fail",
      domain: "corp.example",
      disposition: "reject",
    });
    const published = check({
      kind: "dnsRecord",
      name: "_dmarc.corp.example",
      type: "TXT",
      contains: "p=reject",
    });
    expect(isSatisfied(dmarcNone, world)).toBe(false);
    spoofCeo(world);
    expect(isSatisfied(dmarcNone, world)).toBe(true);
    expect(isSatisfied(rejected, world)).toBe(false);
    expect(isSatisfied(published, world)).toBe(false);
    const before = world.events().length;
    for (const [name, value] of [
      ["corp.example", "v=spf1 mx -all"],
      ["_dmarc.corp.example", "v=DMARC1; p=reject"],
    ] as const)
      expect(
        world.updateDns({ op: "add", name, type: "TXT", value, ttl: 3600 }, "ws.corp.example").ok,
      ).toBe(true);
    expect(isSatisfied(published, world)).toBe(true);
    // Reading the zone for a check is not a DNS query: it logs nothing.
    expect(world.events().length).toBe(before + 2);
    spoofCeo(world);
    expect(isSatisfied(rejected, world)).toBe(true);
    expect(
      isSatisfied(
        check({ kind: "auth", check: "spf", result: "fail", host: "mx.partner.example" }),
        world,
      ),
    ).toBe(true);
    expect(
      isSatisfied(
        check({ kind: "auth", check: "spf", result: "fail", host: "mx.corp.example" }),
        world,
      ),
    ).toBe(false);
    // Deleting the record unticks the state task.
    world.updateDns({ op: "delete", name: "_dmarc.corp.example", type: "TXT" }, "ws.corp.example");
    expect(isSatisfied(published, world)).toBe(false);
  });

  it("sees a quarantined message in the recipient's Junk folder, and a key made by opendkim-genkey", () => {
    const world = createWorld("spoofing", { seed: 1 });
    const junk = check({ kind: "junk", to: "victim@partner.example" });
    const key = check({
      kind: "dkimKey",
      domain: "corp.example",
      selector: "s1",
      host: "mx.corp.example",
    });
    expect(isSatisfied(key, world)).toBe(false);
    expect(world.generateDkimKey("mx.corp.example", "corp.example", "s1").ok).toBe(true);
    expect(isSatisfied(key, world)).toBe(true);
    world.updateDns(
      {
        op: "add",
        name: "_dmarc.corp.example",
        type: "TXT",
        value: "v=DMARC1; p=quarantine",
        ttl: 60,
      },
      "ws.corp.example",
    );
    spoofCeo(world);
    expect(isSatisfied(junk, world)).toBe(true);
    expect(world.mailbox("victim@partner.example")).toEqual([]);
  });
});
