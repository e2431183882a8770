import { describe, expect, it } from "vitest";
import { createWorld, type World } from "@/lib/smtp";
import { createLabSession } from "@/lib/shell/lab";
import { stripAnsi } from "@/lib/shell/terminal";

function lab(id = "spoofing") {
  const world = createWorld(id) as World;
  const session = createLabSession(world);
  const type = (...lines: string[]) =>
    stripAnsi(lines.map((l) => session.submit(l)).join("")).replace(/\r\n/g, "\n");
  return { world, session, type };
}

describe("dig, host and nslookup read TXT records", () => {
  it("dig TXT shows the record quoted in the answer section", () => {
    const { type } = lab("telecommuter-auth");
    const out = type("dig TXT corp.example");
    expect(out).toMatch(/;corp\.example\.\t\t\tIN\tTXT/);
    expect(out).toMatch(/^corp\.example\.\t\t3600\tIN\tTXT\t"v=spf1 mx -all"$/m);
    expect(type("dig +short txt _dmarc.corp.example").trim()).toBe(
      '"v=DMARC1; p=reject; rua=mailto:dmarc@corp.example"',
    );
  });

  it("a record longer than 255 characters prints as several strings", () => {
    const { type, world } = lab();
    world.updateDns({ op: "add", name: "long.corp.example", type: "TXT", value: "x".repeat(300) });
    expect(type("dig +short TXT long.corp.example").trim()).toBe(
      `"${"x".repeat(255)}" "${"x".repeat(45)}"`,
    );
  });

  it("host -t txt and nslookup -type=txt", () => {
    const { type } = lab("telecommuter-auth");
    expect(type("host -t txt corp.example").trim()).toBe(
      'corp.example descriptive text "v=spf1 mx -all"',
    );
    expect(type("host -t txt mx.corp.example").trim()).toBe("mx.corp.example has no TXT record");
    expect(type("host -t txt nothing.example")).toMatch(/not found: 3\(NXDOMAIN\)/);
    expect(type("nslookup -type=txt corp.example")).toMatch(
      /corp\.example\ttext = "v=spf1 mx -all"/,
    );
  });
});

describe("nsupdate", () => {
  it("adds records interactively at a '> ' prompt; send applies them; quit leaves", () => {
    const { type, session, world } = lab();
    type("nsupdate");
    expect(session.prompt()).toBe("> ");
    expect(type("zone corp.example", 'update add corp.example 3600 TXT "v=spf1 mx -all"')).toBe("");
    expect(world.resolve("corp.example", "TXT").answers).toEqual([]); // not before send
    const shown = type("show");
    expect(shown).toMatch(/opcode: UPDATE/);
    expect(shown).toMatch(/^corp\.example\.\t\t3600\tIN\tTXT\t"v=spf1 mx -all"$/m);
    expect(type("send")).toMatch(/updated corp\.example/);
    expect(world.resolve("corp.example", "TXT").answers).toEqual(["v=spf1 mx -all"]);
    type("quit");
    expect(session.interaction).toBeNull();
  });

  it("a blank line sends too, and update delete removes", () => {
    const { type, world } = lab();
    type("nsupdate", 'update add _dmarc.corp.example 300 TXT "v=DMARC1; p=none"', "");
    expect(world.resolve("_dmarc.corp.example", "TXT").answers).toEqual(["v=DMARC1; p=none"]);
    type("update delete _dmarc.corp.example TXT", "send", "quit");
    expect(world.resolve("_dmarc.corp.example", "TXT").answers).toEqual([]);
  });

  it("warns that unquoted words become separate strings, joined without spaces", () => {
    const { type, world } = lab();
    const out = type("nsupdate", "update add corp.example 3600 TXT v=spf1 mx -all");
    expect(out).toMatch(/resolvers join them with no spaces, giving "v=spf1mx-all"/);
    type("send", "quit");
    expect(world.resolve("corp.example", "TXT").answers).toEqual(["v=spf1mx-all"]);
  });

  it("answers errors as BIND's nsupdate does", () => {
    const { type } = lab();
    type("nsupdate");
    expect(type('update add corp.example TXT "x"')).toBe("ttl must be specified\n");
    expect(type("frobnicate")).toBe("incorrect section name: frobnicate\n");
    expect(type("zone corp.example", 'update add partner.example 60 TXT "x"', "send")).toBe(
      "update failed: NOTZONE\n",
    );
    expect(type('update add x.corp.example 60 TXT "' + "y".repeat(300) + '"')).toMatch(
      /at most 255 characters/,
    );
  });

  it("the spammer cannot publish for corp.example: REFUSED", () => {
    const { type, world } = lab();
    type("ssh bulk.spammer.example", "nsupdate");
    expect(type('update add corp.example 60 TXT "v=spf1 +all"', "send")).toMatch(
      /^update failed: REFUSED/,
    );
    expect(world.resolve("corp.example", "TXT").answers).toEqual([]);
  });

  it("Tab completes its commands and names", () => {
    const { type, session } = lab();
    type("nsupdate");
    expect(session.complete("upd").insert).toBe("ate ");
    expect(session.complete("update a").insert).toBe("dd ");
    expect(session.complete("update add _dmarc.corp").candidates).toContain("_dmarc.corp.example");
  });
});

describe("opendkim-genkey and opendkim-testkey", () => {
  it("genkey makes a key, installs it on the domain's mail server, prints the TXT record", () => {
    const { type, world } = lab();
    const out = type("opendkim-genkey -s mail -d corp.example");
    expect(out).toMatch(/installed for OpenDKIM on mx\.corp\.example/);
    const key = world.dkimKeys("mx.corp.example")[0]!;
    expect(out).toContain(
      `mail._domainkey\tIN\tTXT\t( "v=DKIM1; k=ed25519; "\n\t  "p=${key.publicKey}" )`,
    );
  });

  it("testkey: not found, then OK once published, then a mismatch after a new key", () => {
    const { type, world } = lab();
    type("opendkim-genkey -s mail -d corp.example");
    expect(type("opendkim-testkey -d corp.example -s mail")).toMatch(
      /'mail\._domainkey\.corp\.example' record not found/,
    );
    const record = world.dkimKeys()[0]!.record;
    type(
      "nsupdate",
      `update add mail._domainkey.corp.example 3600 TXT "${record}"`,
      "send",
      "quit",
    );
    expect(type("opendkim-testkey -d corp.example -s mail -vvv")).toMatch(
      /key not secure\nopendkim-testkey: key OK/,
    );
    type("opendkim-genkey -s mail -d corp.example");
    expect(type("opendkim-testkey -d corp.example -s mail")).toMatch(/key mismatch/);
  });

  it("refuses where there is no OpenDKIM of ours", () => {
    const { type } = lab();
    expect(type("ssh bulk.spammer.example", "opendkim-genkey -s x -d corp.example")).toMatch(
      /no OpenDKIM here/,
    );
  });
});

describe("help and completion list the new commands", () => {
  it("help names them, and help CMD shows an example", () => {
    const { type, session } = lab();
    const help = type("help");
    for (const c of ["nsupdate", "opendkim-genkey", "opendkim-testkey"]) expect(help).toContain(c);
    expect(type("help nsupdate")).toMatch(/update add corp\.example 3600 TXT/);
    expect(session.complete("opendkim-g").insert).toBe("enkey ");
    expect(session.complete("nsup").insert).toBe("date ");
    expect(session.complete("dig T").candidates).toContain("TXT");
  });

  it("explain says why a 550 5.7.1 DMARC rejection happened", () => {
    const { type, world } = lab();
    world.updateDns(
      { op: "add", name: "corp.example", type: "TXT", value: "v=spf1 mx -all" },
      "ws.corp.example",
    );
    world.updateDns(
      { op: "add", name: "_dmarc.corp.example", type: "TXT", value: "v=DMARC1; p=reject" },
      "ws.corp.example",
    );
    const rejected = type(
      "ssh bulk.spammer.example",
      "telnet mx.partner.example 25",
      "EHLO x.example",
      "MAIL FROM:<ceo@corp.example>",
      "RCPT TO:<victim@partner.example>",
      "DATA",
      "From: ceo@corp.example",
      "",
      "pay now",
      ".",
    );
    expect(rejected).toMatch(
      /550 5\.7\.1 rejected by DMARC policy for corp\.example\n  ↳ 550 5\.7\.1: rejected after DATA: the message failed DMARC/,
    );
  });
});
