"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ensureYourComputer } from "@/lib/bridge/host";
import { PROTOCOL_VERSION, parseToTab, type Listener, type ToBridge } from "@/lib/bridge/protocol";
import { TabBridge } from "@/lib/bridge/tab";
import type { LabStore } from "./labStore";

/** `npm run bridge` listens for the tab here unless told otherwise (--ws-port). */
export const DEFAULT_BRIDGE_PORT = 2580;

export type BridgeStatus =
  | "off"
  | "connecting"
  | "connected"
  /** The bridge was not there, or the connection dropped. */
  | "unreachable"
  /** Another tab connected to the same bridge, which now serves that tab. */
  | "replaced";

export interface BridgeState {
  status: BridgeStatus;
  port: number;
  /** What the bridge listens on, from its hello. */
  host: string;
  listeners: Listener[];
  /** Real clients connected now. */
  sessions: number;
}

/**
 * Connects the lab to `npm run bridge` with the browser's own WebSocket and serves the bridge's
 * requests from the lab's world (lib/bridge/tab.ts does the SMTP side). `target` is the world
 * host real clients talk to (null: the scenario's default).
 */
export function useBridge(store: LabStore, target: string | null) {
  const [state, setState] = useState<BridgeState>({
    status: "off",
    port: DEFAULT_BRIDGE_PORT,
    host: "127.0.0.1",
    listeners: [],
    sessions: 0,
  });
  const socket = useRef<WebSocket | null>(null);
  const [tab] = useState(() => new TabBridge(() => store.world));
  useEffect(() => {
    tab.setTarget(target);
  }, [tab, target]);

  const sendAll = useCallback((ws: WebSocket, out: ToBridge[]) => {
    for (const m of out) if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  }, []);

  const disconnect = useCallback(() => {
    const ws = socket.current;
    socket.current = null;
    ws?.close();
    tab.closeAll();
    setState((s) => ({ ...s, status: "off", sessions: 0 }));
  }, [tab]);

  const connect = useCallback(
    (port: number) => {
      socket.current?.close();
      let ws: WebSocket;
      try {
        // The bridge's WebSocket only ever listens on this machine's loopback.
        ws = new WebSocket(`ws://127.0.0.1:${port}`);
      } catch {
        setState((s) => ({ ...s, port, status: "unreachable" }));
        return;
      }
      socket.current = ws;
      setState((s) => ({ ...s, port, status: "connecting", listeners: [], sessions: 0 }));
      ws.onopen = () => {
        ws.send(
          JSON.stringify({
            type: "attach",
            version: PROTOCOL_VERSION,
            scenario: store.world.scenario.id,
          }),
        );
      };
      ws.onmessage = (e: MessageEvent) => {
        if (socket.current !== ws) return;
        const msg = parseToTab(e.data);
        if (!msg) return;
        if (msg.type === "hello") {
          if (ensureYourComputer(store.world)) store.changed();
          setState((s) => ({
            ...s,
            status: "connected",
            host: msg.host,
            listeners: msg.listeners,
          }));
          return;
        }
        if (msg.type === "replaced") {
          socket.current = null;
          tab.closeAll();
          setState((s) => ({ ...s, status: "replaced", sessions: 0 }));
          return;
        }
        sendAll(ws, tab.handle(msg));
        const open = tab.open;
        setState((s) => (s.sessions === open ? s : { ...s, sessions: open }));
      };
      ws.onclose = () => {
        if (socket.current !== ws) return;
        socket.current = null;
        tab.closeAll();
        setState((s) => ({ ...s, status: "unreachable", sessions: 0 }));
      };
    },
    [store, tab, sendAll],
  );

  // A new world (scenario load or reset): its predecessor's bridge sessions end with a 421, and
  // "your computer" joins the new one.
  useEffect(
    () =>
      store.onWorld((w) => {
        const ws = socket.current;
        if (!ws) return;
        sendAll(ws, tab.closeAll());
        setState((s) => (s.sessions === 0 ? s : { ...s, sessions: 0 }));
        if (ws.readyState === WebSocket.OPEN && ensureYourComputer(w)) store.changed();
      }),
    [store, tab, sendAll],
  );

  // Leaving the page closes the socket; the bridge then tells every client with a 421.
  useEffect(
    () => () => {
      socket.current?.close();
      socket.current = null;
    },
    [],
  );

  return { ...state, connect, disconnect, tab };
}
