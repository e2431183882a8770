import { expect, type Page } from "@playwright/test";

/**
 * Everything the lab's terminal printed, scrollback included, with the shell's word wrapping
 * undone (lines joined, runs of spaces collapsed). `.xterm-rows` holds only the rows in view,
 * and a short terminal scrolls replies out of it.
 */
export const terminalText = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as { __relayTerm?: import("@xterm/xterm").Terminal }).__relayTerm;
    if (!t) return "";
    const b = t.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? "");
    return lines.join(" ").replace(/\s+/g, " ");
  });

/** Waits until the terminal's whole buffer (see terminalText) contains `text`. */
export const expectInTerminal = (page: Page, text: string, options?: { timeout?: number }) =>
  expect.poll(() => terminalText(page), options).toContain(text);
