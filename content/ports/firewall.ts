import type { FirewallPbq } from "./schema";

/**
 * The firewall performance-based question. Any (direction, row) pair not listed in `rules`
 * is forbidden: opening it earns a penalty with the row's generic explanation.
 */
export const MAIL_FIREWALL_PBQ: FirewallPbq = {
  id: "mail-relay-firewall",
  title: "Open the mail server's firewall, and nothing more",
  brief: [
    "mx.corp.example is the company's MX and its outbound relay. It sits behind a host firewall that denies everything not allowed below.",
    "It must receive mail for corp.example from other domains, relay staff mail out to other domains' MX hosts, and accept mail from staff laptops anywhere on the internet, but only after they authenticate.",
    "It resolves MX records itself through the ISP's DNS resolver. Mailboxes are read on a different server, and administrators use the console, so no remote login is needed.",
  ],
  candidates: [
    { port: 25, transport: "tcp", service: "SMTP" },
    { port: 587, transport: "tcp", service: "Submission" },
    { port: 465, transport: "tcp", service: "Submissions (implicit TLS)" },
    { port: 53, transport: "udp", service: "DNS" },
    { port: 53, transport: "tcp", service: "DNS" },
    { port: 110, transport: "tcp", service: "POP3" },
    { port: 143, transport: "tcp", service: "IMAP" },
    { port: 80, transport: "tcp", service: "HTTP" },
    { port: 23, transport: "tcp", service: "Telnet" },
    { port: 3389, transport: "tcp", service: "RDP" },
  ],
  rules: [
    {
      direction: "inbound",
      port: 25,
      transport: "tcp",
      verdict: "required",
      why: "Other domains' servers deliver mail for corp.example to its MX on 25.",
    },
    {
      direction: "outbound",
      port: 25,
      transport: "tcp",
      verdict: "required",
      why: "To relay staff mail, the server connects to each remote domain's MX on 25.",
    },
    {
      direction: "inbound",
      port: 587,
      transport: "tcp",
      verdict: "required",
      why: "Staff laptops submit on 587 with STARTTLS and AUTH (RFC 6409); ISPs often block 25 for them anyway.",
    },
    {
      direction: "inbound",
      port: 465,
      transport: "tcp",
      verdict: "allowed",
      why: "Submission over implicit TLS (RFC 8314) is also authenticated submission; open it if clients use it.",
    },
    {
      direction: "outbound",
      port: 53,
      transport: "udp",
      verdict: "required",
      why: "Before relaying, the server looks up the remote domain's MX records over DNS.",
    },
    {
      direction: "outbound",
      port: 53,
      transport: "tcp",
      verdict: "required",
      why: "DNS must also work over TCP (RFC 7766): answers too large for UDP come back truncated and are asked again over TCP, and MX lookups for large domains need it.",
    },
    {
      direction: "outbound",
      port: 587,
      transport: "tcp",
      verdict: "forbidden",
      why: "Servers relay to each other on 25. Submission is for clients handing mail to their own server.",
    },
    {
      direction: "outbound",
      port: 465,
      transport: "tcp",
      verdict: "forbidden",
      why: "465 is client submission; MX hosts do not accept server-to-server relay there.",
    },
    {
      direction: "inbound",
      port: 53,
      transport: "udp",
      verdict: "forbidden",
      why: "The server asks DNS questions; it does not answer them. Inbound 53 would expose a resolver.",
    },
    {
      direction: "inbound",
      port: 110,
      transport: "tcp",
      verdict: "forbidden",
      why: "Mailboxes are read on a different server, and POP3 would send passwords in clear text.",
    },
    {
      direction: "inbound",
      port: 143,
      transport: "tcp",
      verdict: "forbidden",
      why: "Mailboxes are read on a different server; this host has no IMAP to offer.",
    },
  ],
  learn: { href: "/lab?scenario=mail-firewall", label: "Try these rules in the lab" },
};
