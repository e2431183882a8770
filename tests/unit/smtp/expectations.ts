/**
 * A scenario's `expect` entries checked against a world after its demo: null when met, else
 * what is missing. Shared by the engine's demo runner and the shell's demo test.
 */
import { receivedChain, type Expectation, type World } from "@/lib/smtp";

export function unmet(world: World, exp: Expectation): string | null {
  const events = world.events();
  switch (exp.kind) {
    case "delivered": {
      const box = world.mailbox(exp.mailbox);
      if (box.length === 0) return `mailbox ${exp.mailbox} is empty`;
      const chain = receivedChain(box[box.length - 1]!);
      return JSON.stringify(chain) === JSON.stringify(exp.via)
        ? null
        : `mailbox ${exp.mailbox}: via ${chain.join(", ")}, expected ${exp.via.join(", ")}`;
    }
    case "rejected":
      return events.some(
        (e) =>
          e.type === "reply" &&
          e.code === exp.code &&
          (exp.recipient === undefined || e.text.includes(exp.recipient)),
      )
        ? null
        : `no ${exp.code} reply${exp.recipient ? ` for ${exp.recipient}` : ""}`;
    case "refused":
      return events.some((e) => e.type === "refused" && e.error === exp.error)
        ? null
        : `no refusal "${exp.error}"`;
    case "deferred":
      return world
        .queue(exp.host)
        .some((q) => q.recipients.some((r) => r.address === exp.recipient))
        ? null
        : `${exp.recipient} is not deferred on ${exp.host}`;
    case "junk":
      return world.folder(exp.mailbox, "Junk").length > 0
        ? null
        : `Junk of ${exp.mailbox} is empty`;
    case "auth":
      return events.some(
        (e) =>
          e.type === exp.check &&
          e.result === exp.result &&
          (exp.domain === undefined ||
            (e.type === "dmarc"
              ? e.fromDomain
              : e.type === "spf" || e.type === "dkim"
                ? e.domain
                : "") === exp.domain),
      )
        ? null
        : `no ${exp.check}=${exp.result}${exp.domain ? ` for ${exp.domain}` : ""}`;
  }
}
