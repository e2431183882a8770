/**
 * Text the Postfix tools print, for the shell to show: mailq (postqueue -p) listings.
 */
import { mailqDate } from "./clock";
import type { QueueEntry } from "./types";

const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padLeft = (s: string, n: number): string =>
  s.length >= n ? s : " ".repeat(n - s.length) + s;

/**
 * The queue as `mailq` prints it: a header, one block per message (id, "*" when active,
 * size, arrival, sender; the deferral reason in parentheses; the recipients), and a total.
 */
export function formatMailq(entries: readonly QueueEntry[]): string {
  if (entries.length === 0) return "Mail queue is empty";
  const lines = ["-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------"];
  let bytes = 0;
  for (const e of entries) {
    bytes += e.size;
    const id = e.id + (e.status === "active" ? "*" : "");
    lines.push(
      `${pad(id, 12)}${padLeft(String(e.size), 8)} ${mailqDate(e.arrival)}  ${e.sender || "MAILER-DAEMON"}`,
    );
    let lastReason: string | null = null;
    for (const r of e.recipients) {
      if (r.reason !== null && r.reason !== lastReason) lines.push(`(${r.reason})`);
      lastReason = r.reason;
      lines.push(`${" ".repeat(41)}${r.address}`);
    }
    lines.push("");
  }
  const n = entries.length;
  lines.push(`-- ${Math.ceil(bytes / 1024)} Kbytes in ${n} Request${n === 1 ? "" : "s"}.`);
  return lines.join("\n");
}
