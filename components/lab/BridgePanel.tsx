"use client";

import { BridgeIntro } from "./BridgeIntro";
import { useEffect, useId, useState } from "react";
import { bridgeTargets, defaultTarget, yourComputerName } from "@/lib/bridge/host";
import type { Listener } from "@/lib/bridge/protocol";
import type { World } from "@/lib/smtp";
import { useLabStore, useLabWorld } from "./LabContext";
import { DEFAULT_BRIDGE_PORT, useBridge, type BridgeStatus } from "./useBridge";

const WORLD_PORT_NAMES: Record<Listener["worldPort"], string> = {
  25: "smtp",
  587: "submission, STARTTLS",
  465: "submissions, TLS from the start",
};

const STATUS_TEXT: Record<BridgeStatus, string> = {
  off: "Not connected.",
  connecting: "Connecting to the bridge…",
  connected: "Connected: mail clients on this computer reach this lab.",
  unreachable:
    "No bridge answered (or it stopped). Start it with npm run bridge in the project folder, then connect again.",
  replaced: "Another tab connected to the bridge; it now serves that tab.",
};

/** `?bridge=1` means the default port; `?bridge=2581` that port. */
export function bridgePortFrom(param: string | null): number | null {
  if (param === null) return null;
  if (param === "1" || param === "") return DEFAULT_BRIDGE_PORT;
  const n = Number(param);
  return /^\d{1,5}$/.test(param) && n >= 1024 && n <= 65535 ? n : DEFAULT_BRIDGE_PORT;
}

/** The swaks commands a learner can paste: one on the port-25 listener, one with STARTTLS and AUTH. */
function examples(world: World, target: string, host: string, listeners: Listener[]): string[] {
  const server = /^(0\.0\.0\.0|::|127\.\d+\.\d+\.\d+|localhost)$/.test(host) ? "127.0.0.1" : host;
  const from = world.scenario.learner.address;
  const domain = from.split("@")[1] ?? "";
  const boxes = world.mailboxes().filter((m) => m !== from);
  const to = boxes.find((m) => !m.endsWith("@" + domain)) ?? boxes[0] ?? "bob@corp.example";
  const out: string[] = [];
  const smtp = listeners.find((l) => l.worldPort === 25);
  if (smtp) out.push(`swaks --server ${server}:${smtp.port} --from ${from} --to ${to}`);
  const sub = listeners.find((l) => l.worldPort === 587);
  const user = world.scenario.users.find((u) => u.host === target);
  if (sub && user)
    out.push(
      `swaks --server ${server}:${sub.port} --tls --auth PLAIN --auth-user ${user.username} --auth-password ${user.password} --from ${from} --to ${to}`,
    );
  return out;
}

function CopyLine({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-start gap-2">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-bg-soft p-2 font-mono text-[13px] whitespace-pre-wrap break-all">
        {text}
      </pre>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
        onBlur={() => setCopied(false)}
        aria-label={`Copy command: ${text}`}
        className="shrink-0 rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg-soft"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

/**
 * Real mail clients against the lab: connects to `npm run bridge`, shows its ports, which world
 * server real clients reach, and a swaks command to try. Lives inside <Lab> (its context).
 */
export function BridgePanel({ request }: { request: string | null }) {
  const store = useLabStore();
  const { world } = useLabWorld();
  const [chosen, setChosen] = useState<string | null>(null);
  const targets = bridgeTargets(world);
  const fallback = defaultTarget(world);
  const target = chosen && targets.some((t) => t.name === chosen) ? chosen : fallback;
  const bridge = useBridge(store, target);
  const [port, setPort] = useState(String(bridgePortFrom(request) ?? DEFAULT_BRIDGE_PORT));
  const ids = useId();
  const asked = bridgePortFrom(request);
  const { connect } = bridge;

  useEffect(() => {
    if (asked !== null) connect(asked);
  }, [asked, connect]);

  const portNumber = Number(port);
  const portOk = /^\d{1,5}$/.test(port) && portNumber >= 1 && portNumber <= 65535;
  const connected = bridge.status === "connected";
  const you = world.host(yourComputerName(world));

  return (
    <section
      aria-labelledby={`${ids}-title`}
      className="mt-4 rounded-xl border border-border bg-bg p-3 sm:p-4"
      data-testid="bridge-panel"
    >
      <BridgeIntro id={`${ids}-title`} />
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          <span className="font-medium">Bridge port</span>
          <input
            value={port}
            onChange={(e) => setPort(e.target.value.trim())}
            inputMode="numeric"
            aria-invalid={!portOk}
            aria-describedby={`${ids}-port-hint`}
            className="w-28 rounded-md border border-border bg-bg px-2 py-1.5 font-mono"
          />
        </label>
        {connected || bridge.status === "connecting" ? (
          <button
            type="button"
            onClick={bridge.disconnect}
            className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-bg-soft"
          >
            Disconnect bridge
          </button>
        ) : (
          <button
            type="button"
            onClick={() => portOk && bridge.connect(portNumber)}
            disabled={!portOk}
            className="rounded-md border border-accent bg-accent px-3 py-1.5 font-medium text-accent-fg disabled:opacity-60"
          >
            Connect bridge
          </button>
        )}
        <label className="flex max-w-full min-w-0 flex-col text-sm">
          <span className="font-medium">Real clients talk to</span>
          <select
            value={target ?? ""}
            onChange={(e) => setChosen(e.target.value)}
            className="max-w-full rounded-md border border-border bg-bg px-2 py-1.5 font-mono"
          >
            {targets.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
                {t.name === fallback ? " (default)" : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={`${ids}-port-hint`} className="mt-1 text-sm text-fg-muted">
        {portOk
          ? `The WebSocket the bridge opens for this tab (--ws-port, ${DEFAULT_BRIDGE_PORT} unless changed).`
          : "A port is a number from 1 to 65535."}
      </p>
      <p role="status" className="mt-3 font-medium" data-testid="bridge-status">
        {STATUS_TEXT[bridge.status]}
        {connected && bridge.sessions > 0
          ? ` ${bridge.sessions} client connection${bridge.sessions === 1 ? "" : "s"} open.`
          : ""}
      </p>
      {connected && target && (
        <div className="mt-3 space-y-3">
          <ul className="space-y-1 text-sm" aria-label="Bridge ports">
            {bridge.listeners.map((l) => (
              <li key={l.port}>
                <span className="font-mono">
                  {bridge.host}:{l.port}
                </span>{" "}
                → <span className="font-mono">{target}</span> port {l.worldPort} (
                {WORLD_PORT_NAMES[l.worldPort]})
              </li>
            ))}
          </ul>
          {you && (
            <p className="text-sm">
              In the lab, clients connect from <span className="font-mono">{you.name}</span> (
              {you.ip}), shown on the diagram as &ldquo;your computer&rdquo;, beside{" "}
              <span className="font-mono">{world.scenario.learner.host}</span>. The bridge&rsquo;s
              certificate is self-signed: tell the client not to verify it.
            </p>
          )}
          <div className="space-y-2">
            <p className="text-sm font-medium">Try it:</p>
            {examples(world, target, bridge.host, bridge.listeners).map((cmd) => (
              <CopyLine key={cmd} text={cmd} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
