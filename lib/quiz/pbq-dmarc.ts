import { createWorld, type World } from "@/lib/smtp";
import { caseWithChoices } from "./pbq-cases";
import type { Rng } from "./rng";

/**
 * PBQ "does DMARC pass?": corp.example's records are set with dynamic updates in the spoofing
 * scenario, a message is sent, and the learner reads the Authentication-Results header the
 * receiving MX really wrote (with the records) and picks the verdict and its reason. Nothing in
 * the header or the records is typed by hand.
 */

export interface DmarcCase {
  id: string;
  /** Who sends what, in words. */
  setting: string;
  /** TXT records published before sending: [name, value]. */
  records: Array<[string, string]>;
  /** Which way the message goes. */
  path: "spoof" | "spoof-own-envelope" | "genuine";
  /** Does DMARC pass? And the reason, as the choice reads. */
  pass: boolean;
  diagnosis: string;
  explanation: string;
}

const SPF = ["corp.example", "v=spf1 mx -all"] as [string, string];

export const DMARC_CASES: DmarcCase[] = [
  {
    id: "no-policy",
    setting: "A message claiming to be from ceo@corp.example reaches partner.example.",
    records: [],
    path: "spoof",
    pass: false,
    diagnosis:
      "No: corp.example publishes no DMARC record, so the result is none and it is delivered.",
    explanation:
      "dmarc=none means there was no policy at _dmarc.corp.example to apply. Receivers deliver such mail normally; only publishing SPF, DKIM and DMARC changes that.",
  },
  {
    id: "spf-aligned",
    setting: "An employee's message leaves through mx.corp.example, corp.example's own server.",
    records: [SPF, ["_dmarc.corp.example", "v=DMARC1; p=quarantine"]],
    path: "genuine",
    pass: true,
    diagnosis:
      "Yes: SPF passed for corp.example, the From domain itself, which is enough even without a DKIM pass.",
    explanation:
      "DMARC needs one aligned pass. smtp.mailfrom is corp.example and SPF passed; header.from is corp.example: aligned. The DKIM result does not matter then.",
  },
  {
    id: "spoof-quarantine",
    setting: "A spammer sends as ceo@corp.example, in the envelope and the From header.",
    records: [SPF, ["_dmarc.corp.example", "v=DMARC1; p=quarantine"]],
    path: "spoof",
    pass: false,
    diagnosis:
      "No: SPF failed and no DKIM signature passed; p=quarantine sends it to the Junk folder.",
    explanation:
      "The spammer's address is not in corp.example's SPF record (spf=fail) and there is no corp.example signature (dkim=none), so no aligned pass exists and the quarantine policy applies.",
  },
  {
    id: "spoof-monitor",
    setting: "A spammer sends as ceo@corp.example while corp.example is still only monitoring.",
    records: [SPF, ["_dmarc.corp.example", "v=DMARC1; p=none; rua=mailto:dmarc@corp.example"]],
    path: "spoof",
    pass: false,
    diagnosis: "No: DMARC fails, but p=none only asks for reports, so it is still delivered.",
    explanation:
      "dmarc=fail with p=NONE: the receiver reports the failure to the rua= address and delivers the message. Monitoring is the first step before quarantine or reject.",
  },
  {
    id: "misaligned-envelope",
    setting:
      "A spammer uses its own spammer.example address in MAIL FROM, with SPF published for it, and From: ceo@corp.example.",
    records: [
      SPF,
      ["_dmarc.corp.example", "v=DMARC1; p=quarantine"],
      ["spammer.example", "v=spf1 ip4:198.51.100.66 -all"],
    ],
    path: "spoof-own-envelope",
    pass: false,
    diagnosis:
      "No: SPF passed, but for spammer.example, which is not aligned with the From domain corp.example.",
    explanation:
      "SPF checks the envelope domain only. It passed for spammer.example, but DMARC compares that with header.from=corp.example: different organizational domains, so the pass does not count.",
  },
];

export interface DmarcQuestion {
  case: DmarcCase;
  /** The published TXT records as dig would list them. */
  records: string[];
  /** The Authentication-Results header the receiving MX wrote, one line per method. */
  header: string[];
  choices: { id: string; label: string }[];
}

function send(world: World, envelope: string, from: string, relay: boolean): void {
  const client = relay ? "ws.corp.example" : "bulk.spammer.example";
  const server = relay ? "mx.corp.example" : "mx.partner.example";
  const s = world.connect({ from: client, to: server, port: 25 });
  for (const line of [
    `EHLO ${client}`,
    `MAIL FROM:<${envelope}>`,
    "RCPT TO:<victim@partner.example>",
    "DATA",
    `From: ${from}`,
    "Subject: Invoice",
    "",
    "Please see the invoice.",
    ".",
    "QUIT",
  ])
    s.send(line);
  world.runUntilIdle();
}

/** Runs a case in a fresh spoofing world; returns the records and the receiver's header. */
export function runDmarcCase(c: DmarcCase): { records: string[]; header: string[] } {
  const world = createWorld("spoofing");
  for (const [name, value] of c.records) {
    const by = name.endsWith("spammer.example") ? "bulk.spammer.example" : "ws.corp.example";
    world.updateDns({ op: "add", name, type: "TXT", value, ttl: 3600 }, by);
  }
  if (c.path === "genuine") send(world, "admin@corp.example", "admin@corp.example", true);
  else
    send(
      world,
      c.path === "spoof" ? "ceo@corp.example" : "bounces@spammer.example",
      "ceo@corp.example",
      false,
    );
  const box = "victim@partner.example";
  const raw = [...world.mailbox(box), ...world.folder(box, "Junk")][0] ?? "";
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? "").split(/\r?\n(?![ \t])/);
  const ar = head.find((h) => /^authentication-results:/i.test(h)) ?? "";
  return {
    records: world
      .txtRecords()
      .filter((r) => !r.name.endsWith("partner.example"))
      .map((r) => `${r.name}.  TXT  "${r.value}"`),
    header: ar.split(/\r?\n/).map((l) => l.trim()),
  };
}

/** One case with its diagnosis and three others' as the choices, shuffled. */
export function dmarcQuestion(rng: Rng, id?: string): DmarcQuestion {
  const { chosen, choices } = caseWithChoices(rng, DMARC_CASES, id);
  return { case: chosen, ...runDmarcCase(chosen), choices };
}

/** Grades a pick: right only for the case's own diagnosis; unknown ids are simply wrong. */
export function gradeDmarc(q: DmarcQuestion, picked: string): boolean {
  return picked === q.case.id;
}
