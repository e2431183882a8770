import { adminWorkstation } from "./open-relay";
import {
  corpMx,
  messageLines,
  MX,
  NET,
  partnerMx,
  RELAY_MAILBOXES,
  SMTP,
  SUBMISSION,
  spammerHost,
  START,
} from "./parts";
import type { ScenarioInput } from "./schema";

export const closedRelayScenario = {
  id: "closed-relay",
  title: "A closed relay: local, trusted or authenticated only",
  summary: "The same server, fixed: strangers may deliver to corp.example but not relay.",
  description:
    "This is corp.example's server configured properly. mynetworks holds only the loopback " +
    "and the office LAN, and smtpd_relay_restrictions ends with reject_unauth_destination. " +
    "A stranger on the internet can still deliver mail for corp.example itself, which is what " +
    "an MX is for, but any other destination gets 554 Relay access denied, including tricks " +
    "such as the percent hack. Clients on the LAN, and employees who log in on port 587, may " +
    "relay.",
  startsAt: START,
  learner: { host: "ws.corp.example", user: "admin", address: "admin@corp.example" },
  networks: [NET.corpLan, NET.corpDmz, NET.internet, NET.spam],
  hosts: [adminWorkstation(), corpMx({}, [SMTP, SUBMISSION], true), partnerMx(), spammerHost()],
  mx: [MX.corp, MX.partner],
  mailboxes: RELAY_MAILBOXES,
  demo: [
    {
      caption: "The spammer connects to corp.example's server again.",
      host: "bulk.spammer.example",
      input: [
        "telnet mx.corp.example 25",
        "EHLO bulk.spammer.example",
        "MAIL FROM:<deals@spammer.example>",
      ],
    },
    {
      caption: "A recipient elsewhere: 554 5.7.1 Relay access denied.",
      host: "bulk.spammer.example",
      input: ["RCPT TO:<victim@partner.example>"],
    },
    {
      caption: "The percent hack routes to partner.example too, so it is refused as well.",
      host: "bulk.spammer.example",
      input: ["RCPT TO:<victim%partner.example@corp.example>"],
    },
    {
      caption: "Mail for corp.example itself is accepted: that is the MX's job.",
      host: "bulk.spammer.example",
      input: [
        "RCPT TO:<bob@corp.example>",
        ...messageLines(
          "deals@spammer.example",
          "bob@corp.example",
          "Hello Bob",
          "Inbound is fine.",
        ),
        "QUIT",
      ],
    },
    {
      caption: "From the office LAN (inside mynetworks) relaying is allowed.",
      input: [
        "telnet mx.corp.example 25",
        "EHLO ws.corp.example",
        "MAIL FROM:<admin@corp.example>",
        "RCPT TO:<victim@partner.example>",
        ...messageLines("admin@corp.example", "victim@partner.example", "Sorry", "About the spam."),
        "QUIT",
      ],
    },
  ],
  expect: [
    { kind: "rejected", code: 554, recipient: "victim@partner.example" },
    { kind: "rejected", code: 554, recipient: "victim%partner.example@corp.example" },
    { kind: "delivered", mailbox: "bob@corp.example", via: ["mx.corp.example"] },
    {
      kind: "delivered",
      mailbox: "victim@partner.example",
      via: ["mx.corp.example", "mx.partner.example"],
    },
  ],
} satisfies ScenarioInput;
