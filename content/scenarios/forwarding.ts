import { adminWorkstation } from "./open-relay";
import {
  CORP_DKIM,
  CORP_SPF,
  corpMx,
  messageLines,
  mta,
  MX,
  NET,
  PARTNER_TXT,
  partnerMx,
  SMTP,
  START,
  withAuthChecks,
} from "./parts";
import type { ScenarioInput } from "./schema";

export const forwardingScenario = {
  id: "forwarding",
  title: "Forwarding and mailing lists: what survives SPF, DKIM and DMARC",
  summary:
    "A forward breaks SPF but DKIM carries DMARC; a list that edits the Subject breaks both.",
  description:
    "Carol has an alumni address at uni.example that forwards to her work mailbox at " +
    "partner.example, and she reads the team@lists.example mailing list. corp.example signs its " +
    "mail with DKIM and publishes SPF and DMARC p=quarantine. A message forwarded by uni.example " +
    "arrives from uni.example's address, so SPF fails, but the DKIM signature is intact and " +
    "aligned, so DMARC passes. The list re-sends from its own address (SPF passes for " +
    "lists.example, which is not aligned with corp.example) and puts [team] in the Subject, " +
    "which corp.example signed: DKIM fails, DMARC fails, and the message lands in Junk.",
  startsAt: START,
  learner: { host: "ws.corp.example", user: "admin", address: "admin@corp.example" },
  networks: [NET.corpLan, NET.corpDmz, NET.internet],
  hosts: [
    adminWorkstation(),
    corpMx(),
    mta(
      {
        name: "mx.uni.example",
        ip: "198.51.100.50",
        network: "internet",
        role: "mx",
        label: "uni.example (forwards alumni mail)",
        shell: false,
      },
      { mynetworks: "127.0.0.0/8" },
      [SMTP],
    ),
    mta(
      {
        name: "mx.lists.example",
        ip: "198.51.100.60",
        network: "internet",
        role: "server",
        label: "Mailing list server",
        shell: false,
      },
      { mynetworks: "127.0.0.0/8" },
      [SMTP],
    ),
    withAuthChecks(partnerMx()),
  ],
  mx: [
    MX.corp,
    MX.partner,
    { domain: "uni.example", host: "mx.uni.example", preference: 10 },
    { domain: "lists.example", host: "mx.lists.example", preference: 10 },
  ],
  mailboxes: [
    { address: "admin@corp.example", host: "mx.corp.example" },
    { address: "carol@uni.example", host: "mx.uni.example" },
    { address: "team@lists.example", host: "mx.lists.example" },
    { address: "carol@partner.example", host: "mx.partner.example" },
  ],
  forwards: [
    {
      host: "mx.uni.example",
      address: "carol@uni.example",
      to: ["carol@partner.example"],
      kind: "forward",
    },
    {
      host: "mx.lists.example",
      address: "team@lists.example",
      to: ["carol@partner.example"],
      kind: "list",
      subjectTag: "[team]",
    },
  ],
  txt: [
    CORP_SPF,
    { name: "_dmarc.corp.example", value: "v=DMARC1; p=quarantine; rua=mailto:dmarc@corp.example" },
    { name: "uni.example", value: "v=spf1 mx -all" },
    { name: "lists.example", value: "v=spf1 mx -all" },
    ...PARTNER_TXT,
  ],
  dkimKeys: [CORP_DKIM],
  demo: [
    {
      caption: "corp.example signs its mail and publishes SPF and DMARC p=quarantine.",
      input: ["dig +short TXT corp.example", "dig +short TXT _dmarc.corp.example"],
    },
    {
      caption: "Connect to corp.example's server from the office LAN.",
      input: ["telnet mx.corp.example 25", "EHLO ws.corp.example"],
    },
    {
      caption: "Write to Carol's alumni address; corp.example's server signs the message.",
      input: [
        "MAIL FROM:<admin@corp.example>",
        "RCPT TO:<carol@uni.example>",
        ...messageLines("admin@corp.example", "carol@uni.example", "Reunion", "See you in May."),
        "QUIT",
      ],
    },
    {
      caption:
        "uni.example forwards it unchanged from its own address: SPF fails for corp.example, " +
        "but the DKIM signature is intact and aligned, so DMARC passes: Carol's inbox.",
      input: ["dig +short A mx.uni.example"],
    },
    {
      caption: "Now post to the team list; the list re-sends it with [team] in the Subject.",
      input: [
        "telnet mx.corp.example 25",
        "EHLO ws.corp.example",
        "MAIL FROM:<admin@corp.example>",
        "RCPT TO:<team@lists.example>",
        ...messageLines("admin@corp.example", "team@lists.example", "Agenda", "Items for Monday."),
        "QUIT",
      ],
    },
    {
      caption:
        "SPF passes, but for lists.example (not aligned); the edited Subject breaks corp.example's " +
        "signature; DMARC fails and p=quarantine files it in Carol's Junk folder.",
      input: ["dig +short TXT lists.example"],
    },
  ],
  expect: [
    { kind: "auth", check: "spf", result: "fail", domain: "corp.example" },
    { kind: "auth", check: "dkim", result: "pass", domain: "corp.example" },
    { kind: "auth", check: "dmarc", result: "pass", domain: "corp.example" },
    {
      kind: "delivered",
      mailbox: "carol@partner.example",
      via: ["mx.corp.example", "mx.uni.example", "mx.partner.example"],
    },
    { kind: "auth", check: "spf", result: "pass", domain: "lists.example" },
    { kind: "auth", check: "dkim", result: "fail", domain: "corp.example" },
    { kind: "auth", check: "dmarc", result: "fail", domain: "corp.example" },
    { kind: "junk", mailbox: "carol@partner.example" },
  ],
} satisfies ScenarioInput;
