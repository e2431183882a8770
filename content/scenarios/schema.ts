import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The scenario schema: a small internet of mail as data. The comment on each field is its
 * documentation (see lib/smtp/README.md).
 *
 * Built with zod/mini rather than classic zod: the schema is built when the lab's engine loads,
 * before the learner can type. Classic zod's chunks were 130 kB against mini's 79 kB, each classic
 * schema object carries dozens of methods, and `.describe()` texts would be registered at runtime
 * for nothing. Measured in issue 13's note (session 6). zod/mini loads no locale, hence `en`.
 */
z.config(en());

const nonEmpty = z.minLength(1);
const text = () => z.string().check(nonEmpty);
const port = () => z.int().check(z.gte(1), z.lte(65535));
const atLeastOne = () => z.int().check(z.gte(1));

/** A fully qualified host name under .example (RFC 2606). */
const hostName = z
  .string()
  .check(
    z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.example$/, "use an RFC 2606 name ending in .example"),
  );

/** An IPv4 address: RFC 5737 documentation ranges for the internet, RFC 1918 ranges for LANs. */
const ipv4 = z
  .string()
  .check(z.regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, "an IPv4 address"));

/** An IPv4 network in CIDR notation. */
const cidr = z
  .string()
  .check(z.regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "a CIDR block such as 10.0.0.0/24"));

/** Main.cf or master.cf parameters by their Postfix names. */
const params = () => z.record(z.string(), z.string());

export const networkSchema = z.object({
  /** Short id other fields refer to, e.g. 'home'. */
  id: text(),
  /** What the diagram labels the network with. */
  name: text(),
  cidr,
  /** Residential ISP, corporate LAN, the public internet, or a server DMZ. */
  kind: z.enum(["isp", "lan", "internet", "dmz"]),
});

export const serviceSchema = z.object({
  /** TCP port the Postfix smtpd listens on. */
  port: port(),
  /** master.cf service name: smtp (25), submission (587), submissions (465). */
  name: z.enum(["smtp", "submission", "submissions"]),
  /** master.cf -o overrides of main.cf parameters for this service. */
  overrides: z._default(params(), {}),
});

/** The fields of a host that are not its Postfix (a host added mid-run has only these). */
const hostFields = {
  name: hostName,
  ip: ipv4,
  /** The id of the network the host sits in. */
  network: z.string(),
  /** What the host is for; the diagram draws each role differently. */
  role: z.enum(["client", "relay", "mx", "spammer", "server"]),
  /** A short caption for the diagram, e.g. 'ISP relay'. */
  label: z.string(),
  /** Whether the learner can `ssh` to this host. */
  shell: z._default(z.boolean(), false),
};

export const hostSchema = z.object({
  ...hostFields,
  /** Present when the host runs Postfix. */
  mta: z.optional(
    z.object({
      /** main.cf parameters that differ from Postfix defaults, by their Postfix names. */
      postconf: params(),
      /** Listening SMTP services (master.cf). */
      services: z.array(serviceSchema),
      /** Whether `postconf -e` may change this host's main.cf in the lab. */
      editable: z._default(z.boolean(), false),
      /**
       * Run SPF, DKIM and DMARC on mail from untrusted clients (as OpenDKIM + OpenDMARC milters
       * do), add Authentication-Results and Received-SPF, quarantine to Junk or reject with 550.
       */
      authChecks: z._default(z.boolean(), false),
    }),
  ),
});

/** A host added while the world runs: a client only (no Postfix to set up mid-run). */
export const addedHostSchema = z.strictObject(hostFields);

export const mxSchema = z.object({
  /** The mail domain, e.g. corp.example. */
  domain: z.string(),
  /** The mail exchanger's host name. */
  host: hostName,
  /** Lower is tried first (RFC 5321 5.1). */
  preference: z.int().check(z.gte(0), z.lte(65535)),
});

export const userSchema = z.object({
  /** The server that authenticates this user. */
  host: hostName,
  /** SASL login name. */
  username: text(),
  /** SASL password (a teaching scenario, not a secret). */
  password: text(),
});

export const mailboxSchema = z.object({
  /** A local recipient; its domain is in the host's mydestination. */
  address: z.email(),
  /** The host whose local delivery agent stores this mailbox. */
  host: hostName,
});

export const txtSchema = z.object({
  /** The owner name, e.g. corp.example, _dmarc.corp.example, mail._domainkey.corp.example. */
  name: z.string().check(z.regex(/^([a-z0-9_-]+\.)+example$/i, "a DNS name under .example")),
  /** The record text with its character-strings joined, e.g. 'v=spf1 mx -all'. */
  value: z.string().check(z.maxLength(65_535)),
});

export const dkimKeySchema = z.object({
  /** The relay that signs (OpenDKIM on that host). */
  host: hostName,
  /** d=: the domain whose From: mail this key signs. */
  domain: z.string(),
  /** s=: the key's name under _domainkey. */
  selector: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  /** Any text; SHA-256 of it is the Ed25519 secret key, so scenarios stay readable data. */
  seed: text(),
  /** Also publish the public key at selector._domainkey.domain. */
  publish: z._default(z.boolean(), true),
});

export const forwardSchema = z.object({
  /** The host whose local delivery forwards instead of storing. */
  host: hostName,
  /** The local address that forwards (a .forward or an alias). */
  address: z.email(),
  /** Where it goes. */
  to: z.array(z.email()).check(nonEmpty),
  /**
   * forward: re-sent unchanged with the original envelope sender (no SRS). list: a mailing list
   * that sends from its own bounce address and tags the Subject.
   */
  kind: z.enum(["forward", "list"]),
  /** For a list: the tag put in front of the Subject, e.g. '[team]'. */
  subjectTag: z._default(z.string(), ""),
});

/** A host name, a network id, a CIDR block, or '*' for anything. */
const selector = z.string();

export const ruleSchema = z.object({
  from: z._default(selector, "*"),
  to: z._default(selector, "*"),
  /** Destination ports; empty means all. */
  ports: z._default(z.array(z.int()), []),
  /** drop: the SYN vanishes (timeout); reject: an RST (connection refused). */
  action: z.enum(["allow", "drop", "reject"]),
  /** Why the rule exists, shown by the diagram and the lab. */
  note: z.string(),
});

/** Firewall rules, first match wins; default allow. */
export const rulesSchema = z.array(ruleSchema);

export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("busy"),
    host: hostName,
    /** 421 at greeting, 450 at RCPT. */
    code: z.union([z.literal(421), z.literal(450)]),
    /** How many connections are affected before it recovers. */
    times: atLeastOne(),
  }),
  z.object({
    kind: z.literal("mailbox-full"),
    /** The full mailbox: 552 5.2.2 after DATA. */
    address: z.email(),
  }),
  z.object({
    kind: z.literal("link-drop"),
    from: selector,
    to: selector,
    /** How many connection attempts time out. */
    times: atLeastOne(),
  }),
]);

export const demoStepSchema = z.object({
  /** What the instructor says at this step. */
  caption: text(),
  /** The host the command runs on (the learner's by default). */
  host: z.optional(hostName),
  /** Lines typed into the terminal: a shell command, then lines sent to an open session. */
  input: z.array(z.string()).check(nonEmpty),
});

export const expectationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("delivered"),
    /** The mailbox that must hold the message. */
    mailbox: z.string(),
    /** The hosts named in its Received: chain, first hop first. */
    via: z.array(hostName),
  }),
  z.object({
    kind: z.literal("rejected"),
    /** A reply code some server must have given during the demo. */
    code: z.int(),
    /** When set, the rejecting reply must name this recipient. */
    recipient: z.optional(z.string()),
  }),
  z.object({
    kind: z.literal("deferred"),
    /** The host whose queue holds the message. */
    host: hostName,
    /** The recipient still waiting in that queue. */
    recipient: z.string(),
  }),
  z.object({
    kind: z.literal("refused"),
    /** The connection error the learner must have seen. */
    error: z.string(),
  }),
  z.object({
    kind: z.literal("junk"),
    /** The mailbox whose Junk folder must hold a message (DMARC quarantine). */
    mailbox: z.string(),
  }),
  z.object({
    kind: z.literal("auth"),
    /** Which check. */
    check: z.enum(["spf", "dkim", "dmarc"]),
    /** The result some check during the demo must have had, e.g. fail. */
    result: z.string(),
    /** When set, the checked domain (SPF domain, DKIM d=, DMARC From domain). */
    domain: z.optional(z.string()),
  }),
]);

export const scenarioSchema = z.object({
  /** URL-safe id: /lab?scenario=ID. */
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  title: text(),
  /** One sentence for lists. */
  summary: text(),
  /** A paragraph the lab shows beside the diagram. */
  description: text(),
  /** The virtual clock's starting instant (UTC). */
  startsAt: z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)),
  learner: z.object({
    /** Where the learner's shell starts. */
    host: hostName,
    /** The shell user name. */
    user: z.string(),
    /** The learner's own mail address. */
    address: z.email(),
  }),
  networks: z.array(networkSchema).check(nonEmpty),
  hosts: z.array(hostSchema).check(nonEmpty),
  mx: z._default(z.array(mxSchema), []),
  users: z._default(z.array(userSchema), []),
  mailboxes: z._default(z.array(mailboxSchema), []),
  rules: z._default(rulesSchema, []),
  faults: z._default(z.array(faultSchema), []),
  /** TXT records in DNS: SPF, DKIM keys, DMARC. */
  txt: z._default(z.array(txtSchema), []),
  /** DKIM signing keys installed on relays. */
  dkimKeys: z._default(z.array(dkimKeySchema), []),
  /** Addresses that forward or fan out. */
  forwards: z._default(z.array(forwardSchema), []),
  /** Steps an instructor walks through. */
  demo: z.array(demoStepSchema).check(nonEmpty),
  /** Where the demo must end up. */
  expect: z._default(z.array(expectationSchema), []),
});

export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type HostSpec = z.output<typeof hostSchema>;
export type NetworkSpec = z.output<typeof networkSchema>;
export type RuleSpec = z.output<typeof ruleSchema>;
export type FaultSpec = z.output<typeof faultSchema>;
export type DemoStep = z.output<typeof demoStepSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type TxtSpec = z.output<typeof txtSchema>;
export type DkimKeySpec = z.output<typeof dkimKeySchema>;
export type ForwardSpec = z.output<typeof forwardSchema>;
