/**
 * The coach (issue 10): "show me" types the line that fits where the learner is, the lesson-complete
 * moment, hints for beginners' mistakes, postfix reload, state tasks, and the checkpoint's
 * explanations and shuffling. Typed by hand in the browser, mistakes included, in both themes.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { ispRelayUpToData, typeInTerminal } from "./helpers/lab";
import { expectInTerminal, terminalText } from "./helpers/terminal";
import { expect, gotoHydrated, test } from "./helpers/test";

/** The nav links to routes other branches add; their prefetch may 404. */
test.use({ allowedConsoleErrors: [/status of 404/] });

const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);
const coachNote = (page: Page) => page.locator("#coach-note");
const showMe = (page: Page) => page.getByRole("button", { name: /^Show me/ });

/** Presses "show me" once and waits until the coach has answered that press. */
async function pressShowMe(page: Page) {
  const before = Number((await coachNote(page).getAttribute("data-presses")) ?? "0");
  await showMe(page).click();
  await expect(coachNote(page)).toHaveAttribute("data-presses", String(before + 1));
}

/** Presses "show me" until the lesson-complete card appears (at most `limit` presses). */
async function followCoach(page: Page, limit = 40) {
  const card = page.locator("[data-lesson-complete]");
  for (let i = 0; i < limit && !(await card.isVisible()); i++) await pressShowMe(page);
  await expect(card).toBeVisible();
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("show me from the start completes lesson 1; the lesson-complete card offers lesson 2, in view and focused", async ({
      page,
    }) => {
      test.setTimeout(180_000); // A whole SMTP dialogue, then axe on the page (slow under load).
      await gotoHydrated(page, "/lessons/what-is-a-relay");
      await pressShowMe(page);
      await expect(coachNote(page)).toContainText("dig MX corp.example");
      await expect(task(page, "find-mx")).toHaveAttribute("data-done", "true");
      await pressShowMe(page);
      await expectInTerminal(page, "220 mail.isp.example");
      await pressShowMe(page);
      await expect(coachNote(page)).toContainText("EHLO pc.home.example");
      await followCoach(page);
      for (const id of ["find-mx", "open-session", "relay-a-message"])
        await expect(task(page, id)).toHaveAttribute("data-done", "true");

      const card = page.locator("[data-lesson-complete]");
      await expect(card).toBeInViewport();
      await expect(page.getByRole("heading", { name: "Lesson complete" })).toBeFocused();
      await expect(
        page.getByRole("status").filter({ hasText: "Lesson complete: every task is done." }),
      ).toHaveCount(1);
      await expectNoAxeViolations(page);

      await pressShowMe(page);
      await expect(coachNote(page)).toContainText("Every task is done");

      await card.getByRole("link", { name: /Next lesson: Why relays exist/ }).click();
      await expect(page).toHaveURL(/\/lessons\/why-relays-exist$/);
    });

    test("after tasks done by hand (with mistakes), show me says so, then types the line that fits the session", async ({
      page,
    }) => {
      test.setTimeout(180_000); // Typed key by key, then axe.
      await gotoHydrated(page, "/lessons/what-is-a-relay");
      // Mistake: an SMTP command at the shell prompt.
      await typeInTerminal(page, "EHLO pc.home.example");
      await expectInTerminal(page, "you're at the shell");
      await expectInTerminal(page, "telnet mail.isp.example 25");
      await typeInTerminal(
        page,
        "dig MX corp.example",
        "telnet mail.isp.example 25",
        "HELO pc.home.example",
      );
      await expect(task(page, "open-session")).toHaveAttribute("data-done", "true");

      await pressShowMe(page);
      await expect(coachNote(page).locator("[data-coach=by-hand]")).toContainText("yourself");
      await expect(coachNote(page)).toContainText("MAIL FROM:<you@isp.example>");
      await pressShowMe(page);
      await expectInTerminal(page, "250 2.1.0 Ok");
      await pressShowMe(page);
      await expectInTerminal(page, "250 2.1.5 Ok");
      await expectNoAxeViolations(page);
    });

    test("lesson 4: close-it is a state task that unticks when the relay is reopened and the spammer gets 250 again", async ({
      page,
    }) => {
      test.setTimeout(180_000); // Typed key by key, then axe.
      await gotoHydrated(page, "/lessons/open-relays");
      await expect(task(page, "close-it").locator("[data-state-task]")).toContainText(
        "Checked live",
      );
      await typeInTerminal(
        page,
        "ssh mx.corp.example",
        "postconf -e 'mynetworks = 127.0.0.0/8, 10.0.0.0/24'",
      );
      await expect(task(page, "close-it")).toHaveAttribute("data-done", "true");
      await typeInTerminal(page, "postfix reload");
      await expectInTerminal(page, "refreshing the Postfix mail system");
      await expectInTerminal(page, "mynetworks now governs every new connection");

      await typeInTerminal(page, "postconf -e 'mynetworks = 0.0.0.0/0'");
      await expect(task(page, "close-it")).toHaveAttribute("data-done", "false");
      await expect(task(page, "close-it")).toContainText("no longer holds");
      await typeInTerminal(
        page,
        "exit",
        "ssh bulk.spammer.example",
        "telnet mx.corp.example 25",
        "EHLO bulk.spammer.example",
        "MAIL FROM:<winner@spammer.example>",
        "RCPT TO:<victim@partner.example>",
      );
      await expectInTerminal(page, "250 2.1.5 Ok");
      await expect(task(page, "close-it")).toHaveAttribute("data-done", "false");
      await expectNoAxeViolations(page);
    });
  });
}

test("lesson 9: the key task ticks as opendkim-genkey ends; after a second genkey, show me publishes the key installed now", async ({
  page,
}) => {
  test.setTimeout(240_000); // Typed key by key, then the coach through two SMTP messages.
  await gotoHydrated(page, "/lessons/dkim");
  await typeInTerminal(page, "opendkim-genkey -s s2026 -d corp.example");
  await expectInTerminal(page, "DNS TXT record written to s2026.txt");
  // Ticked by the command itself: nothing else has been typed since.
  await expect(task(page, "make-key")).toHaveAttribute("data-done", "true");
  await typeInTerminal(page, "opendkim-genkey -s s2026 -d corp.example");

  // Show me (the by-hand note, the dig, nsupdate, zone, the update, send) until the key is
  // published; the recorded solution holds the first key's record, the coach must type the second.
  const published = () => task(page, "publish-key").getAttribute("data-done");
  for (let i = 0; i < 10 && (await published()) !== "true"; i++) await pressShowMe(page);
  await expect(task(page, "publish-key")).toHaveAttribute("data-done", "true");
  await typeInTerminal(page, "quit", "opendkim-testkey -d corp.example -s s2026");
  await expectInTerminal(page, "opendkim-testkey: key OK");
  await followCoach(page);
  await expect(task(page, "signed-passes")).toHaveAttribute("data-done", "true");
});

test("postfix is in help and Tab completes its subcommands", async ({ page }) => {
  await gotoHydrated(page, "/lessons/open-relays");
  await typeInTerminal(page, "help postfix", "ssh mx.corp.example");
  await expectInTerminal(page, "postfix reload | postfix status");
  await page.keyboard.type("postfix sta");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expectInTerminal(page, "the Postfix mail system is running");
});

test("finishing by typing in the terminal shows the card but keeps the keys in the terminal", async ({
  page,
}) => {
  test.slow();
  await page.emulateMedia({ reducedMotion: "reduce" });
  await gotoHydrated(page, "/lessons/what-is-a-relay");
  await typeInTerminal(
    page,
    "dig MX corp.example",
    ...ispRelayUpToData(),
    "Subject: by hand",
    "",
    "hello",
    ".",
  );
  const card = page.locator("[data-lesson-complete]");
  await expect(card).toBeInViewport();
  // Reduced motion: the card appears without sliding in.
  const seconds = await card.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
  expect(seconds).toBeLessThan(0.001);
  await typeInTerminal(page, "QUIT");
  await expectInTerminal(page, "221 2.0.0 Bye");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Keep exploring the lab" }).click();
  await expect(page.locator("[data-lesson-complete]")).toHaveCount(0);
});

test("telnet to 465 points to openssl s_client", async ({ page }) => {
  await gotoHydrated(page, "/lessons/ports-and-firewalls");
  await typeInTerminal(page, "telnet mx.corp.example 465");
  await expectInTerminal(page, "implicit TLS");
  await expectInTerminal(page, "openssl s_client -connect mx.corp.example:465");
});

test("a misspelt domain that bounces gets a did-you-mean", async ({ page }) => {
  test.slow();
  await gotoHydrated(page, "/lab?scenario=isp-relay");
  await typeInTerminal(
    page,
    ...ispRelayUpToData("bob@corp.exmaple"),
    "Subject: typo",
    "",
    "hi",
    ".",
  );
  await expectInTerminal(page, "Did you mean bob@corp.example?");
});

test("inside DATA, after a pause without the lone dot, the terminal says how to end the message", async ({
  page,
}) => {
  test.slow();
  await page.clock.install();
  await gotoHydrated(page, "/lessons/what-is-a-relay");
  await typeInTerminal(page, ...ispRelayUpToData(), "Subject: where does it end?");
  await expectInTerminal(page, "354 End data");
  // Typing keeps the hint away; a pause brings it.
  await page.clock.fastForward(5_000);
  await page.keyboard.type("still typ");
  await page.clock.fastForward(8_000);
  expect(await terminalText(page)).not.toContain("still inside DATA");
  await page.clock.fastForward(13_000);
  await expectInTerminal(page, "still inside DATA");
  await expect(page.getByRole("status").filter({ hasText: "still inside DATA" })).toHaveCount(1);
  // What was typed before the hint is still on the line, and the dot sends the message.
  await page.keyboard.type("ing");
  await page.keyboard.press("Enter");
  await typeInTerminal(page, ".");
  await expectInTerminal(page, "queued as");
});

for (const theme of ["light", "dark"] as const) {
  test(`checkpoint (${theme}): a wrong answer explains itself at once, Try again reshuffles`, async ({
    page,
  }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: theme });
    await gotoHydrated(page, "/lessons/checkpoint");
    const question = page.locator('[data-question="smtp-port"]');
    // The questions' code loads as they near the screen, and shuffles them then: all 8 questions
    // in authored order is about a one-in-a-billion draw.
    // The card is replaced when its code arrives, possibly while it is being scrolled to.
    await expect(() => question.scrollIntoViewIfNeeded({ timeout: 5_000 })).toPass({
      timeout: 30_000,
    });
    const allAuthored = () =>
      page.locator("[data-question]").evaluateAll((cards) =>
        cards.every((card) => {
          const values = [...card.querySelectorAll("input")].map((i) => Number(i.value));
          return values.every((v, i) => v === i);
        }),
      );
    await expect.poll(allAuthored).toBe(false);

    await question.getByLabel("UDP 25").check();
    await expect(question).toContainText("Not quite.");
    await expect(question).toContainText("never exchange mail over UDP");
    await expectNoAxeViolations(page);
    await question.getByRole("button", { name: /Try again/ }).click();
    await expect(question.getByRole("radio", { checked: true })).toHaveCount(0);
    await question.getByLabel("TCP 25").check();
    await expect(question).toContainText("Right.");
    await expect(question).not.toContainText("Try again");
  });
}
