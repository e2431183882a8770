/**
 * The lesson front matter: what every `content/lessons/NN-slug.mdx` declares above its prose.
 * The `.describe()` texts are the documentation of each field (see lib/lessons/README.md).
 *
 * Pure: no React, no DOM, no Node. The loader (lib/lessons/content.ts) reads files and calls
 * `parseLessonSource`, which turns a bad lesson into a message naming the file and the field.
 */
import { z } from "zod";
import { parse as parseYaml } from "yaml";

const hostname = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, {
    message: "must be a lower-case host name such as mail.isp.example",
  });
/** A DNS owner name: a host name whose labels may start with "_" (_dmarc, _domainkey). */
const dnsName = z
  .string()
  .regex(/^_?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\._?[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, {
    message: "must be a lower-case DNS name such as corp.example or _dmarc.corp.example",
  });
const address = z.string().regex(/^[^\s@<>]+@[a-z0-9.-]+$/, {
  message: "must be a mail address such as bob@corp.example",
});
const port = z.number().int().min(1).max(65535);

/** What a "Try it" task checks, read from the world's event log and state, never from typed text. */
export const taskCheckSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("delivered"),
      to: address.describe("The recipient whose mailbox must hold a message."),
      via: hostname
        .optional()
        .describe(
          "A host that must appear in the message's Received: chain (a relay it went through).",
        ),
      from: address.optional().describe("The envelope sender (MAIL FROM) the message must carry."),
    })
    .describe("A message reached a mailbox, optionally through a given relay."),
  z
    .object({
      kind: z.literal("reply"),
      code: z.number().int().min(200).max(599).describe("The three-digit SMTP reply code."),
      host: hostname.optional().describe("The server that must have sent the reply."),
      enhanced: z
        .string()
        .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, {
          message: "must be an enhanced status code like 5.7.1",
        })
        .optional()
        .describe("The RFC 3463 enhanced status code the reply must carry."),
      from: hostname.optional().describe("The client host whose session got the reply."),
    })
    .describe("Some SMTP session received this reply."),
  z
    .object({
      kind: z.literal("dnsLookup"),
      type: z.enum(["MX", "A", "TXT"]).describe("The record type looked up."),
      name: dnsName.describe(
        "The name looked up (a domain for MX, a host for A, a domain or _dmarc/_domainkey name for TXT).",
      ),
    })
    .describe(
      "The learner looked this name up (from their own host or one they ssh to); a relay's own lookups do not count.",
    ),
  z
    .object({
      kind: z.literal("connected"),
      host: hostname.describe("The server connected to."),
      port: port.describe("The TCP port."),
      from: hostname.optional().describe("The client host that opened the connection."),
    })
    .describe("A TCP connection to this host and port was accepted."),
  z
    .object({
      kind: z.literal("refused"),
      host: hostname.optional().describe("The server the connection was aimed at."),
      port: port.describe("The TCP port."),
    })
    .describe("A connection to this port was refused, timed out or filtered."),
  z
    .object({
      kind: z.literal("tls"),
      host: hostname.optional().describe("The server of the encrypted session."),
      port: port.optional().describe("The port: 25 or 587 with STARTTLS, 465 with implicit TLS."),
    })
    .describe("A session was encrypted with TLS."),
  z
    .object({
      kind: z.literal("authenticated"),
      host: hostname.optional().describe("The server that accepted the login."),
      port: port.optional().describe("The port the login happened on (587 for submission)."),
      user: z.string().min(1).optional().describe("The user name that logged in."),
    })
    .describe("An SMTP AUTH login succeeded."),
  z
    .object({
      kind: z.literal("relayDenied"),
      host: hostname.describe("The relay that refused."),
      from: hostname.optional().describe("The client host that was refused."),
    })
    .describe("A relay refused to pass mail on: 554 5.7.1 Relay access denied."),
  z
    .object({
      kind: z.literal("relayClosed"),
      host: hostname.describe("The relay whose configuration is checked."),
    })
    .describe(
      "The relay's current configuration no longer lets strangers relay (its own check of its policy).",
    ),
  z
    .object({
      kind: z.literal("postconf"),
      host: hostname.describe("The Postfix host."),
      param: z
        .string()
        .regex(/^[a-z_0-9]+$/)
        .describe("A Postfix parameter name, e.g. mynetworks."),
      includes: z.string().optional().describe("Text the current value must contain."),
      excludes: z.string().optional().describe("Text the current value must not contain."),
    })
    .describe("A Postfix parameter's current value."),
  z
    .object({
      kind: z.literal("bounced"),
      to: address.optional().describe("The original recipient whose mail bounced."),
    })
    .describe("A message bounced and a delivery status notification was sent back."),
  z
    .object({
      kind: z.literal("auth"),
      check: z.enum(["spf", "dkim", "dmarc"]).describe("Which check the receiving MX ran."),
      result: z
        .enum(["pass", "fail", "softfail", "neutral", "none", "policy", "permerror", "temperror"])
        .describe("The result it reached (as in Authentication-Results)."),
      domain: hostname
        .optional()
        .describe(
          "The domain checked: MAIL FROM's for SPF, d= for DKIM, the header From's for DMARC.",
        ),
      host: hostname.optional().describe("The receiving MX that ran the check."),
      disposition: z
        .enum(["none", "quarantine", "reject"])
        .optional()
        .describe("For DMARC: what the MX did with the message (deliver, Junk, 550)."),
    })
    .describe("A receiving MX checked SPF, DKIM or DMARC on a message and reached this result."),
  z
    .object({
      kind: z.literal("dnsRecord"),
      name: dnsName.describe(
        "The DNS name: the domain for SPF, _dmarc.DOMAIN, SELECTOR._domainkey.DOMAIN.",
      ),
      type: z.literal("TXT").describe("The record type (TXT: the lab edits only TXT records)."),
      contains: z.string().min(1).describe("Text one record at that name must contain."),
    })
    .describe("The world's DNS has a record like this now (published with nsupdate)."),
  z
    .object({
      kind: z.literal("dkimKey"),
      domain: hostname.describe("The domain the key signs for (d=)."),
      selector: z
        .string()
        .regex(/^[a-z0-9-]{1,63}$/, { message: "must be a selector such as mail or s2026" })
        .describe("The selector (s=): the key is published at SELECTOR._domainkey.DOMAIN."),
      host: hostname.optional().describe("The relay that holds the private key."),
    })
    .describe("A relay holds a DKIM signing key for this domain and selector (opendkim-genkey)."),
  z
    .object({
      kind: z.literal("junk"),
      to: address.describe("The recipient whose Junk folder must hold a message."),
    })
    .describe("A receiving MX quarantined a message (DMARC p=quarantine) into this Junk folder."),
]);

export type TaskCheck = z.infer<typeof taskCheckSchema>;
export type TaskCheckKind = TaskCheck["kind"];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: "must be lower-case words joined by hyphens",
});

export const taskSchema = z.object({
  id: id.describe("Stable id, saved in the learner's progress; never rename a shipped one."),
  title: z.string().min(3).describe("What to do, in one imperative sentence."),
  hint: z.string().min(3).describe("A nudge shown on request, without giving the answer away."),
  check: taskCheckSchema.describe("How the lab proves the task is done."),
});
export type Task = z.infer<typeof taskSchema>;

export const choiceSchema = z
  .object({
    text: z.string().min(1).describe("The answer as shown."),
    why: z
      .string()
      .min(3)
      .optional()
      .describe("For a wrong answer: why it is wrong, shown as soon as it is picked."),
  })
  .strict();
export type Choice = z.infer<typeof choiceSchema>;

export const questionSchema = z
  .object({
    id: id.describe("Stable id of the question."),
    prompt: z.string().min(3).describe("The question."),
    choices: z
      .array(choiceSchema)
      .min(2)
      .max(6)
      .describe("The answers to choose from (shuffled for each attempt)."),
    answer: z.number().int().min(0).describe("Index (from 0) of the right choice."),
    explain: z.string().min(3).describe("Why that answer is right; shown after answering."),
  })
  .refine((q) => q.answer < q.choices.length, {
    message: "answer must be the index of one of the choices",
    path: ["answer"],
  })
  .superRefine((q, ctx) => {
    q.choices.forEach((c, i) => {
      if (i !== q.answer && !c.why)
        ctx.addIssue({
          code: "custom",
          path: ["choices", i, "why"],
          message: "a wrong choice needs a why: the reason it is wrong",
        });
    });
  });
export type Question = z.infer<typeof questionSchema>;

export const lessonFrontMatterSchema = z
  .object({
    title: z.string().min(3).max(80).describe("The lesson's title, shown as its heading."),
    slug: id.describe(
      "The URL segment: /lessons/<slug>. Must match the file name after the number.",
    ),
    order: z
      .number()
      .int()
      .min(1)
      .describe("Position in the course; must match the file's number."),
    summary: z.string().min(10).max(240).describe("One or two sentences for the course path."),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(90)
      .describe("Estimated minutes to read and do the tasks."),
    objective: z
      .string()
      .regex(/^\d\.\d+ \/ .+/, { message: 'must look like "3.2 / secure protocols"' })
      .describe('The Security+ (SY0-701) objective served, as "number / short name".'),
    objectives: z
      .array(z.string().min(3))
      .min(1)
      .describe("What the learner can do after the lesson, one sentence each."),
    scenario: id
      .optional()
      .describe("The content/scenarios id the lab loads; omit for a lesson without a lab."),
    moreLabs: z
      .array(id)
      .default([])
      .describe(
        "Other scenarios worth opening in the sandbox (/lab?scenario=ID) after the lesson.",
      ),
    tasks: z.array(taskSchema).default([]).describe('The "Try it" tasks, checked live in the lab.'),
    solution: z
      .array(z.string())
      .default([])
      .describe(
        'Shell lines that complete every task, typed in order into the terminal by "show me" and run by the tests.',
      ),
    questions: z
      .array(questionSchema)
      .default([])
      .describe("Checkpoint questions (for a lesson without a lab)."),
  })
  .strict()
  .superRefine((fm, ctx) => {
    if (fm.scenario) {
      if (fm.tasks.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["tasks"],
          message: "a lesson with a lab needs tasks",
        });
      if (fm.solution.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["solution"],
          message: "a lesson with tasks needs a solution that completes them",
        });
    } else {
      if (fm.tasks.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["tasks"],
          message: "tasks need a scenario to run in",
        });
      if (fm.questions.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["questions"],
          message: "a lesson without a lab needs checkpoint questions",
        });
    }
    const seen = new Set<string>();
    fm.tasks.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.addIssue({
          code: "custom",
          path: ["tasks", i, "id"],
          message: `duplicate task id "${t.id}"`,
        });
      seen.add(t.id);
    });
  });

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/** A lesson as the site uses it: validated front matter plus the MDX body and where it came from. */
export interface Lesson extends LessonFrontMatter {
  /** The file name, e.g. "01-what-is-a-relay.mdx". */
  file: string;
  /** The MDX below the front matter. */
  body: string;
}

/** Summary of a lesson for lists and navigation (no body). */
export type LessonSummary = Pick<
  Lesson,
  "slug" | "title" | "order" | "summary" | "minutes" | "objective" | "scenario"
> & { taskIds: string[] };

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; error: string };

export interface ParseOptions {
  /** Scenario ids that exist; when given, `scenario` and `moreLabs` must be among them. */
  scenarios?: ReadonlySet<string>;
}

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) =>
      typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg),
    "",
  );
}

/**
 * Splits, parses and validates one lesson file. Never throws: a bad lesson comes back as an error
 * message naming the file and every offending field, e.g.
 * `content/lessons/01-x.mdx: tasks[0].check.kind: Invalid input: expected "delivered" | ...`.
 */
export function parseLessonSource(
  file: string,
  source: string,
  opts: ParseOptions = {},
): ParseResult {
  const where = `content/lessons/${file}`;
  const fail = (lines: string[]): ParseResult => ({
    ok: false,
    error: `${where}: invalid lesson\n${lines.map((l) => `  - ${l}`).join("\n")}`,
  });
  const name = FILE_NAME.exec(file);
  if (!name) return fail(["file name: must look like 01-some-slug.mdx"]);
  const split = FRONT_MATTER.exec(source);
  if (!split) return fail(["front matter: the file must start with a --- fenced YAML block"]);
  let data: unknown;
  try {
    data = parseYaml(split[1] ?? "");
  } catch (e) {
    return fail([
      `front matter: not valid YAML (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    ]);
  }
  const parsed = lessonFrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((i) => `${formatPath(i.path) || "front matter"}: ${i.message}`),
    );
  }
  const fm = parsed.data;
  const problems: string[] = [];
  if (Number(name[1]) !== fm.order)
    problems.push(`order: is ${fm.order} but the file name says ${Number(name[1])}`);
  if (name[2] !== fm.slug)
    problems.push(`slug: is "${fm.slug}" but the file name says "${name[2]}"`);
  if (opts.scenarios) {
    for (const [field, sid] of [
      ["scenario", fm.scenario],
      ...fm.moreLabs.map((m, i) => [`moreLabs[${i}]`, m] as const),
    ] as const) {
      if (sid !== undefined && !opts.scenarios.has(sid))
        problems.push(
          `${field}: no scenario "${sid}" in content/scenarios (known: ${[...opts.scenarios].join(", ")})`,
        );
    }
  }
  if (problems.length) return fail(problems);
  return { ok: true, lesson: { ...fm, file, body: split[2] ?? "" } };
}

/** Checks a whole course: unique slugs and orders, numbered 1..n without gaps. */
export function checkCourse(lessons: readonly Lesson[]): string[] {
  const problems: string[] = [];
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  sorted.forEach((l, i) => {
    if (l.order !== i + 1)
      problems.push(
        `content/lessons/${l.file}: order ${l.order} leaves a gap or repeats (expected ${i + 1})`,
      );
  });
  const slugs = new Set<string>();
  for (const l of sorted) {
    if (slugs.has(l.slug))
      problems.push(`content/lessons/${l.file}: slug "${l.slug}" is used twice`);
    slugs.add(l.slug);
  }
  return problems;
}

export { CHECKPOINT_TASK, progressTaskIds } from "./ids";
