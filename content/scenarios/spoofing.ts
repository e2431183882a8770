import { adminWorkstation } from "./open-relay";
import {
  corpMx,
  messageLines,
  MX,
  NET,
  PARTNER_TXT,
  partnerMx,
  spammerHost,
  START,
  withAuthChecks,
} from "./parts";
import type { ScenarioInput } from "./schema";

/**
 * The Ed25519 key the demo's `opendkim-genkey -s mail -d corp.example` makes on
 * mx.corp.example in a world with seed 1 (the key comes from the world's seeded generator, so
 * it is the same every time the demo is played; tests/unit/smtp/scenarios.test.ts checks it).
 */
export const SPOOFING_DEMO_KEY =
  "v=DKIM1; k=ed25519; p=4P/EVFncbBaJkKzg/+1iTnsEQxgg0pymeSIMSyhdrJI=";

const SPOOF = messageLines(
  "ceo@corp.example",
  "victim@partner.example",
  "Urgent wire transfer",
  "Please pay the attached invoice today. - The CEO",
);

export const spoofingScenario = {
  id: "spoofing",
  title: "Spoofing: someone else sends as ceo@corp.example",
  summary: "A spammer forges corp.example's From; you publish SPF, DKIM and DMARC to stop it.",
  description:
    "SMTP never checks who you are: anyone can type MAIL FROM:<ceo@corp.example> and put " +
    "From: ceo@corp.example in the header. A spammer does exactly that to partner.example, " +
    "whose mail server checks SPF, DKIM and DMARC but finds nothing published for corp.example, " +
    "so the forgery lands in the inbox looking genuine. You administer corp.example: publish " +
    "an SPF record (which servers send our mail), a DKIM key (our server signs what it sends), " +
    "and a DMARC policy (what to do with mail that fails both), with nsupdate against the DNS. " +
    "The same forgery is then rejected, and real corp.example mail still passes.",
  startsAt: START,
  learner: { host: "ws.corp.example", user: "admin", address: "admin@corp.example" },
  networks: [NET.corpLan, NET.corpDmz, NET.internet, NET.spam],
  hosts: [
    adminWorkstation(),
    corpMx({}, undefined, true),
    withAuthChecks(partnerMx()),
    spammerHost(),
  ],
  mx: [MX.corp, MX.partner],
  mailboxes: [
    { address: "admin@corp.example", host: "mx.corp.example" },
    { address: "ceo@corp.example", host: "mx.corp.example" },
    { address: "victim@partner.example", host: "mx.partner.example" },
  ],
  txt: PARTNER_TXT,
  demo: [
    {
      caption: "On the spammer's box: connect straight to partner.example's MX.",
      host: "bulk.spammer.example",
      input: ["telnet mx.partner.example 25", "EHLO bulk.spammer.example"],
    },
    {
      caption: "Claim to be corp.example's CEO, in the envelope and in the From: header.",
      host: "bulk.spammer.example",
      input: ["MAIL FROM:<ceo@corp.example>", "RCPT TO:<victim@partner.example>", ...SPOOF, "QUIT"],
    },
    {
      caption: "Back at corp.example: there is no SPF or DMARC record to check against.",
      input: ["dig +short TXT corp.example", "dig +short TXT _dmarc.corp.example"],
    },
    {
      caption:
        "Publish SPF with nsupdate: only corp.example's MX sends its mail (-all: nothing else).",
      input: [
        "nsupdate",
        "zone corp.example",
        'update add corp.example 3600 TXT "v=spf1 mx -all"',
        "send",
        "quit",
      ],
    },
    {
      caption: "Make a DKIM key on the mail server; it prints the TXT record to publish.",
      host: "mx.corp.example",
      input: ["opendkim-genkey -s mail -d corp.example"],
    },
    {
      caption: "Publish the key at mail._domainkey.corp.example and the DMARC policy at _dmarc.",
      host: "mx.corp.example",
      input: [
        "nsupdate",
        `update add mail._domainkey.corp.example 3600 TXT "${SPOOFING_DEMO_KEY}"`,
        'update add _dmarc.corp.example 3600 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@corp.example"',
        "send",
        "quit",
        "opendkim-testkey -d corp.example -s mail -vvv",
      ],
    },
    {
      caption:
        "The spammer tries again: SPF fails, there is no corp.example signature, DMARC says reject.",
      host: "bulk.spammer.example",
      input: [
        "telnet mx.partner.example 25",
        "EHLO bulk.spammer.example",
        "MAIL FROM:<ceo@corp.example>",
        "RCPT TO:<victim@partner.example>",
        ...SPOOF,
        "QUIT",
      ],
    },
    {
      caption:
        "Real corp.example mail goes out through mx.corp.example, which signs it: it passes.",
      input: [
        "telnet mx.corp.example 25",
        "EHLO ws.corp.example",
        "MAIL FROM:<admin@corp.example>",
        "RCPT TO:<victim@partner.example>",
        ...messageLines(
          "admin@corp.example",
          "victim@partner.example",
          "Meeting on Friday",
          "See you at ten.",
        ),
        "QUIT",
      ],
    },
  ],
  expect: [
    { kind: "auth", check: "dmarc", result: "none", domain: "corp.example" },
    { kind: "rejected", code: 550 },
    { kind: "auth", check: "spf", result: "fail", domain: "corp.example" },
    { kind: "auth", check: "dkim", result: "pass", domain: "corp.example" },
    { kind: "auth", check: "dmarc", result: "pass", domain: "corp.example" },
    {
      kind: "delivered",
      mailbox: "victim@partner.example",
      via: ["mx.corp.example", "mx.partner.example"],
    },
  ],
} satisfies ScenarioInput;
