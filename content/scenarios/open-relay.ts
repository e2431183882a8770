import {
  corpMx,
  messageLines,
  MX,
  NET,
  partnerMx,
  RELAY_MAILBOXES,
  SMTP,
  spammerHost,
  START,
} from "./parts";
import type { ScenarioInput } from "./schema";

/** The admin's workstation on the office LAN. */
export function adminWorkstation(): ScenarioInput["hosts"][number] {
  return {
    name: "ws.corp.example",
    ip: "10.0.0.10",
    network: "corp-lan",
    role: "client",
    label: "Admin workstation",
    shell: true,
  };
}

export const openRelayScenario = {
  id: "open-relay",
  title: "An open relay, and how a spammer uses it",
  summary: "A server that relays for anyone: a spammer sends through it, then you close it.",
  description:
    "corp.example's mail server was set up in a hurry: mynetworks = 0.0.0.0/0 tells Postfix " +
    "that every address on the internet is a trusted local client, so permit_mynetworks lets " +
    "anyone relay. A spammer connects from a rented server and sends to a stranger at " +
    "partner.example; the mail goes out from corp.example's server, borrowing its address and reputation. Then you " +
    "log in to the server, narrow mynetworks to the office LAN, and watch the same attempt " +
    "get 554 Relay access denied.",
  startsAt: START,
  learner: { host: "ws.corp.example", user: "admin", address: "admin@corp.example" },
  networks: [NET.corpLan, NET.corpDmz, NET.internet, NET.spam],
  hosts: [
    adminWorkstation(),
    corpMx({ mynetworks: "0.0.0.0/0" }, [SMTP], true),
    partnerMx(),
    spammerHost(),
  ],
  mx: [MX.corp, MX.partner],
  mailboxes: RELAY_MAILBOXES,
  demo: [
    {
      caption: "On the spammer's server: connect to corp.example's mail server on port 25.",
      host: "bulk.spammer.example",
      input: ["telnet mx.corp.example 25", "EHLO bulk.spammer.example"],
    },
    {
      caption: "A sender and a recipient that have nothing to do with corp.example: accepted!",
      host: "bulk.spammer.example",
      input: ["MAIL FROM:<deals@spammer.example>", "RCPT TO:<victim@partner.example>"],
    },
    {
      caption:
        "The spam is queued and relayed to partner.example from corp.example's server: it borrows corp's address and reputation.",
      host: "bulk.spammer.example",
      input: [
        ...messageLines("deals@spammer.example", "victim@partner.example", "You won", "Click."),
        "QUIT",
      ],
    },
    {
      caption: "On the mail server: postconf shows why. Every address is in mynetworks.",
      host: "mx.corp.example",
      input: ["postconf mynetworks smtpd_relay_restrictions"],
    },
    {
      caption: "Trust only the loopback and the office LAN.",
      host: "mx.corp.example",
      input: ["postconf -e 'mynetworks = 127.0.0.0/8, 10.0.0.0/24'"],
    },
    {
      caption: "The spammer tries again: 554 5.7.1 Relay access denied.",
      host: "bulk.spammer.example",
      input: [
        "telnet mx.corp.example 25",
        "EHLO bulk.spammer.example",
        "MAIL FROM:<deals@spammer.example>",
        "RCPT TO:<victim@partner.example>",
        "QUIT",
      ],
    },
  ],
  expect: [
    {
      kind: "delivered",
      mailbox: "victim@partner.example",
      via: ["mx.corp.example", "mx.partner.example"],
    },
    { kind: "rejected", code: 554, recipient: "victim@partner.example" },
  ],
} satisfies ScenarioInput;
