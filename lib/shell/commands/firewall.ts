/** The scenario's firewall, as an admin sees it: list the rules, insert one, delete one. */
import type { RuleSpec } from "@/lib/smtp";
import { style } from "../terminal";
import { fail, ok } from "../types";
import { hostNames, type LabCommand } from "../world";

const USAGE =
  "usage: firewall [list]\n" +
  "       firewall insert N allow|drop|reject FROM TO PORT[,PORT] [NOTE...]\n" +
  "       firewall delete N";

function show(rules: readonly RuleSpec[]): string {
  if (rules.length === 0) return "No rules: every connection is allowed.";
  const rows = rules.map(
    (r, i) =>
      `${String(i + 1).padStart(3)}  ${r.action.padEnd(7)}${r.from.padEnd(22)}${r.to.padEnd(22)}${(r.ports.length ? r.ports.join(",") : "any").padEnd(8)}${r.note}`,
  );
  return [
    `  #  ${"action".padEnd(7)}${"from".padEnd(22)}${"to".padEnd(22)}${"port".padEnd(8)}why`,
    ...rows,
    style.dim("  ↳ first match wins; anything no rule matches is allowed"),
  ].join("\n");
}

export const firewall: LabCommand = {
  name: "firewall",
  usage: "firewall [list | insert N ... | delete N]",
  summary: "show or change the network's firewall rules (which connections may pass)",
  details: [
    "firewall                                   list the rules, first match wins",
    "firewall insert 1 allow mx.corp.example * 25 outbound SMTP to other MXs",
    "firewall delete 2",
    "drop makes a connection time out; reject refuses it at once.",
  ],
  run(args, ctx) {
    const w = ctx.world;
    const rules = w.rules();
    const [sub = "list", ...rest] = args;
    if (sub === "list") return ok(show(rules));
    if (sub === "delete") {
      const n = Number(rest[0]);
      if (!Number.isInteger(n) || n < 1 || n > rules.length)
        return fail(`firewall: no rule ${rest[0] ?? ""} (there are ${rules.length})`);
      const r = w.setRules(rules.filter((_, i) => i !== n - 1));
      return r.ok ? ok(show(w.rules())) : fail(`firewall: ${r.error}`);
    }
    if (sub === "insert") {
      const [pos, action, from, to, portText, ...note] = rest;
      const n = Number(pos);
      if (!Number.isInteger(n) || n < 1 || n > rules.length + 1)
        return fail(`firewall: bad position '${pos ?? ""}'\n${USAGE}`);
      if (action !== "allow" && action !== "drop" && action !== "reject")
        return fail(`firewall: action must be allow, drop or reject\n${USAGE}`);
      if (!from || !to || !portText) return fail(USAGE);
      const ports = portText === "any" || portText === "*" ? [] : portText.split(",").map(Number);
      if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535))
        return fail(`firewall: bad port list '${portText}'`);
      const rule: RuleSpec = {
        action,
        from,
        to,
        ports,
        note: note.join(" ") || "added in the lab",
      };
      const next = [...rules.slice(0, n - 1), rule, ...rules.slice(n - 1)];
      const r = w.setRules(next);
      return r.ok ? ok(show(w.rules())) : fail(`firewall: ${r.error}`);
    }
    return fail(`firewall: unknown subcommand '${sub}'\n${USAGE}`);
  },
  complete(prev, ctx) {
    if (prev.length === 0) return ["list", "insert", "delete"];
    if (prev[0] === "insert") {
      if (prev.length === 2) return ["allow", "drop", "reject"];
      if (prev.length === 3 || prev.length === 4)
        return ["*", ...hostNames(ctx.world), ...ctx.world.networks().map((n) => n.id)];
      if (prev.length === 5) return ["25", "587", "465"];
    }
    return [];
  },
};
