/**
 * Building blocks shared by the scenarios: the same home PC, ISP relay and corporate mail
 * server appear in several of them, configured with main.cf/master.cf settings by name.
 */
import type { ScenarioInput } from "./schema";

type HostInput = ScenarioInput["hosts"][number];
type NetworkInput = ScenarioInput["networks"][number];
type ServiceInput = NonNullable<HostInput["mta"]>["services"][number];

export const START = "2026-11-28T09:00:00Z";

export const NET = {
  home: { id: "home", name: "Home broadband (ISP customers)", cidr: "203.0.113.0/24", kind: "isp" },
  internet: { id: "internet", name: "The internet", cidr: "198.51.100.0/24", kind: "internet" },
  corpDmz: { id: "corp-dmz", name: "corp.example DMZ", cidr: "192.0.2.0/24", kind: "dmz" },
  corpLan: { id: "corp-lan", name: "corp.example office LAN", cidr: "10.0.0.0/24", kind: "lan" },
  spam: {
    id: "spam-net",
    name: "A rented server (spammer)",
    cidr: "198.51.100.64/26",
    kind: "internet",
  },
} as const satisfies Record<string, NetworkInput>;

/** Headers that make the lab's lessons visible: TLS and the SASL login in Received:. */
const TEACHING_HEADERS = {
  smtpd_helo_required: "yes",
  smtpd_tls_received_header: "yes",
  smtpd_sasl_authenticated_header: "yes",
};

/** The stock master.cf submission (587) and submissions (465) entries, uncommented. */
const MUA_OVERRIDES = {
  smtpd_sasl_auth_enable: "yes",
  smtpd_client_restrictions: "permit_sasl_authenticated, reject",
  smtpd_relay_restrictions: "permit_sasl_authenticated, reject",
};

export const SMTP: ServiceInput = { port: 25, name: "smtp", overrides: {} };
export const SUBMISSION: ServiceInput = {
  port: 587,
  name: "submission",
  overrides: { smtpd_tls_security_level: "encrypt", ...MUA_OVERRIDES },
};
export const SUBMISSIONS: ServiceInput = {
  port: 465,
  name: "submissions",
  overrides: { smtpd_tls_wrappermode: "yes", ...MUA_OVERRIDES },
};

export function homePc(label = "Your home PC"): HostInput {
  return {
    name: "pc.home.example",
    ip: "203.0.113.10",
    network: "home",
    role: "client",
    label,
    shell: true,
  };
}

/** partner.example's MX, out on the internet: where mail to other companies ends up. */
export function partnerMx(): HostInput {
  return mta(
    {
      name: "mx.partner.example",
      ip: "198.51.100.40",
      network: "internet",
      role: "mx",
      label: "partner.example mail server",
      shell: false,
    },
    { mynetworks: "127.0.0.0/8" },
    [SMTP],
  );
}

/** A spammer's rented box: no MTA, but a shell to telnet from. */
export function spammerHost(): HostInput {
  return {
    name: "bulk.spammer.example",
    ip: "198.51.100.66",
    network: "spam-net",
    role: "spammer",
    label: "Spammer",
    shell: true,
  };
}

/** An MTA host with the usual settings; `postconf` overrides main.cf. */
export function mta(
  host: Omit<HostInput, "mta">,
  postconf: Record<string, string>,
  services: ServiceInput[],
  editable = false,
): HostInput {
  return {
    ...host,
    mta: {
      postconf: {
        mydestination: "$myhostname, $mydomain, localhost",
        smtpd_relay_restrictions:
          "permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination",
        ...TEACHING_HEADERS,
        ...postconf,
      },
      services,
      editable,
    },
  };
}

/** The home ISP's relay: it relays for its own customers' addresses (mynetworks). */
export function ispRelay(services: ServiceInput[] = [SMTP, SUBMISSION, SUBMISSIONS]): HostInput {
  return mta(
    {
      name: "mail.isp.example",
      ip: "198.51.100.25",
      network: "internet",
      role: "relay",
      label: "ISP mail relay",
      shell: false,
    },
    { mynetworks: "127.0.0.0/8, 203.0.113.0/24" },
    services,
  );
}

/** corp.example's mail server: its MX, and for employees also the outgoing relay. */
export function corpMx(
  extra: Record<string, string> = {},
  services = [SMTP],
  editable = false,
): HostInput {
  return mta(
    {
      name: "mx.corp.example",
      ip: "192.0.2.25",
      network: "corp-dmz",
      role: "mx",
      label: "corp.example mail server",
      shell: true,
    },
    { mynetworks: "127.0.0.0/8, 10.0.0.0/24", ...extra },
    services,
    editable,
  );
}

export const MX = {
  isp: { domain: "isp.example", host: "mail.isp.example", preference: 10 },
  corp: { domain: "corp.example", host: "mx.corp.example", preference: 10 },
  partner: { domain: "partner.example", host: "mx.partner.example", preference: 10 },
  spammer: { domain: "spammer.example", host: "bulk.spammer.example", preference: 10 },
} as const;

/** A demo dialogue: the lines of one message typed into an open SMTP session. */
export function messageLines(from: string, to: string, subject: string, body: string): string[] {
  return ["DATA", `From: <${from}>`, `To: <${to}>`, `Subject: ${subject}`, "", body, "."];
}

export const ALICE = { host: "mx.corp.example", username: "alice", password: "s3cret-alice" };

/** AUTH PLAIN with alice's initial response: base64 of "\0alice\0s3cret-alice" (RFC 4616). */
export const ALICE_AUTH_PLAIN = "AUTH PLAIN AGFsaWNlAHMzY3JldC1hbGljZQ==";

/** The mailboxes of the relay scenarios: two corp.example users and a stranger elsewhere. */
export const RELAY_MAILBOXES = [
  { address: "admin@corp.example", host: "mx.corp.example" },
  { address: "bob@corp.example", host: "mx.corp.example" },
  { address: "victim@partner.example", host: "mx.partner.example" },
];

/** The same host with SPF, DKIM and DMARC checks on inbound mail (OpenDKIM + OpenDMARC milters). */
export function withAuthChecks(host: HostInput): HostInput {
  return host.mta ? { ...host, mta: { ...host.mta, authChecks: true } } : host;
}

/** corp.example's SPF: only its MX sends its mail. */
export const CORP_SPF = { name: "corp.example", value: "v=spf1 mx -all" };

/** partner.example's own records, so its mail and the lab's dig output look like a real domain. */
export const PARTNER_TXT = [
  { name: "partner.example", value: "v=spf1 mx -all" },
  { name: "_dmarc.partner.example", value: "v=DMARC1; p=none; rua=mailto:dmarc@partner.example" },
];

/** corp.example's DKIM key on its mail server, published at mail._domainkey.corp.example. */
export const CORP_DKIM = {
  host: "mx.corp.example",
  domain: "corp.example",
  selector: "mail",
  seed: "corp.example mail key 2026",
  publish: true,
};
