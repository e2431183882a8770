import type { Page } from "@playwright/test";
import { terminalText } from "./terminal";
import { expect, gotoHydrated } from "./test";

/**
 * The terminal's box, for clicking into it. Until the learner reaches for it, it shows the
 * shell's banner as plain text and xterm is not loaded; a click (a key, or output) opens xterm.
 */
export const terminalBox = (page: Page) => page.getByTestId("terminal-box").first();

/**
 * Clicks into the (first) terminal and waits until xterm shows it (it opens on that first click,
 * replaying what the shell printed before).
 */
export async function openTerminal(page: Page) {
  const facade = page.getByTestId("terminal-facade");
  const xterm = page.locator(".xterm");
  await expect(facade.or(xterm).first()).toBeVisible({ timeout: 30_000 });
  await terminalBox(page).click();
  await expect(xterm.first()).toBeVisible({ timeout: 30_000 });
  await expect(facade).toHaveCount(0, { timeout: 30_000 });
}

/** Opens /lab on a scenario, clicks into the terminal and waits for its prompt. */
export async function openLab(page: Page, scenario: string) {
  await gotoHydrated(page, `/lab?scenario=${scenario}`);
  await openTerminal(page);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain("$");
}

/**
 * Enters lines into the focused terminal, each followed by Enter. Each line goes in as one input
 * event (as a paste or a fast typist's burst does), so a loaded machine does not turn a dialogue
 * into thousands of key events. An empty line is just Enter.
 */
export async function typeLines(page: Page, ...lines: string[]) {
  for (const line of lines) {
    if (line) await page.keyboard.insertText(line);
    await page.keyboard.press("Enter");
  }
}

/** Like typeLines, but key by key, as a learner types (slower: keep the dialogue short). */
export async function typeKeys(page: Page, ...lines: string[]) {
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
  }
}

/** Clicks into a terminal (a lesson's, say) and types the lines key by key. */
export async function typeInTerminal(page: Page, ...lines: string[]) {
  await openTerminal(page);
  await typeKeys(page, ...lines);
}

/**
 * The learner's hand-typed session through the ISP relay, up to and including DATA: telnet to
 * mail.isp.example, EHLO, MAIL FROM you@isp.example, RCPT TO `to`.
 */
export const ispRelayUpToData = (to = "bob@corp.example") => [
  "telnet mail.isp.example 25",
  "EHLO pc.home.example",
  "MAIL FROM:<you@isp.example>",
  `RCPT TO:<${to}>`,
  "DATA",
];
