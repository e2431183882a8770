"use client";

import { useEffect, useRef } from "react";
import "@xterm/xterm/css/xterm.css";

const BANNER = [
  "Relay Lab: a bare terminal",
  "The same options as the lab's terminal, and nothing else.",
  "Type 'help' for commands, 'scenario' for the story. Tab completes.",
  "",
  "you@laptop.home.example:~$ ",
].join("\r\n");

export function TerminalBox() {
  const box = useRef(null);
  useEffect(() => {
    let term = null;
    let live = true;
    Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]).then(
      ([{ Terminal }, { FitAddon }]) => {
        if (!live || !box.current) return;
        term = new Terminal({
          fontFamily: "monospace",
          fontSize: box.current.clientWidth < 480 ? 13 : 15,
          lineHeight: 1.15,
          cursorBlink: false,
          scrollback: 2000,
          minimumContrastRatio: 4.5,
        });
        const fit = new FitAddon();
        term.loadAddon(fit);
        term.open(box.current);
        fit.fit();
        term.write(BANNER);
        term.onData((d) => term.write(d === "\r" ? "\r\n$ " : d));
      },
    );
    return () => {
      live = false;
      term?.dispose();
    };
  }, []);
  return <div ref={box} style={{ height: "22rem" }} aria-label="Terminal" role="region" />;
}
