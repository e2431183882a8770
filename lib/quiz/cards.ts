import { MAILAUTH_FACTS, type MailAuthFact } from "@/content/mailauth";
import { PORTS, REPLY_CODES, type PortEntry, type PortFact, type ReplyCode } from "@/content/ports";

/**
 * A card is one fact the learner is scheduled on and measured by: one port of one protocol
 * (`port:smtp:25`) or one SMTP reply code (`reply:554`). Every question is asked about a card.
 */
export type CardRef =
  | { id: string; type: "port"; entry: PortEntry; port: PortFact }
  | { id: string; type: "reply"; reply: ReplyCode }
  | { id: string; type: "mailauth"; fact: MailAuthFact };

export function portCardId(entryId: string, port: number): string {
  return `port:${entryId}:${port}`;
}

export function replyCardId(code: string): string {
  return `reply:${code}`;
}

export function mailauthCardId(id: string): string {
  return `mailauth:${id}`;
}

function buildCards(): CardRef[] {
  const cards: CardRef[] = [];
  for (const entry of PORTS) {
    for (const port of entry.ports) {
      cards.push({ id: portCardId(entry.id, port.number), type: "port", entry, port });
    }
  }
  for (const reply of REPLY_CODES)
    cards.push({ id: replyCardId(reply.code), type: "reply", reply });
  for (const fact of MAILAUTH_FACTS)
    cards.push({ id: mailauthCardId(fact.id), type: "mailauth", fact });
  return cards;
}

/** All cards, core Security+ ports first, in table order; this is the order new cards are introduced. */
export const CARDS: readonly CardRef[] = (() => {
  const all = buildCards();
  const rank = (c: CardRef) =>
    c.type === "port" ? (c.entry.core ? 0 : 1) : c.type === "reply" ? 2 : 3;
  return all
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map((x) => x.c);
})();

const BY_ID = new Map(CARDS.map((c) => [c.id, c]));

export function getCard(id: string): CardRef | undefined {
  return BY_ID.get(id);
}

export function entryById(id: string): PortEntry | undefined {
  return PORTS.find((e) => e.id === id);
}

/** The cards of one protocol (for "drill this port" links). */
export function cardsForEntry(entryId: string): CardRef[] {
  return CARDS.filter((c) => c.type === "port" && c.entry.id === entryId);
}

/** A short human name for a card: "SMTP 25/tcp" or "SMTP reply 554". */
export function cardName(card: CardRef): string {
  if (card.type === "reply") return `SMTP reply ${card.reply.code}`;
  if (card.type === "mailauth") return `Email authentication: ${card.fact.id}`;
  return `${card.entry.protocol} ${card.port.number}/${card.port.transports.join("+")}`;
}
