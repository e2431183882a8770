import { adminWorkstation } from "./open-relay";
import { corpMx, messageLines, MX, NET, partnerMx, SMTP, START } from "./parts";
import type { ScenarioInput } from "./schema";

export const mailFirewallScenario = {
  id: "mail-firewall",
  title: "The mail server's firewall: 25 in and 25 out",
  summary:
    "Inbound 25 lets the server receive; outbound 25 lets it send. This one lacks the second.",
  description:
    "A mail server needs port 25 open in both directions: inbound so other servers can " +
    "deliver to it, outbound so it can relay its users' mail to other domains. corp.example's " +
    "firewall allows SMTP in but nobody opened SMTP out. Mail from partner.example arrives; " +
    "mail from the office to partner.example sits in the queue, deferred with a connection " +
    "timeout, and Postfix retries it with growing back-off until it expires and bounces.",
  startsAt: START,
  learner: { host: "ws.corp.example", user: "admin", address: "admin@corp.example" },
  networks: [NET.corpLan, NET.corpDmz, NET.internet],
  hosts: [adminWorkstation(), corpMx({}, [SMTP]), { ...partnerMx(), shell: true }],
  mx: [MX.corp, MX.partner],
  mailboxes: [
    { address: "admin@corp.example", host: "mx.corp.example" },
    { address: "bob@corp.example", host: "mx.corp.example" },
    { address: "carol@partner.example", host: "mx.partner.example" },
  ],
  rules: [
    {
      from: "*",
      to: "mx.corp.example",
      ports: [25],
      action: "allow",
      note: "Inbound SMTP to the mail server: needed to receive mail.",
    },
    {
      from: "mx.corp.example",
      to: "*",
      ports: [25],
      action: "drop",
      note: "Outbound SMTP from the mail server was never opened: it cannot send.",
    },
    {
      from: "*",
      to: "corp-lan",
      ports: [],
      action: "drop",
      note: "Nothing from outside reaches the office LAN.",
    },
  ],
  demo: [
    {
      caption: "From the office, hand a message for partner.example to our mail server.",
      input: [
        "telnet mx.corp.example 25",
        "EHLO ws.corp.example",
        "MAIL FROM:<admin@corp.example>",
        "RCPT TO:<carol@partner.example>",
      ],
    },
    {
      caption: "It is accepted and queued: the LAN is in mynetworks.",
      input: [
        ...messageLines("admin@corp.example", "carol@partner.example", "Hi Carol", "Ping."),
        "QUIT",
      ],
    },
    {
      caption: "mailq on the server: deferred, connection to partner.example's MX timed out.",
      host: "mx.corp.example",
      input: ["mailq"],
    },
    {
      caption: "Meanwhile partner.example can deliver to us: inbound 25 is open.",
      host: "mx.partner.example",
      input: [
        "telnet mx.corp.example 25",
        "EHLO mx.partner.example",
        "MAIL FROM:<carol@partner.example>",
        "RCPT TO:<bob@corp.example>",
        ...messageLines("carol@partner.example", "bob@corp.example", "Hi Bob", "Inbound works."),
        "QUIT",
      ],
    },
  ],
  expect: [
    { kind: "deferred", host: "mx.corp.example", recipient: "carol@partner.example" },
    { kind: "delivered", mailbox: "bob@corp.example", via: ["mx.corp.example"] },
  ],
} satisfies ScenarioInput;
