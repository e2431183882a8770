import { corpMx, homePc, ispRelay, messageLines, MX, NET, START } from "./parts";
import type { ScenarioInput } from "./schema";

export const ispRelayScenario = {
  id: "isp-relay",
  title: "Sending through your ISP's relay",
  summary: "A home PC with no mail server of its own hands a message to the ISP, which relays it.",
  description:
    "Your PC at home does not run a mail server. Its mail client hands outgoing mail to the " +
    "ISP's relay, mail.isp.example, which accepts it because your address is inside the ISP's " +
    "customer network (mynetworks). The relay then looks up the MX record of corp.example, " +
    "connects to that server on port 25 and passes the message on. Each server adds a " +
    "Received: header, so Bob can read the route back from his mailbox.",
  startsAt: START,
  learner: { host: "pc.home.example", user: "you", address: "you@isp.example" },
  networks: [NET.home, NET.internet, NET.corpDmz],
  hosts: [homePc(), ispRelay(), corpMx()],
  mx: [MX.isp, MX.corp],
  users: [{ host: "mail.isp.example", username: "you", password: "correct-horse" }],
  mailboxes: [
    { address: "you@isp.example", host: "mail.isp.example" },
    { address: "bob@corp.example", host: "mx.corp.example" },
  ],
  demo: [
    {
      caption: "Ask DNS which server takes mail for corp.example: its MX record.",
      input: ["dig MX corp.example"],
    },
    {
      caption: "We cannot deliver it ourselves, so we connect to the ISP's relay on port 25.",
      input: ["telnet mail.isp.example 25"],
    },
    {
      caption: "Introduce ourselves with EHLO: the relay lists what it supports.",
      input: ["EHLO pc.home.example"],
    },
    {
      caption: "The envelope: who it is from, who it is for. The relay accepts a remote recipient.",
      input: ["MAIL FROM:<you@isp.example>", "RCPT TO:<bob@corp.example>"],
    },
    {
      caption: "DATA sends the message itself; a lone dot ends it and the relay queues it.",
      input: messageLines("you@isp.example", "bob@corp.example", "Hello via the ISP", "Relayed."),
    },
    {
      caption: "Say goodbye. The relay now looks up corp.example's MX and delivers on port 25.",
      input: ["QUIT"],
    },
  ],
  expect: [
    {
      kind: "delivered",
      mailbox: "bob@corp.example",
      via: ["mail.isp.example", "mx.corp.example"],
    },
  ],
} satisfies ScenarioInput;
