import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAIL_FIREWALL_PBQ, PORT_SCENARIOS, PORTS, REPLY_CODES } from "@/content/ports";
import { SCENARIO_IDS } from "@/content/scenarios";
import {
  FirewallPbqSchema,
  PortTableSchema,
  ReplyCodeSchema,
  ScenarioQuestionSchema,
} from "@/content/ports/schema";

/** Debian's copy of the IANA registry (package netbase). */
const SERVICES = "/etc/services";

/** "25/tcp" -> every name and alias the file gives that port. */
function readServices(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const raw of readFileSync(SERVICES, "utf8").split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const [name, portProto, ...aliases] = line.split(/\s+/);
    if (!name || !portProto) continue;
    const names = map.get(portProto) ?? new Set<string>();
    for (const n of [name, ...aliases]) names.add(n);
    map.set(portProto, names);
  }
  return map;
}

describe("port data schema", () => {
  it("the port table is valid (ids unique, references resolve)", () => {
    expect(() => PortTableSchema.parse(PORTS)).not.toThrow();
  });

  it("scenario questions, reply codes and the firewall PBQ are valid", () => {
    for (const s of PORT_SCENARIOS) ScenarioQuestionSchema.parse(s);
    for (const r of REPLY_CODES) ReplyCodeSchema.parse(r);
    FirewallPbqSchema.parse(MAIL_FIREWALL_PBQ);
    expect(new Set(REPLY_CODES.map((r) => r.code)).size).toBe(REPLY_CODES.length);
  });

  it("every scenario answer and distractor names a real port of a real protocol", () => {
    for (const s of PORT_SCENARIOS) {
      for (const ref of [s.answer, ...s.distractors]) {
        const entry = PORTS.find((e) => e.id === ref.entry);
        expect(entry, `${s.id}: ${ref.entry}`).toBeDefined();
        expect(
          entry?.ports.map((p) => p.number),
          `${s.id}: ${ref.entry}:${ref.port}`,
        ).toContain(ref.port);
      }
      const keys = [s.answer, ...s.distractors].map((r) => `${r.entry}:${r.port}`);
      expect(new Set(keys).size, s.id).toBe(keys.length);
    }
  });

  it("firewall rules refer to offered rows, once each", () => {
    const rows = new Set(MAIL_FIREWALL_PBQ.candidates.map((c) => `${c.port}/${c.transport}`));
    const seen = new Set<string>();
    for (const r of MAIL_FIREWALL_PBQ.rules) {
      expect(rows.has(`${r.port}/${r.transport}`)).toBe(true);
      const key = `${r.direction}:${r.port}/${r.transport}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it("every lab link names a scenario that exists", () => {
    const links = [
      ...PORTS.map((e) => e.learn),
      ...PORT_SCENARIOS.map((s) => s.learn),
      ...REPLY_CODES.map((r) => r.learn),
      MAIL_FIREWALL_PBQ.learn,
    ].filter((l) => l !== undefined);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const m = /^\/lab\?scenario=([a-z0-9-]+)$/.exec(link.href);
      expect(m, link.href).not.toBeNull();
      expect(SCENARIO_IDS as string[]).toContain(m![1]);
    }
  });

  it("covers the ports the brief names", () => {
    const have = new Set(PORTS.flatMap((e) => e.ports.map((p) => p.number)));
    const must = [
      20, 21, 22, 23, 25, 53, 67, 68, 69, 80, 88, 110, 123, 137, 138, 139, 143, 161, 162, 389, 443,
      445, 465, 514, 587, 636, 993, 995, 1433, 1701, 1723, 1812, 1813, 3389, 5060, 5061, 6514,
    ];
    expect(must.filter((p) => !have.has(p))).toEqual([]);
  });
});

describe("port facts against the IANA registry (/etc/services)", () => {
  it("has /etc/services to check against (Debian package netbase)", () => {
    expect(existsSync(SERVICES), "install netbase: apt-get install -y netbase").toBe(true);
  });

  const registry = existsSync(SERVICES) ? readServices() : new Map<string, Set<string>>();

  for (const entry of PORTS) {
    for (const port of entry.ports) {
      for (const transport of port.transports) {
        const key = `${port.number}/${transport}`;
        const exception = entry.exceptions?.find(
          (x) => x.number === port.number && x.transport === transport,
        );
        if (exception) {
          it(`${entry.protocol} ${key}: documented exception still needed`, () => {
            // If the registry file gains the entry, the exception is stale and should go.
            expect(registry.get(key)?.has(port.iana) ?? false).toBe(false);
          });
        } else {
          it(`${entry.protocol} ${key} is registered as "${port.iana}"`, () => {
            expect(registry.get(key), `${key} is not in ${SERVICES}`).toBeDefined();
            expect([...(registry.get(key) ?? [])]).toContain(port.iana);
          });
        }
      }
    }
  }

  it("the famous confusions are right", () => {
    expect(registry.get("465/tcp")?.has("submissions")).toBe(true);
    expect(registry.get("587/tcp")?.has("submission")).toBe(true);
    const find = (id: string) => PORTS.find((e) => e.id === id)?.ports[0]?.number;
    expect(find("submissions")).toBe(465);
    expect(find("submission")).toBe(587);
    expect(find("syslog-tls")).toBe(6514);
    expect(find("ldaps")).toBe(636);
  });
});
