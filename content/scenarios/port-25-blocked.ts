import {
  ALICE,
  ALICE_AUTH_PLAIN,
  corpMx,
  homePc,
  ispRelay,
  messageLines,
  MX,
  NET,
  partnerMx,
  SMTP,
  START,
  SUBMISSION,
  SUBMISSIONS,
} from "./parts";
import type { ScenarioInput } from "./schema";

export const port25BlockedScenario = {
  id: "port-25-blocked",
  title: "Port 25 blocked by the ISP",
  summary: "Home ISPs drop outbound port 25; submission on 587 or 465 still gets through.",
  description:
    "To stop infected home PCs from spamming directly, many ISPs drop outbound connections " +
    "to port 25 from residential addresses, except to their own relay. Alice's attempt to " +
    "reach her company's server on 25 simply times out. Submission is not blocked: port 465 " +
    "(implicit TLS, RFC 8314) or 587 (STARTTLS) with a login works, and the company server " +
    "relays her mail onward from its own network, where port 25 is open.",
  startsAt: START,
  learner: { host: "pc.home.example", user: "alice", address: "alice@corp.example" },
  networks: [NET.home, NET.internet, NET.corpDmz],
  hosts: [
    homePc("Alice's PC at home"),
    ispRelay([SMTP]),
    corpMx({}, [SMTP, SUBMISSION, SUBMISSIONS]),
    partnerMx(),
  ],
  mx: [MX.isp, MX.corp, MX.partner],
  users: [ALICE],
  mailboxes: [
    { address: "alice@corp.example", host: "mx.corp.example" },
    { address: "carol@partner.example", host: "mx.partner.example" },
  ],
  rules: [
    {
      from: "home",
      to: "mail.isp.example",
      ports: [25],
      action: "allow",
      note: "Customers may use the ISP's own relay on port 25.",
    },
    {
      from: "home",
      to: "*",
      ports: [25],
      action: "drop",
      note: "The ISP drops outbound port 25 from residential addresses (spam control).",
    },
  ],
  demo: [
    {
      caption: "Straight to the company server on port 25: the ISP silently drops it.",
      input: ["telnet mx.corp.example 25"],
    },
    {
      caption: "Port 465 is not blocked. openssl does the TLS handshake first, then we see 220.",
      input: ["openssl s_client -connect mx.corp.example:465 -crlf -quiet"],
    },
    {
      caption: "EHLO, then log in: submission always needs AUTH.",
      input: ["EHLO pc.home.example", ALICE_AUTH_PLAIN],
    },
    {
      caption: "Now the company server relays for Alice.",
      input: ["MAIL FROM:<alice@corp.example>", "RCPT TO:<carol@partner.example>"],
    },
    {
      caption: "Send and quit; the company server delivers on port 25 from its own network.",
      input: [
        ...messageLines("alice@corp.example", "carol@partner.example", "Hello", "Via 465."),
        "QUIT",
      ],
    },
  ],
  expect: [
    { kind: "refused", error: "Connection timed out" },
    {
      kind: "delivered",
      mailbox: "carol@partner.example",
      via: ["mx.corp.example", "mx.partner.example"],
    },
  ],
} satisfies ScenarioInput;
