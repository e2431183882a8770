"use client";

import { useEffect, useId, useRef } from "react";
import type { EngineEvent, World } from "@/lib/smtp";
import { ruleFor } from "@/lib/shell/diagram";
import { parseReceived } from "@/lib/shell/received";

export type InspectTarget = { kind: "host"; name: string } | { kind: "hop"; a: string; b: string };

type PolicyEvent = Extract<EngineEvent, { type: "policy" }>;

/** Every Received: header value in the delivered mail, unfolded, with the mailbox it sits in. */
function receivedHeaders(world: World): Array<{ value: string; mailbox: string }> {
  const out: Array<{ value: string; mailbox: string }> = [];
  for (const mailbox of world.mailboxes())
    for (const raw of world.mailbox(mailbox)) {
      const head = raw.split("\r\n\r\n")[0] ?? "";
      const unfolded = head.replace(/\r\n[ \t]+/g, " ").split("\r\n");
      for (const line of unfolded)
        if (/^received:/i.test(line)) out.push({ value: line.slice(9).trim(), mailbox });
    }
  return out;
}

/** "permit_mynetworks matched 10.0.0.0/24 (client 10.0.0.10)" for a policy event. */
export function policySentence(p: PolicyEvent): string {
  const verdict = p.verdict === "dunno" ? "passed" : p.verdict;
  return `RCPT ${p.recipient} from ${p.client}: ${p.restriction} ${p.detail} → ${verdict}`;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-4">
      <h3 className="font-semibold">{title}</h3>
      <div className="mt-1">{children}</div>
    </section>
  );
}

function HostDetails({ world, name }: { world: World; name: string }) {
  const host = world.host(name);
  if (!host) return <p>This host is not in the scenario.</p>;
  const net = world.networks().find((n) => n.id === host.network);
  const conf = world.postconf(name);
  const policies = world
    .events()
    .filter((e): e is PolicyEvent => e.type === "policy" && e.server === name)
    .slice(-6);
  const added = receivedHeaders(world).filter((r) => parseReceived(r.value)?.by === name);
  const rules = world
    .rules()
    .filter(
      (r) => r.from === name || r.to === name || r.from === host.network || r.to === host.network,
    );
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Address</dt>
        <dd className="font-mono">{host.ip}</dd>
        <dt className="font-medium">Network</dt>
        <dd>{net ? `${net.name} (${net.cidr})` : host.network}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{host.label}</dd>
        <dt className="font-medium">Listens on</dt>
        <dd className="font-mono">
          {host.ports.length ? host.ports.join(", ") : "no SMTP service"}
        </dd>
      </dl>
      {conf && (
        <Section title="Relay policy (main.cf)">
          <pre className="overflow-x-auto rounded-md bg-bg-soft p-2 text-sm whitespace-pre-wrap">
            {`mynetworks = ${conf.mynetworks}\nsmtpd_relay_restrictions = ${conf.smtpd_relay_restrictions}${
              conf.smtpd_client_restrictions
                ? `\nsmtpd_client_restrictions = ${conf.smtpd_client_restrictions}`
                : ""
            }`}
          </pre>
        </Section>
      )}
      <Section title="Policy decisions">
        {policies.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {policies.map((p) => (
              <li key={p.seq}>{policySentence(p)}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-fg-muted">No recipient has been checked here yet.</p>
        )}
      </Section>
      <Section title="Received: headers it added">
        <ReceivedList
          items={added.slice(-3)}
          empty="No delivered message carries a Received: header from this host yet."
        />
      </Section>
      {rules.length > 0 && (
        <Section title="Firewall rules">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {rules.map((r, i) => (
              <li key={i}>
                {r.action} {r.from} → {r.to} port {r.ports.length ? r.ports.join(", ") : "any"}:{" "}
                {r.note}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function ReceivedList({
  items,
  empty,
}: {
  items: Array<{ value: string; mailbox: string }>;
  empty: string;
}) {
  if (items.length === 0) return <p className="text-sm text-fg-muted">{empty}</p>;
  return (
    <ul className="space-y-2">
      {items.map((r, i) => (
        <li key={i}>
          <pre className="overflow-x-auto rounded-md bg-bg-soft p-2 font-mono text-sm whitespace-pre-wrap">
            Received: {r.value}
          </pre>
          <p className="text-xs text-fg-muted">in {r.mailbox}</p>
        </li>
      ))}
    </ul>
  );
}

function HopDetails({ world, a, b }: { world: World; a: string; b: string }) {
  const events = world.events();
  const onHop = (e: EngineEvent): e is Extract<EngineEvent, { session: number; client: string }> =>
    "client" in e && ((e.client === a && e.server === b) || (e.client === b && e.server === a));
  const hop = events.filter(onHop);
  const sessionIds = [...new Set(hop.map((e) => e.session))];
  const last = sessionIds[sessionIds.length - 1];
  const lines: Array<{ key: number; who: string; text: string }> = [];
  for (const e of hop) {
    if (e.session !== last) continue;
    if (e.type === "command")
      lines.push({ key: e.seq, who: "C:", text: e.phase === "auth" ? "(credentials)" : e.line });
    else if (e.type === "reply")
      e.text
        .split("\r\n")
        .forEach((l, i) => lines.push({ key: e.seq + i / 100, who: "S:", text: l }));
    else if (e.type === "refused")
      lines.push({ key: e.seq, who: "✖", text: `could not connect on port ${e.port}: ${e.error}` });
    else if (e.type === "connect")
      lines.push({ key: e.seq, who: "→", text: `${e.client} connected to ${e.server}:${e.port}` });
  }
  const policies = hop.filter((e): e is PolicyEvent => e.type === "policy");
  const received = receivedHeaders(world).filter((r) => {
    const h = parseReceived(r.value);
    return (
      h !== null && ((h.by === b && h.from.startsWith(a)) || (h.by === a && h.from.startsWith(b)))
    );
  });
  const lastRefused = hop.findLast((e) => e.type === "refused");
  const rule = lastRefused
    ? ruleFor(
        world.rules(),
        world.hosts(),
        lastRefused.client,
        lastRefused.server,
        lastRefused.port,
      )
    : null;
  return (
    <>
      <p className="text-sm text-fg-muted">
        {sessionIds.length} connection{sessionIds.length === 1 ? "" : "s"} on this hop; the newest
        is shown.
      </p>
      {rule && rule.action !== "allow" && (
        <Section title="Wall">
          <p>
            The firewall {rule.action === "drop" ? "drops" : "rejects"} port{" "}
            {rule.ports.length ? rule.ports.join(", ") : "any"} from {rule.from} to {rule.to}:{" "}
            {rule.note}
          </p>
        </Section>
      )}
      <Section title="SMTP lines">
        {lines.length ? (
          <ol
            className="max-h-64 overflow-y-auto rounded-md bg-bg-soft p-2 font-mono text-sm"
            aria-label="SMTP lines of this hop"
          >
            {lines.map((l) => (
              <li key={l.key} className="break-words whitespace-pre-wrap">
                <span className="text-fg-muted">{l.who} </span>
                {l.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-fg-muted">Nothing said on this hop yet.</p>
        )}
      </Section>
      <Section title="Policy decisions">
        {policies.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {policies.slice(-6).map((p) => (
              <li key={p.seq}>{policySentence(p)}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-fg-muted">No recipient was checked on this hop.</p>
        )}
      </Section>
      <Section title="Received: header added">
        <ReceivedList
          items={received.slice(-3)}
          empty="No delivered message has been through this hop yet."
        />
      </Section>
    </>
  );
}

/** A dialog that tells everything about one host or one hop of the diagram. */
export function DiagramInspector({
  world,
  target,
  onClose,
}: {
  world: World;
  target: InspectTarget;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const title = target.kind === "host" ? `Host ${target.name}` : `Hop ${target.a} → ${target.b}`;
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) ref.current?.close();
      }}
      data-testid="diagram-inspector"
      className="m-auto max-h-[90dvh] w-[min(42rem,94vw)] overflow-y-auto rounded-xl border border-border bg-bg p-5 text-fg backdrop:bg-black/40 sm:mr-4"
    >
      <div className="flex items-start justify-between gap-4">
        <h2 id={headingId} className="text-xl font-bold break-all">
          {title}
        </h2>
        <button
          type="button"
          onClick={() => ref.current?.close()}
          className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-bg-soft"
        >
          Close
        </button>
      </div>
      {target.kind === "host" ? (
        <HostDetails world={world} name={target.name} />
      ) : (
        <HopDetails world={world} a={target.a} b={target.b} />
      )}
    </dialog>
  );
}
