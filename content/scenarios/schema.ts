import { z } from "zod";

/**
 * The scenario schema: a small internet of mail as data. The .describe() texts double as the
 * documentation of each field (see lib/smtp/README.md).
 */

const hostName = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.example$/, "use an RFC 2606 name ending in .example")
  .describe("A fully qualified host name under .example (RFC 2606).");

const ipv4 = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, "an IPv4 address")
  .describe(
    "An IPv4 address: RFC 5737 documentation ranges for the internet, RFC 1918 ranges for LANs.",
  );

const cidr = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "a CIDR block such as 10.0.0.0/24")
  .describe("An IPv4 network in CIDR notation.");

export const networkSchema = z.object({
  id: z.string().min(1).describe("Short id other fields refer to, e.g. 'home'."),
  name: z.string().min(1).describe("What the diagram labels the network with."),
  cidr: cidr,
  kind: z
    .enum(["isp", "lan", "internet", "dmz"])
    .describe("Residential ISP, corporate LAN, the public internet, or a server DMZ."),
});

export const serviceSchema = z.object({
  port: z.number().int().min(1).max(65535).describe("TCP port the Postfix smtpd listens on."),
  name: z
    .enum(["smtp", "submission", "submissions"])
    .describe("master.cf service name: smtp (25), submission (587), submissions (465)."),
  overrides: z
    .record(z.string(), z.string())
    .default({})
    .describe("master.cf -o overrides of main.cf parameters for this service."),
});

export const hostSchema = z.object({
  name: hostName,
  ip: ipv4,
  network: z.string().describe("The id of the network the host sits in."),
  role: z
    .enum(["client", "relay", "mx", "spammer", "server"])
    .describe("What the host is for; the diagram draws each role differently."),
  label: z.string().describe("A short caption for the diagram, e.g. 'ISP relay'."),
  shell: z.boolean().default(false).describe("Whether the learner can `ssh` to this host."),
  mta: z
    .object({
      postconf: z
        .record(z.string(), z.string())
        .describe("main.cf parameters that differ from Postfix defaults, by their Postfix names."),
      services: z.array(serviceSchema).describe("Listening SMTP services (master.cf)."),
      editable: z
        .boolean()
        .default(false)
        .describe("Whether `postconf -e` may change this host's main.cf in the lab."),
      authChecks: z
        .boolean()
        .default(false)
        .describe(
          "Run SPF, DKIM and DMARC on mail from untrusted clients (as OpenDKIM + OpenDMARC milters " +
            "do), add Authentication-Results and Received-SPF, quarantine to Junk or reject with 550.",
        ),
    })
    .optional()
    .describe("Present when the host runs Postfix."),
});

export const mxSchema = z.object({
  domain: z.string().describe("The mail domain, e.g. corp.example."),
  host: hostName.describe("The mail exchanger's host name."),
  preference: z.number().int().min(0).max(65535).describe("Lower is tried first (RFC 5321 5.1)."),
});

export const userSchema = z.object({
  host: hostName.describe("The server that authenticates this user."),
  username: z.string().min(1).describe("SASL login name."),
  password: z.string().min(1).describe("SASL password (a teaching scenario, not a secret)."),
});

export const mailboxSchema = z.object({
  address: z
    .string()
    .email()
    .describe("A local recipient; its domain is in the host's mydestination."),
  host: hostName.describe("The host whose local delivery agent stores this mailbox."),
});

export const txtSchema = z.object({
  name: z
    .string()
    .regex(/^([a-z0-9_-]+\.)+example$/i, "a DNS name under .example")
    .describe(
      "The owner name, e.g. corp.example, _dmarc.corp.example, mail._domainkey.corp.example.",
    ),
  value: z
    .string()
    .max(65_535)
    .describe("The record text with its character-strings joined, e.g. 'v=spf1 mx -all'."),
});

export const dkimKeySchema = z.object({
  host: hostName.describe("The relay that signs (OpenDKIM on that host)."),
  domain: z.string().describe("d=: the domain whose From: mail this key signs."),
  selector: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe("s=: the key's name under _domainkey."),
  seed: z
    .string()
    .min(1)
    .describe(
      "Any text; SHA-256 of it is the Ed25519 secret key, so scenarios stay readable data.",
    ),
  publish: z
    .boolean()
    .default(true)
    .describe("Also publish the public key at selector._domainkey.domain."),
});

export const forwardSchema = z.object({
  host: hostName.describe("The host whose local delivery forwards instead of storing."),
  address: z.string().email().describe("The local address that forwards (a .forward or an alias)."),
  to: z.array(z.string().email()).min(1).describe("Where it goes."),
  kind: z
    .enum(["forward", "list"])
    .describe(
      "forward: re-sent unchanged with the original envelope sender (no SRS). list: a mailing " +
        "list that sends from its own bounce address and tags the Subject.",
    ),
  subjectTag: z
    .string()
    .default("")
    .describe("For a list: the tag put in front of the Subject, e.g. '[team]'."),
});

const selector = z
  .string()
  .describe("A host name, a network id, a CIDR block, or '*' for anything.");

export const ruleSchema = z.object({
  from: selector.default("*"),
  to: selector.default("*"),
  ports: z.array(z.number().int()).default([]).describe("Destination ports; empty means all."),
  action: z
    .enum(["allow", "drop", "reject"])
    .describe("drop: the SYN vanishes (timeout); reject: an RST (connection refused)."),
  note: z.string().describe("Why the rule exists, shown by the diagram and the lab."),
});

export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("busy"),
    host: hostName,
    code: z.union([z.literal(421), z.literal(450)]).describe("421 at greeting, 450 at RCPT."),
    times: z
      .number()
      .int()
      .min(1)
      .describe("How many connections are affected before it recovers."),
  }),
  z.object({
    kind: z.literal("mailbox-full"),
    address: z.string().email().describe("The full mailbox: 552 5.2.2 after DATA."),
  }),
  z.object({
    kind: z.literal("link-drop"),
    from: selector,
    to: selector,
    times: z.number().int().min(1).describe("How many connection attempts time out."),
  }),
]);

export const demoStepSchema = z.object({
  caption: z.string().min(1).describe("What the instructor says at this step."),
  host: hostName.optional().describe("The host the command runs on (the learner's by default)."),
  input: z
    .array(z.string())
    .min(1)
    .describe(
      "Lines typed into the terminal: a shell command, then lines sent to an open session.",
    ),
});

export const expectationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("delivered"),
    mailbox: z.string().describe("The mailbox that must hold the message."),
    via: z.array(hostName).describe("The hosts named in its Received: chain, first hop first."),
  }),
  z.object({
    kind: z.literal("rejected"),
    code: z.number().int().describe("A reply code some server must have given during the demo."),
    recipient: z
      .string()
      .optional()
      .describe("When set, the rejecting reply must name this recipient."),
  }),
  z.object({
    kind: z.literal("deferred"),
    host: hostName.describe("The host whose queue holds the message."),
    recipient: z.string().describe("The recipient still waiting in that queue."),
  }),
  z.object({
    kind: z.literal("refused"),
    error: z.string().describe("The connection error the learner must have seen."),
  }),
  z.object({
    kind: z.literal("junk"),
    mailbox: z
      .string()
      .describe("The mailbox whose Junk folder must hold a message (DMARC quarantine)."),
  }),
  z.object({
    kind: z.literal("auth"),
    check: z.enum(["spf", "dkim", "dmarc"]).describe("Which check."),
    result: z.string().describe("The result some check during the demo must have had, e.g. fail."),
    domain: z
      .string()
      .optional()
      .describe("When set, the checked domain (SPF domain, DKIM d=, DMARC From domain)."),
  }),
]);

export const scenarioSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe("URL-safe id: /lab?scenario=ID."),
  title: z.string().min(1),
  summary: z.string().min(1).describe("One sentence for lists."),
  description: z.string().min(1).describe("A paragraph the lab shows beside the diagram."),
  startsAt: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    .describe("The virtual clock's starting instant (UTC)."),
  learner: z.object({
    host: hostName.describe("Where the learner's shell starts."),
    user: z.string().describe("The shell user name."),
    address: z.string().email().describe("The learner's own mail address."),
  }),
  networks: z.array(networkSchema).min(1),
  hosts: z.array(hostSchema).min(1),
  mx: z.array(mxSchema).default([]),
  users: z.array(userSchema).default([]),
  mailboxes: z.array(mailboxSchema).default([]),
  rules: z
    .array(ruleSchema)
    .default([])
    .describe("Firewall rules, first match wins; default allow."),
  faults: z.array(faultSchema).default([]),
  txt: z.array(txtSchema).default([]).describe("TXT records in DNS: SPF, DKIM keys, DMARC."),
  dkimKeys: z.array(dkimKeySchema).default([]).describe("DKIM signing keys installed on relays."),
  forwards: z.array(forwardSchema).default([]).describe("Addresses that forward or fan out."),
  demo: z.array(demoStepSchema).min(1).describe("Steps an instructor walks through."),
  expect: z.array(expectationSchema).default([]).describe("Where the demo must end up."),
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
