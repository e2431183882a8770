import {
  ALICE,
  ALICE_AUTH_PLAIN,
  corpMx,
  homePc,
  messageLines,
  MX,
  NET,
  partnerMx,
  START,
} from "./parts";
import { SMTP, SUBMISSION, SUBMISSIONS } from "./parts";
import type { ScenarioInput } from "./schema";

export const telecommuterScenario = {
  id: "telecommuter",
  title: "Telecommuter: submit on port 587 with AUTH",
  summary: "Working from home, Alice sends through her company's server after logging in.",
  description:
    "Alice works for corp.example but today she is at home, on an ISP address the company's " +
    "server does not trust. She submits her mail on port 587 (submission, RFC 6409): the " +
    "server insists on STARTTLS first, then on AUTH, and only then relays her message to " +
    "partner.example. Because it went through the company relay, the headers show it came " +
    "from corp.example, and the Received: line records that Alice authenticated (ESMTPSA).",
  startsAt: START,
  learner: { host: "pc.home.example", user: "alice", address: "alice@corp.example" },
  networks: [NET.home, NET.internet, NET.corpDmz],
  hosts: [
    homePc("Alice's laptop at home"),
    corpMx({}, [SMTP, SUBMISSION, SUBMISSIONS]),
    partnerMx(),
  ],
  mx: [MX.corp, MX.partner],
  users: [ALICE],
  mailboxes: [
    { address: "alice@corp.example", host: "mx.corp.example" },
    { address: "carol@partner.example", host: "mx.partner.example" },
  ],
  demo: [
    {
      caption: "Connect to the submission port, 587, in plain text.",
      input: ["telnet mx.corp.example 587"],
    },
    {
      caption: "EHLO shows STARTTLS but no AUTH, and MAIL is refused until we encrypt: 530.",
      input: ["EHLO pc.home.example", "MAIL FROM:<alice@corp.example>", "QUIT"],
    },
    {
      caption: "openssl connects again, sends EHLO and STARTTLS for us, and shakes hands.",
      input: ["openssl s_client -connect mx.corp.example:587 -starttls smtp -crlf -quiet"],
    },
    {
      caption: "TLS reset the session: EHLO again. Now AUTH PLAIN LOGIN is offered.",
      input: ["EHLO pc.home.example"],
    },
    {
      caption: "Log in with AUTH PLAIN: base64 of NUL alice NUL password. 235 means we are in.",
      input: [ALICE_AUTH_PLAIN],
    },
    {
      caption: "As an authenticated user Alice may relay to another domain.",
      input: ["MAIL FROM:<alice@corp.example>", "RCPT TO:<carol@partner.example>"],
    },
    {
      caption: "Send the message; the company server queues it.",
      input: messageLines(
        "alice@corp.example",
        "carol@partner.example",
        "Quarterly figures",
        "Sent from home.",
      ),
    },
    {
      caption: "QUIT. mx.corp.example delivers to partner.example's MX on port 25.",
      input: ["QUIT"],
    },
  ],
  expect: [
    { kind: "rejected", code: 530 },
    {
      kind: "delivered",
      mailbox: "carol@partner.example",
      via: ["mx.corp.example", "mx.partner.example"],
    },
  ],
} satisfies ScenarioInput;
