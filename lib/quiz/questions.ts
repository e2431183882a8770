import {
  PORTS,
  PORT_SCENARIOS,
  REPLY_CODES,
  type Link,
  type PortEntry,
  type PortFact,
  type ReplyCode,
  type ScenarioQuestion,
  type Topic,
  type Transport,
} from "@/content/ports";
import { checkTypedPort } from "./answer";
import { CARDS, entryById, getCard, portCardId, replyCardId, type CardRef } from "./cards";
import { pick, shuffle, type Rng } from "./rng";

export type QuestionKind =
  | "port-to-protocol"
  | "protocol-to-port"
  | "transport"
  | "secure"
  | "scenario"
  | "reply-meaning"
  | "reply-code"
  | "mailauth";

export const KIND_LABELS: Record<QuestionKind, string> = {
  "port-to-protocol": "Port to protocol",
  "protocol-to-port": "Protocol to port",
  transport: "TCP or UDP",
  secure: "Secure counterpart",
  scenario: "Scenario",
  "reply-meaning": "SMTP reply meaning",
  "reply-code": "SMTP reply code",
  mailauth: "Email authentication",
};

/** Exam report groups: the port topics plus SMTP replies. */
export type ExamTopic = Topic | "replies" | "mailauth";

export interface Choice {
  id: string;
  label: string;
}

interface QuestionBase {
  /** Stable for a card and kind; the same seed gives the same question. */
  id: string;
  kind: QuestionKind;
  cardId: string;
  topic: ExamTopic;
  prompt: string;
  /** Shown in monospace above the prompt (a port or a reply line), if any. */
  code?: string;
  explanation: string;
  learn?: Link;
}

export type Question =
  | (QuestionBase & { format: "choice"; choices: Choice[]; answer: string })
  | (QuestionBase & { format: "typed"; answer: { port: number; transports: Transport[] } });

const TRANSPORT_WORDS = (t: readonly Transport[]) => t.map((x) => x.toUpperCase()).join(" and ");

function portPhrase(p: PortFact): string {
  return `${TRANSPORT_WORDS(p.transports)} ${p.number}`;
}

function explainPort(entry: PortEntry, port: PortFact): string {
  const who = port.label === entry.protocol ? entry.protocol : `${port.label} (${entry.protocol})`;
  const head = `${who} uses ${portPhrase(port)}; IANA's registry calls it "${port.iana}".`;
  const tip = entry.confusions[0];
  return tip ? `${head} ${tip}` : `${head} ${entry.purpose}`;
}

/** Entries that may stand as answers to "which protocol is on port N" (not carried inside another). */
const STANDALONE = PORTS.filter((e) => !e.runsOver);

function sharesPort(a: PortEntry, b: PortEntry): boolean {
  return a.ports.some((p) => b.ports.some((q) => q.number === p.number));
}

/** Three distractors, same topic first (they are the tempting ones), never the answer. */
function distractorEntries(rng: Rng, answer: PortEntry, pool: readonly PortEntry[]): PortEntry[] {
  const candidates = pool.filter((e) => e.id !== answer.id && !sharesPort(e, answer));
  const near = shuffle(
    rng,
    candidates.filter((e) => e.topic === answer.topic),
  );
  const far = shuffle(
    rng,
    candidates.filter((e) => e.topic !== answer.topic),
  );
  const out: PortEntry[] = [];
  for (const e of [...near.slice(0, 2), ...far, ...near.slice(2)]) {
    if (out.length === 3) break;
    if (!out.some((o) => o.protocol === e.protocol)) out.push(e);
  }
  return out;
}

function choiceQuestion(
  rng: Rng,
  base: QuestionBase,
  correct: Choice,
  wrong: readonly Choice[],
): Question {
  return {
    ...base,
    format: "choice",
    choices: shuffle(rng, [correct, ...wrong]),
    answer: correct.id,
  };
}

function portToProtocol(rng: Rng, card: Extract<CardRef, { type: "port" }>): Question {
  const { entry, port } = card;
  const wrong = distractorEntries(rng, entry, STANDALONE);
  return choiceQuestion(
    rng,
    {
      id: `port-to-protocol:${card.id}`,
      kind: "port-to-protocol",
      cardId: card.id,
      topic: entry.topic,
      code: `${port.number}/${port.transports.join("+")}`,
      prompt: `Which protocol listens on ${portPhrase(port)} by default?`,
      explanation: explainPort(entry, port),
      learn: entry.learn,
    },
    { id: entry.id, label: entry.protocol },
    wrong.map((e) => ({ id: e.id, label: e.protocol })),
  );
}

function protocolToPort(card: Extract<CardRef, { type: "port" }>): Question {
  const { entry, port } = card;
  const what = port.label === entry.protocol ? entry.protocol : `${port.label} (${entry.protocol})`;
  return {
    id: `protocol-to-port:${card.id}`,
    kind: "protocol-to-port",
    cardId: card.id,
    topic: entry.topic,
    format: "typed",
    prompt: `Which port does ${what} use?`,
    answer: { port: port.number, transports: [...port.transports] },
    explanation: explainPort(entry, port),
    learn: entry.learn,
  };
}

const TRANSPORT_CHOICES: Choice[] = [
  { id: "tcp", label: "TCP" },
  { id: "udp", label: "UDP" },
  { id: "both", label: "Both TCP and UDP" },
];

function transportQuestion(card: Extract<CardRef, { type: "port" }>): Question {
  const { entry, port } = card;
  const answer = port.transports.length > 1 ? "both" : (port.transports[0] as Transport);
  return {
    id: `transport:${card.id}`,
    kind: "transport",
    cardId: card.id,
    topic: entry.topic,
    format: "choice",
    code: `${port.number}`,
    prompt: `${port.label} on port ${port.number}: TCP, UDP, or both?`,
    choices: TRANSPORT_CHOICES, // fixed order: the learner's fingers learn 1 TCP, 2 UDP, 3 both
    answer,
    explanation: explainPort(entry, port),
    learn: entry.learn,
  };
}

function portsLabel(e: PortEntry): string {
  return `${e.protocol} (${e.ports.map((p) => p.number).join("/")})`;
}

function secureQuestion(rng: Rng, card: Extract<CardRef, { type: "port" }>): Question {
  const { entry } = card;
  const secureIds = entry.secure ?? [];
  const answer = entryById(pick(rng, secureIds)) as PortEntry;
  const secureEntries = secureIds.map((id) => entryById(id)).filter((e) => e !== undefined);
  // A wrong choice must really be wrong: nothing that shares a port with a right answer (SSH on
  // 22 carries SFTP, so SSH cannot be a wrong answer to "secure replacement for FTP").
  const securePool = PORTS.filter(
    (e) =>
      !secureIds.includes(e.id) &&
      e.id !== entry.id &&
      PORTS.some((x) => x.secure?.includes(e.id)) &&
      !secureEntries.some((r) => sharesPort(e, r as PortEntry)),
  );
  const wrong = shuffle(rng, securePool).slice(0, 3);
  const also = secureIds.filter((id) => id !== answer.id).map((id) => entryById(id)?.protocol);
  return choiceQuestion(
    rng,
    {
      id: `secure:${card.id}`,
      kind: "secure",
      cardId: card.id,
      topic: entry.topic,
      prompt: `Which is a secure replacement for ${portsLabel(entry)}?`,
      explanation:
        `${answer.protocol} on ${answer.ports.map((p) => p.number).join("/")}: ${answer.purpose}${
          also.length ? ` ${also.join(", ")} is another.` : ""
        } ${answer.confusions[0] ?? ""}`.trim(),
      learn: answer.learn ?? entry.learn,
    },
    { id: answer.id, label: portsLabel(answer) },
    wrong.map((e) => ({ id: e.id, label: portsLabel(e) })),
  );
}

function scenarioChoice(ref: { entry: string; port: number }): Choice {
  const e = entryById(ref.entry);
  return { id: `${ref.entry}:${ref.port}`, label: `${ref.port} (${e?.protocol ?? ref.entry})` };
}

function scenarioQuestion(rng: Rng, s: ScenarioQuestion): Question {
  const entry = entryById(s.answer.entry) as PortEntry;
  return choiceQuestion(
    rng,
    {
      id: `scenario:${s.id}`,
      kind: "scenario",
      cardId: portCardId(s.answer.entry, s.answer.port),
      topic: entry.topic,
      prompt: s.prompt,
      explanation: s.explanation,
      learn: s.learn ?? entry.learn,
    },
    scenarioChoice(s.answer),
    s.distractors.map(scenarioChoice),
  );
}

function replyLine(r: ReplyCode): string {
  return [r.code, r.enhanced, r.text].filter(Boolean).join(" ");
}

function otherReplies(rng: Rng, r: ReplyCode): ReplyCode[] {
  const sameClass = REPLY_CODES.filter((x) => x.code !== r.code && x.code[0] === r.code[0]);
  const rest = REPLY_CODES.filter((x) => x.code !== r.code && x.code[0] !== r.code[0]);
  return [...shuffle(rng, sameClass).slice(0, 2), ...shuffle(rng, rest)].slice(0, 3);
}

function replyExplanation(r: ReplyCode): string {
  const cls: Record<string, string> = {
    "2": "2xx means success",
    "3": "3xx means 'go on, send more'",
    "4": "4xx is a temporary failure: the sender keeps the mail and retries",
    "5": "5xx is a permanent failure: the sender gives up and bounces",
  };
  return `${r.code}: ${r.meaning} ${cls[r.code[0] ?? ""] ?? ""}.`;
}

/** "What does 554 5.7.1 ... mean?" or, from a situation, "which code?". */
function replyQuestion(rng: Rng, r: ReplyCode, kind: "reply-meaning" | "reply-code"): Question {
  const meaning = kind === "reply-meaning";
  const label = (x: ReplyCode) => (meaning ? x.meaning : x.code);
  return choiceQuestion(
    rng,
    {
      id: `${kind}:${replyCardId(r.code)}`,
      kind,
      cardId: replyCardId(r.code),
      topic: "replies",
      ...(meaning ? { code: replyLine(r) } : {}),
      prompt: meaning
        ? "What does this SMTP reply mean?"
        : `${r.when} Which reply code does the server send?`,
      explanation: meaning ? replyExplanation(r) : `${replyLine(r)}. ${replyExplanation(r)}`,
      learn: r.learn,
    },
    { id: r.code, label: label(r) },
    otherReplies(rng, r).map((x) => ({ id: x.code, label: label(x) })),
  );
}

/** An email-authentication fact as a choice question (the wrong answers come with the fact). */
function mailauthQuestion(rng: Rng, card: Extract<CardRef, { type: "mailauth" }>): Question {
  const f = card.fact;
  return choiceQuestion(
    rng,
    {
      id: `mailauth:${card.id}`,
      kind: "mailauth",
      cardId: card.id,
      topic: "mailauth",
      ...(f.code ? { code: f.code } : {}),
      prompt: f.prompt,
      explanation: f.explanation,
      learn: MAILAUTH_LEARN,
    },
    { id: "a", label: f.answer },
    f.wrong.map((label, i) => ({ id: `w${i}`, label })),
  );
}

const MAILAUTH_LEARN: Link = { label: "Lesson: DMARC", href: "/lessons/dmarc" };

/** The kinds of question a card can be asked as. */
export function kindsFor(card: CardRef): QuestionKind[] {
  if (card.type === "reply") return ["reply-meaning", "reply-code"];
  if (card.type === "mailauth") return ["mailauth"];
  const kinds: QuestionKind[] = ["protocol-to-port"];
  if (!card.entry.runsOver) kinds.push("port-to-protocol");
  if (card.entry.askTransport !== false) kinds.push("transport");
  if (card.entry.secure?.length && card.entry.ports[0]?.number === card.port.number)
    kinds.push("secure");
  if (scenariosFor(card.id).length > 0) kinds.push("scenario");
  return kinds;
}

function scenariosFor(cardId: string): ScenarioQuestion[] {
  return PORT_SCENARIOS.filter((s) => portCardId(s.answer.entry, s.answer.port) === cardId);
}

/** A question about `cardId`, of `kind` if given and possible, else of a kind chosen by `rng`. */
export function questionFor(cardId: string, rng: Rng, kind?: QuestionKind): Question {
  const card = getCard(cardId);
  if (!card) throw new Error(`unknown card ${cardId}`);
  const kinds = kindsFor(card);
  const k = kind && kinds.includes(kind) ? kind : pick(rng, kinds);
  if (card.type === "reply") {
    return replyQuestion(rng, card.reply, k === "reply-code" ? "reply-code" : "reply-meaning");
  }
  if (card.type === "mailauth") return mailauthQuestion(rng, card);
  switch (k) {
    case "port-to-protocol":
      return portToProtocol(rng, card);
    case "transport":
      return transportQuestion(card);
    case "secure":
      return secureQuestion(rng, card);
    case "scenario":
      return scenarioQuestion(rng, pick(rng, scenariosFor(card.id)));
    default:
      return protocolToPort(card);
  }
}

/** Every question the bank can ask, one per (card, kind) and one per scenario. */
export function allQuestions(rng: Rng): Question[] {
  const out: Question[] = [];
  for (const card of CARDS) {
    for (const kind of kindsFor(card)) {
      if (kind === "scenario") continue;
      out.push(questionFor(card.id, rng, kind));
    }
  }
  for (const s of PORT_SCENARIOS) out.push(scenarioQuestion(rng, s));
  return out;
}

export type Response = { choice: string } | { typed: string };

export type Verdict =
  | { status: "invalid"; message: string }
  | { status: "answered"; correct: boolean; note: string; correctLabel: string };

export function correctLabel(q: Question): string {
  if (q.format === "typed")
    return `${q.answer.port}/${q.answer.transports.join("+").toUpperCase()}`;
  return q.choices.find((c) => c.id === q.answer)?.label ?? q.answer;
}

/** Checks a response; malformed typed input is "invalid" (ask again), never an exception. */
export function checkAnswer(q: Question, response: Response): Verdict {
  const label = correctLabel(q);
  if (q.format === "typed") {
    if (!("typed" in response)) return { status: "invalid", message: "Type a port number." };
    const v = checkTypedPort(response.typed, q.answer);
    if ("invalid" in v) return { status: "invalid", message: v.invalid };
    return { status: "answered", correct: v.correct, note: v.note, correctLabel: label };
  }
  if (!("choice" in response) || !q.choices.some((c) => c.id === response.choice)) {
    return { status: "invalid", message: "Pick one of the choices." };
  }
  const correct = response.choice === q.answer;
  return {
    status: "answered",
    correct,
    note: correct ? `Correct: ${label}.` : `Not quite: the answer is ${label}.`,
    correctLabel: label,
  };
}
