import { z } from "zod";

/**
 * Schemas for the port facts. The data files are plain typed objects so the browser never
 * ships zod; tests and server-rendered routes parse them with these schemas.
 */

export const TransportSchema = z.enum(["tcp", "udp"]).describe("Layer-4 transport");
export type Transport = z.infer<typeof TransportSchema>;

export const TopicSchema = z
  .enum([
    "mail",
    "web",
    "remote",
    "files",
    "name-services",
    "directory",
    "management",
    "voice",
    "vpn",
    "data",
  ])
  .describe("Exam report group");
export type Topic = z.infer<typeof TopicSchema>;

// Kept apart from the schema so pages can show topic names without loading zod.
export { TOPIC_LABELS } from "./topics";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");

export const LinkSchema = z
  .object({
    href: z.string().startsWith("/").describe("A route inside Relay Lab"),
    label: z.string().min(3),
  })
  .describe("Where to learn more");
export type Link = z.infer<typeof LinkSchema>;

export const PortSchema = z
  .object({
    number: z.number().int().min(1).max(65535),
    transports: z
      .array(TransportSchema)
      .min(1)
      .describe("What the protocol uses in practice, as an exam expects it"),
    label: z.string().min(3).describe('What this port is, e.g. "FTP control" or "DHCP server"'),
    iana: z
      .string()
      .min(2)
      .describe("The service name (or an alias) the IANA registry gives this port"),
  })
  .strict();
export type PortFact = z.infer<typeof PortSchema>;

export const ExceptionSchema = z
  .object({
    number: z.number().int(),
    transport: TransportSchema,
    reason: z.string().min(20).describe("Why practice differs from /etc/services here"),
  })
  .strict()
  .describe("A port/transport that /etc/services does not list under the iana name, and why");
export type RegistryException = z.infer<typeof ExceptionSchema>;

export const PortEntrySchema = z
  .object({
    id: slug,
    protocol: z.string().min(2).describe("Short name a candidate knows, e.g. LDAPS"),
    name: z.string().min(3).describe("Full name"),
    ports: z.array(PortSchema).min(1),
    topic: TopicSchema,
    purpose: z.string().min(20).describe("What it is for, one or two sentences"),
    secure: z.array(slug).optional().describe("ids of the secure counterpart(s)"),
    runsOver: slug.optional().describe("id of the protocol this one is carried inside"),
    askTransport: z
      .boolean()
      .optional()
      .describe("false when 'TCP or UDP?' has no single fair answer for this protocol"),
    confusions: z.array(z.string().min(10)).describe("Common mix-ups, each one sentence"),
    exceptions: z.array(ExceptionSchema).optional(),
    core: z.boolean().describe("On the Security+ list every candidate must know"),
    learn: LinkSchema.optional(),
  })
  .strict();
export type PortEntry = z.infer<typeof PortEntrySchema>;

export const PortTableSchema = z
  .array(PortEntrySchema)
  .min(30)
  .superRefine((entries, ctx) => {
    const ids = new Set(entries.map((e) => e.id));
    if (ids.size !== entries.length) ctx.addIssue({ code: "custom", message: "duplicate id" });
    for (const e of entries) {
      for (const ref of [...(e.secure ?? []), ...(e.runsOver ? [e.runsOver] : [])]) {
        if (!ids.has(ref)) ctx.addIssue({ code: "custom", message: `${e.id}: unknown id ${ref}` });
      }
    }
  });

export const ScenarioQuestionSchema = z
  .object({
    id: slug,
    prompt: z.string().min(20),
    answer: z
      .object({ entry: slug, port: z.number().int() })
      .describe("The correct port, by entry id and number"),
    distractors: z
      .array(z.object({ entry: slug, port: z.number().int() }))
      .min(3)
      .describe("Wrong but tempting ports"),
    explanation: z.string().min(20),
    learn: LinkSchema.optional(),
  })
  .strict();
export type ScenarioQuestion = z.infer<typeof ScenarioQuestionSchema>;

export const ReplyCodeSchema = z
  .object({
    code: z.string().regex(/^[2-5][0-9][0-9]$/),
    enhanced: z
      .string()
      .regex(/^[245]\.[0-9]{1,3}\.[0-9]{1,3}$/)
      .optional(),
    text: z.string().min(2).describe("Reply text as a Postfix-like server sends it"),
    meaning: z.string().min(10).describe("What it means, in plain words"),
    when: z.string().min(10).describe("A situation in which a server sends it"),
    learn: LinkSchema.optional(),
  })
  .strict();
export type ReplyCode = z.infer<typeof ReplyCodeSchema>;

export const FirewallRuleSchema = z
  .object({
    direction: z.enum(["inbound", "outbound"]),
    port: z.number().int(),
    transport: TransportSchema,
  })
  .strict();
export type FirewallRule = z.infer<typeof FirewallRuleSchema>;

export const FirewallPbqSchema = z
  .object({
    id: slug,
    title: z.string(),
    brief: z.array(z.string().min(10)).min(1),
    candidates: z
      .array(z.object({ port: z.number().int(), transport: TransportSchema, service: z.string() }))
      .min(4)
      .describe("The rows offered, each with an inbound and an outbound switch"),
    rules: z
      .array(
        FirewallRuleSchema.extend({
          verdict: z.enum(["required", "allowed", "forbidden"]),
          why: z.string().min(10),
        }),
      )
      .describe("Every (direction, row) pair the learner can set, with the grading verdict"),
    learn: LinkSchema.optional(),
  })
  .strict();
export type FirewallPbq = z.infer<typeof FirewallPbqSchema>;
