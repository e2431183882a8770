import { PORTS, type PortEntry } from "@/content/ports";
import { CARDS } from "./cards";

/**
 * Decks: named subsets of the cards to drill. Built from the port data (topics, secure
 * counterparts, port numbers), so ports added to the table join the right decks by themselves.
 */
export const DECK_IDS = ["all", "secure", "mail", "windows", "remote", "custom"] as const;
export type DeckId = (typeof DECK_IDS)[number];

export const DECKS: Record<DeckId, { label: string; description: string }> = {
  all: { label: "Every card", description: "All ports and SMTP replies, new cards paced daily." },
  secure: {
    label: "Secure protocols only",
    description: "The encrypted versions: SSH, HTTPS, LDAPS, IMAPS, SMTPS and the rest.",
  },
  mail: {
    label: "Mail",
    description: "SMTP, submission, IMAP, POP3, their TLS forms, replies, and SPF, DKIM and DMARC.",
  },
  windows: {
    label: "Windows and directory",
    description: "Kerberos, LDAP, SMB, NetBIOS, RPC, RDP, SQL Server and friends.",
  },
  remote: {
    label: "Remote access",
    description: "SSH, Telnet, RDP and the VPN protocols.",
  },
  custom: { label: "Hand-picked", description: "The protocols you choose." },
};

export function isDeckId(v: unknown): v is DeckId {
  return typeof v === "string" && (DECK_IDS as readonly string[]).includes(v);
}

/** Entries that are some protocol's secure counterpart, or carried inside SSH. */
function isSecure(e: PortEntry): boolean {
  return PORTS.some((o) => o.secure?.includes(e.id)) || e.runsOver === "ssh";
}

/** Ports a Windows domain uses: Kerberos, RPC, NetBIOS, LDAP(S), SMB, global catalog, SQL, RDP. */
const WINDOWS_PORTS = new Set([88, 135, 137, 138, 139, 389, 445, 464, 636, 1433, 3268, 3269, 3389]);

const ENTRY_TEST: Record<Exclude<DeckId, "all" | "custom">, (e: PortEntry) => boolean> = {
  secure: isSecure,
  mail: (e) => e.topic === "mail",
  // RADIUS and TACACS+ sit in "directory" but are network AAA, not Windows.
  windows: (e) =>
    (e.topic === "directory" && e.id !== "radius" && e.id !== "tacacs") ||
    e.ports.some((p) => WINDOWS_PORTS.has(p.number)),
  remote: (e) => e.topic === "remote" || e.topic === "vpn",
};

/**
 * The card ids of a deck, in introduction order; undefined for "all" (no restriction).
 * `custom` takes the chosen protocol ids.
 */
export function deckCards(deck: DeckId, custom: readonly string[] = []): string[] | undefined {
  if (deck === "all") return undefined;
  return CARDS.filter((c) => {
    if (c.type === "reply" || c.type === "mailauth") return deck === "mail";
    if (deck === "custom") return custom.includes(c.entry.id);
    return ENTRY_TEST[deck](c.entry);
  }).map((c) => c.id);
}

/** The cards of some protocols (the ports page's "drill these"). */
export function cardsForEntries(entryIds: readonly string[]): string[] {
  return CARDS.filter((c) => c.type === "port" && entryIds.includes(c.entry.id)).map((c) => c.id);
}
