import { describe, expect, it } from "vitest";
import { bridgeTargets, defaultTarget, ensureYourComputer, freeAddress } from "@/lib/bridge/host";
import { createWorld, SCENARIO_IDS } from "@/lib/smtp";

describe("world.addHost", () => {
  it("adds a client host that can connect like any other, and never throws", () => {
    const w = createWorld("isp-relay");
    const r = w.addHost({
      name: "laptop.home.example",
      ip: "203.0.113.77",
      network: "home",
      role: "client",
      label: "A laptop",
    });
    expect(r).toMatchObject({
      ok: true,
      host: { name: "laptop.home.example", ports: [], mta: false },
    });
    expect(w.hosts().map((h) => h.name)).toContain("laptop.home.example");
    const s = w.connect({ from: "laptop.home.example", to: "mail.isp.example", port: 25 });
    expect(s.greeting).toBe("220 mail.isp.example ESMTP Postfix");
    expect(w.resolve("203.0.113.77", "PTR")).toMatchObject({ answers: ["laptop.home.example"] });
  });

  it("refuses what would break the world, in words", () => {
    const w = createWorld("isp-relay");
    const base = {
      name: "x.home.example",
      ip: "203.0.113.77",
      network: "home",
      role: "client",
      label: "x",
    };
    expect(w.addHost({ ...base, network: "moon" })).toEqual({
      ok: false,
      error: "network moon: no such network",
    });
    expect(w.addHost({ ...base, ip: "10.9.9.9" })).toEqual({
      ok: false,
      error: "ip 10.9.9.9: not in 203.0.113.0/24",
    });
    expect(w.addHost({ ...base, name: "pc.home.example" })).toMatchObject({ ok: false });
    expect(w.addHost({ ...base, ip: "203.0.113.10" })).toMatchObject({ ok: false });
    expect(w.addHost({ ...base, name: "not a name" })).toMatchObject({ ok: false });
    expect(w.addHost({ ...base, mta: { postconf: {}, services: [] } })).toMatchObject({
      ok: false,
    });
    expect(w.addHost(null)).toMatchObject({ ok: false });
    expect(w.addHost("x")).toMatchObject({ ok: false });
  });
});

describe("your computer", () => {
  it("joins the learner's network once, at the first free address from .100", () => {
    const w = createWorld("isp-relay");
    const you = ensureYourComputer(w);
    expect(you).toMatchObject({
      name: "your-pc.home.example",
      ip: "203.0.113.100",
      network: "home",
    });
    expect(ensureYourComputer(w)).toEqual(you);
    expect(w.hosts().filter((h) => h.name === you!.name)).toHaveLength(1);
    expect(freeAddress(w, "home")).toBe("203.0.113.101");
  });

  it("works in every scenario, next to the learner", () => {
    for (const id of SCENARIO_IDS) {
      const w = createWorld(id);
      const learner = w.host(w.scenario.learner.host)!;
      expect(ensureYourComputer(w), id).toMatchObject({ network: learner.network, role: "client" });
    }
  });
});

describe("the default server for real clients", () => {
  it("is the learner's own provider or company (submission), else a relay", () => {
    expect(defaultTarget(createWorld("isp-relay"))).toBe("mail.isp.example");
    expect(defaultTarget(createWorld("telecommuter"))).toBe("mx.corp.example");
    expect(defaultTarget(createWorld("port-25-blocked"))).toBe("mx.corp.example");
    for (const id of SCENARIO_IDS) {
      const w = createWorld(id);
      expect(bridgeTargets(w).map((h) => h.name)).toContain(defaultTarget(w));
    }
  });
});
