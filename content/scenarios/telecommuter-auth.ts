import {
  ALICE,
  ALICE_AUTH_PLAIN,
  CORP_DKIM,
  CORP_SPF,
  corpMx,
  homePc,
  ispRelay,
  messageLines,
  MX,
  NET,
  PARTNER_TXT,
  partnerMx,
  SMTP,
  START,
  SUBMISSION,
  SUBMISSIONS,
  withAuthChecks,
} from "./parts";
import type { ScenarioInput } from "./schema";

const MESSAGE = messageLines(
  "alice@corp.example",
  "carol@partner.example",
  "Quarterly figures",
  "Sent from home.",
);

export const telecommuterAuthScenario = {
  id: "telecommuter-auth",
  title: "Telecommuter and DMARC: which relay may send as corp.example?",
  summary:
    "As alice@corp.example through the ISP's relay: rejected. Through corp's own server: passes.",
  description:
    "corp.example publishes SPF (only its MX sends its mail), a DKIM key, and DMARC p=reject; " +
    "partner.example's mail server checks all three. Alice, at home, first sends through her " +
    "ISP's relay, which happily relays for its customers: but the ISP's address is not in " +
    "corp.example's SPF record and the ISP cannot sign for corp.example, so DMARC fails and " +
    "partner.example answers 550. Then she submits on port 587 to corp.example's own server " +
    "with STARTTLS and AUTH: the message leaves from corp.example's address, signed with its " +
    "key, and SPF, DKIM and DMARC all pass.",
  startsAt: START,
  learner: { host: "pc.home.example", user: "alice", address: "alice@corp.example" },
  networks: [NET.home, NET.internet, NET.corpDmz],
  hosts: [
    homePc("Alice's laptop at home"),
    ispRelay([SMTP, SUBMISSION]),
    corpMx({}, [SMTP, SUBMISSION, SUBMISSIONS]),
    withAuthChecks(partnerMx()),
  ],
  mx: [MX.isp, MX.corp, MX.partner],
  users: [ALICE],
  mailboxes: [
    { address: "alice@corp.example", host: "mx.corp.example" },
    { address: "carol@partner.example", host: "mx.partner.example" },
  ],
  txt: [
    CORP_SPF,
    { name: "_dmarc.corp.example", value: "v=DMARC1; p=reject; rua=mailto:dmarc@corp.example" },
    { name: "isp.example", value: "v=spf1 mx ip4:198.51.100.25 -all" },
    ...PARTNER_TXT,
  ],
  dkimKeys: [CORP_DKIM],
  demo: [
    {
      caption: "corp.example's records: SPF says only its MX sends; DMARC says reject what fails.",
      input: ["dig +short TXT corp.example", "dig +short TXT _dmarc.corp.example"],
    },
    {
      caption: "Alice connects to her ISP's relay, which trusts its customers' home addresses.",
      input: ["telnet mail.isp.example 25", "EHLO pc.home.example"],
    },
    {
      caption:
        "She sends as alice@corp.example: the ISP accepts and queues it for partner.example.",
      input: [
        "MAIL FROM:<alice@corp.example>",
        "RCPT TO:<carol@partner.example>",
        ...MESSAGE,
        "QUIT",
      ],
    },
    {
      caption:
        "partner.example sees the ISP's address, which corp.example's SPF does not list, and no " +
        "corp.example signature: DMARC fails, it answers 550 5.7.1, and the ISP bounces to Alice.",
      input: ["dig +short A mail.isp.example", "dig +short MX corp.example"],
    },
    {
      caption: "Now through corp.example's own server: submission on 587, STARTTLS, then AUTH.",
      input: [
        "openssl s_client -connect mx.corp.example:587 -starttls smtp -crlf -quiet",
        "EHLO pc.home.example",
        ALICE_AUTH_PLAIN,
      ],
    },
    {
      caption:
        "The same message: corp.example's server signs it and sends it from its own address.",
      input: [
        "MAIL FROM:<alice@corp.example>",
        "RCPT TO:<carol@partner.example>",
        ...MESSAGE,
        "QUIT",
      ],
    },
  ],
  expect: [
    { kind: "auth", check: "spf", result: "fail", domain: "corp.example" },
    { kind: "auth", check: "dkim", result: "none" },
    { kind: "auth", check: "dmarc", result: "fail", domain: "corp.example" },
    { kind: "rejected", code: 550 },
    { kind: "auth", check: "spf", result: "pass", domain: "corp.example" },
    { kind: "auth", check: "dkim", result: "pass", domain: "corp.example" },
    { kind: "auth", check: "dmarc", result: "pass", domain: "corp.example" },
    {
      kind: "delivered",
      mailbox: "carol@partner.example",
      via: ["mx.corp.example", "mx.partner.example"],
    },
  ],
} satisfies ScenarioInput;
