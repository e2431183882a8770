import type { Page } from "@playwright/test";
import { ispRelayUpToData, openLab, typeLines } from "./helpers/lab";
import { expectInTerminal, terminalText } from "./helpers/terminal";
import { expectNoAxeViolations } from "./helpers/axe";
import { expect, gotoHydrated, test } from "./helpers/test";

const happened = (page: Page) => page.getByRole("list", { name: "Events in order" });

test.describe("the lab", () => {
  test.use({ reducedMotion: "reduce" });

  test("the first frame shows at once and starts nothing; keys typed into it, mistakes included, run once the simulation has loaded", async ({
    page,
  }) => {
    await gotoHydrated(page, "/lab?scenario=isp-relay");
    const frame = page.getByTestId("network-diagram-frame");
    await expect(frame).toBeVisible();
    await expect(frame.locator("[data-host='mail.isp.example']")).toContainText("198.51.100.25");
    const facade = page.getByTestId("terminal-facade");
    await expect(facade).toContainText("you@pc.home.example:~$");
    // Nothing of the simulation has run: the page has no lab store yet.
    expect(await page.evaluate(() => "__relayLab" in window)).toBe(false);
    await facade.click();
    await page.keyboard.type("hostnme");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("ame");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("network-diagram")).toBeVisible({ timeout: 30_000 });
    await expectInTerminal(page, "hostname pc.home.example", { timeout: 30_000 });
    // The focus stayed in the terminal: the next line goes straight in.
    await page.keyboard.type("whoami");
    await page.keyboard.press("Enter");
    await expectInTerminal(page, "whoami you");
  });

  test("isp-relay: a hand-typed dialogue reaches Bob, the hop table shows each relay, the diagram showed the hops", async ({
    page,
  }) => {
    await openLab(page, "isp-relay");
    await typeLines(
      page,
      ...ispRelayUpToData(),
      "From: <you@isp.example>",
      "To: <bob@corp.example>",
      "Subject: Typed by hand",
      "",
      "Hello Bob.",
      ".",
      "QUIT",
    );
    await expectInTerminal(page, "Connection closed by foreign host.");
    await expect(happened(page)).toContainText("mail.isp.example relayed message");
    await expect(happened(page)).toContainText("to mx.corp.example");
    await expect(happened(page)).toContainText("delivered message");

    await page.getByRole("button", { name: /^bob@corp\.example \(1\)$/ }).click();
    await page.getByRole("button", { name: /Typed by hand/ }).click();
    const hops = page.getByRole("table");
    await expect(hops.getByRole("row")).toHaveCount(3);
    await expect(hops.getByRole("row").nth(1)).toContainText("pc.home.example");
    await expect(hops.getByRole("row").nth(1)).toContainText("mail.isp.example");
    await expect(hops.getByRole("row").nth(2)).toContainText("mx.corp.example");
  });

  test("closed-relay: relaying to a remote domain is denied with 554 5.7.1, in the terminal and the diagram", async ({
    page,
  }) => {
    await openLab(page, "closed-relay");
    const spammer = await page.evaluate(() => {
      const w = (
        window as unknown as {
          __relayLab: { world: { hosts(): { name: string; role: string }[] } };
        }
      ).__relayLab.world;
      return w.hosts().find((h) => h.role === "spammer")?.name ?? null;
    });
    if (spammer) await typeLines(page, `ssh ${spammer}`);
    await typeLines(
      page,
      "telnet mx.corp.example 25",
      "EHLO outside.example",
      "MAIL FROM:<someone@outside.example>",
      "RCPT TO:<victim@partner.example>",
    );
    await expectInTerminal(page, "554 5.7.1 <victim@partner.example>: Relay access denied");
    await expect(happened(page)).toContainText("mx.corp.example refused: 554 5.7.1");
    await expect(page.getByRole("img", { name: /Network diagram/ })).toContainText("554");
  });

  test("open-relay: the spammer relays through the server until postconf -e closes it", async ({
    page,
  }) => {
    await openLab(page, "open-relay");
    const dialogue = [
      "telnet mx.corp.example 25",
      "EHLO bulk.spammer.example",
      "MAIL FROM:<deals@spammer.example>",
      "RCPT TO:<victim@partner.example>",
    ];
    await typeLines(page, "ssh bulk.spammer.example", ...dialogue);
    await typeLines(page, "DATA", "Subject: You won", "", "Click.", ".", "QUIT");
    await expect(happened(page)).toContainText("mailbox of victim@partner.example");

    await typeLines(
      page,
      "exit",
      "ssh mx.corp.example",
      "postconf -e 'mynetworks = 127.0.0.0/8, 10.0.0.0/24'",
    );
    await expect(happened(page)).toContainText('mynetworks was set to "127.0.0.0/8, 10.0.0.0/24"');
    await typeLines(page, "exit", "ssh bulk.spammer.example", ...dialogue);
    await expectInTerminal(page, "554 5.7.1 <victim@partner.example>: Relay access denied");
  });

  test("HTML and script in a message are shown as text and never run", async ({ page }) => {
    await openLab(page, "isp-relay");
    await page.evaluate(() => Object.assign(window, { __pwned: false }));
    await typeLines(
      page,
      ...ispRelayUpToData(),
      "Subject: <img src=x onerror=window.__pwned=true><script>window.__pwned=true</script>",
      "Content-Type: text/html",
      "",
      '<b>bold?</b><script>window.__pwned=true</script><img src=x onerror="window.__pwned=true">',
      ".",
      "QUIT",
    );
    await expect(happened(page)).toContainText("mailbox of bob@corp.example");
    await page.getByRole("button", { name: /^bob@corp\.example \(1\)$/ }).click();
    await page.getByRole("button", { name: /<img src=x/ }).click();
    const message = page.getByRole("article");
    await expect(message).toContainText("<script>window.__pwned=true</script>");
    await expect(message).toContainText("<b>bold?</b>");
    await expect(message.locator("script, img, b")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned)).toBe(
      false,
    );
  });

  test("Tab completes, history recalls, Ctrl+C leaves telnet, unknown commands point at help", async ({
    page,
  }) => {
    await openLab(page, "isp-relay");
    await page.keyboard.type("telnet mail.i");
    await page.keyboard.press("Tab");
    await page.keyboard.type("25");
    await page.keyboard.press("Enter");
    await expectInTerminal(page, "220 mail.isp.example ESMTP Postfix");
    await page.keyboard.press("Control+C");
    await typeLines(page, "hostnme");
    await expectInTerminal(page, "hostnme: command not found");
    await expectInTerminal(page, "Type help to see the commands");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    // Counted in the whole buffer: the first greeting may have scrolled out of view.
    await expect
      .poll(
        async () =>
          (await terminalText(page)).split("220 mail.isp.example ESMTP Postfix").length - 1,
      )
      .toBe(2);
  });

  test("Esc leaves the terminal for the next control, so the keyboard is never trapped", async ({
    page,
  }) => {
    await openLab(page, "isp-relay");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Input line & buttons" })).toBeFocused();
  });

  test("the touch input line runs commands through the same shell", async ({ page }) => {
    await openLab(page, "isp-relay");
    await page.getByRole("button", { name: "Input line & buttons" }).click();
    await page.getByRole("textbox", { name: "Command line" }).fill("dig MX corp.example");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(happened(page)).toContainText("asked DNS for the MX record of corp.example");
  });

  test("axe finds nothing on /lab with a session on screen", async ({ page }) => {
    await openLab(page, "isp-relay");
    await typeLines(page, "telnet mail.isp.example 25", "EHLO pc.home.example");
    await expectInTerminal(page, "250 SMTPUTF8");
    await expectNoAxeViolations(page);
  });
});

test("pages without a lab never download the xterm chunk", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
  });
  await gotoHydrated(page, "/");
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => s.includes("xterm-helper-textarea"))).toBe(false);
  // ...while /lab does (so the check above can fail).
  scripts.length = 0;
  await gotoHydrated(page, "/lab");
  await page.getByTestId("terminal-box").click();
  await expect(page.locator(".xterm-rows")).toBeVisible({ timeout: 30_000 });
  expect(scripts.some((s) => s.includes("xterm-helper-textarea"))).toBe(true);
});

/** Holds back every script the page asks for from now on (xterm's among them) until released. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test.describe("the terminal before xterm opens", () => {
  // Requests a service worker answers never reach page.route, and this test holds some back.
  test.use({ serviceWorkers: "block", reducedMotion: "reduce" });

  test("shows the banner and prompt without loading xterm; keys typed before it opens are kept, in order", async ({
    page,
  }) => {
    await gotoHydrated(page, "/lab?scenario=isp-relay");
    const facade = page.getByTestId("terminal-facade");
    await expect(facade).toContainText("Relay Lab: Sending through your ISP's relay");
    await expect(facade).toContainText("you@pc.home.example:~$");
    // Loading the page did not load xterm.
    expect(await page.evaluate(() => "__relayTerm" in window)).toBe(false);
    await expect(page.locator(".xterm")).toHaveCount(0);

    // These keys reach the terminal before xterm can open: the learner types at once, with the
    // keyboard only.
    const release = await holdScripts(page);
    await facade.focus();
    await page.keyboard.type("echo firsx");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("t");
    await page.keyboard.press("Enter");
    await page.keyboard.type("echo second");
    await page.keyboard.press("Enter");
    await expect(page.locator(".xterm")).toHaveCount(0);
    release();

    await expectInTerminal(page, "$ echo first first you@pc.home.example:~$ echo second second");
    // The focus moved into xterm with it, and typing goes on there.
    await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
    await page.keyboard.type("echo third");
    await page.keyboard.press("Enter");
    await expectInTerminal(page, "$ echo third third");
    await expect(facade).toHaveCount(0);
  });

  for (const [width, height] of [
    [390, 844],
    [1366, 768],
  ] as const)
    test(`${width}x${height}: xterm takes over the frame's lines as they were, wrapped at the same columns`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await gotoHydrated(page, "/lab?scenario=isp-relay");
      const facade = page.getByTestId("terminal-facade");
      await expect(facade).toContainText("you@pc.home.example:~$");
      const lines = (sel: string) =>
        page
          .locator(sel)
          .first()
          .evaluate((el) => [...el.children].map((row) => (row.textContent ?? "").trimEnd()));
      const drawn = await lines("[data-testid=terminal-facade]");
      // At a phone's width the banner's title wraps, so the columns are compared as well.
      expect(drawn.length).toBeGreaterThan(2);
      await facade.click();
      await expect(page.locator(".xterm-rows")).toContainText("you@pc.home.example:~$", {
        timeout: 30_000,
      });
      expect((await lines(".xterm-rows")).slice(0, drawn.length)).toEqual(drawn);
    });

  test("a click elsewhere before xterm opens keeps the focus where the learner put it", async ({
    page,
  }) => {
    await gotoHydrated(page, "/lab?scenario=isp-relay");
    // Start the simulation from the first frame (a click on its diagram), so what is clicked
    // below is the live terminal's own stand-in for xterm.
    await page.getByTestId("network-diagram-frame").click();
    await expect(page.getByTestId("network-diagram")).toBeVisible({ timeout: 30_000 });
    const facade = page.getByTestId("terminal-facade");
    await expect(facade).toContainText("$");
    const release = await holdScripts(page);
    await facade.click();
    const other = page.getByRole("button", { name: "Hide diagram" });
    await other.focus();
    release();
    await expect(page.locator(".xterm-rows")).toContainText("$", { timeout: 30_000 });
    await expect(other).toBeFocused();
  });
});

test.describe("the lab's first frame while the simulation loads", () => {
  test.use({ serviceWorkers: "block", reducedMotion: "reduce" });

  test("a learner who clicks the terminal, then moves on before it loads, keeps the focus where they put it", async ({
    page,
  }) => {
    await gotoHydrated(page, "/lab?scenario=isp-relay");
    const release = await holdScripts(page);
    await page.getByTestId("terminal-facade").click();
    const other = page.getByRole("link", { name: "telecommuter", exact: true });
    await other.focus();
    release();
    await expect(page.getByTestId("network-diagram")).toBeVisible({ timeout: 30_000 });
    await expect(other).toBeFocused();
  });
});

test.describe("the lab's first frame when the simulation cannot be fetched", () => {
  // The aborted fetches are logged by the browser; nothing else may be.
  test.use({ reducedMotion: "reduce", allowedConsoleErrors: [/net::ERR_FAILED/] });

  test("it says so, keeps what was typed, and the next key tries again", async ({ page }) => {
    await gotoHydrated(page, "/lab?scenario=isp-relay");
    await expect(page.getByTestId("network-diagram-frame")).toBeVisible();
    const chunks = "**/_next/static/chunks/**";
    await page.route(chunks, (route) => route.abort());
    const facade = page.getByTestId("terminal-facade");
    await facade.click();
    await page.keyboard.type("whoami");
    await expect(page.getByText("The simulation could not load.")).toBeVisible({
      timeout: 30_000,
    });
    await expect(facade).toContainText("whoami");
    await page.unroute(chunks);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("network-diagram")).toBeVisible({ timeout: 30_000 });
    await expectInTerminal(page, "whoami you", { timeout: 30_000 });
  });

  test("on /demo the step waits for the lab, and says why", async ({ page }) => {
    await gotoHydrated(page, "/demo?scenario=isp-relay");
    await expect(page.getByTestId("network-diagram-frame")).toBeVisible();
    const chunks = "**/_next/static/chunks/**";
    await page.route(chunks, (route) => route.abort());
    await page.getByRole("button", { name: "Next step" }).click();
    const status = page.getByRole("status").filter({ hasText: "Waiting for the lab" });
    await expect(status).toHaveText("Waiting for the lab, which could not load.", {
      timeout: 30_000,
    });
    await expect(page.getByText("The simulation could not load.")).toBeVisible();
    await expect(page.getByText("Replaying…")).toHaveCount(0);
    await page.unroute(chunks);
    await page.getByTestId("terminal-facade").click();
    await expect(page.locator("[data-demo-ready]")).toHaveAttribute("data-demo-ready", "true", {
      timeout: 30_000,
    });
    await expect(status).toHaveCount(0);
    await expect(page.getByTestId("demo-caption")).toContainText(/^1\//);
  });
});
