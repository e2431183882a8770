import type { Page } from "@playwright/test";
import { allRoutes } from "./helpers/routes";
import { openLab, openTerminal, typeKeys } from "./helpers/lab";
import { expectInTerminal, terminalText } from "./helpers/terminal";
import { expect, gotoHydrated, test } from "./helpers/test";

/** Collects CSP violations the page reports (the fixture also fails on the console errors). */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test.describe("Content-Security-Policy", () => {
  for (const route of allRoutes()) {
    test(`${route} carries the CSP and runs without a violation`, async ({ page }) => {
      await watchViolations(page);
      const response = await gotoHydrated(page, route);
      expect(response?.status()).toBe(200);
      // The build pins inline scripts by hash in a policy before the layout's own.
      const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
      const pinned = await metas.first().getAttribute("content");
      expect(pinned).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(pinned).toContain("object-src 'none'");
      expect(await metas.count()).toBe(2);
      // npm start sends the policy as a header too, with what a <meta> cannot say.
      const headers = response?.headers() ?? {};
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // No inline event handlers anywhere in the rendered page.
      const handlers = await page.evaluate(
        () =>
          [...document.querySelectorAll("*")].flatMap((el) =>
            [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
          ).length,
      );
      expect(handlers).toBe(0);
      expect(await violations(page)).toEqual([]);
    });
  }

  test("the lab loads its terminal under the CSP, and the quiz opens a mode", async ({ page }) => {
    await watchViolations(page);
    await openLab(page, "isp-relay");
    await typeKeys(page, "telnet mail.isp.example 25");
    await expectInTerminal(page, "220 mail.isp.example ESMTP");
    await gotoHydrated(page, "/quiz");
    await expect(page.getByRole("tabpanel").first()).not.toContainText("Loading…", {
      timeout: 30_000,
    });
    expect(await violations(page)).toEqual([]);
  });
});

/** Pastes as a user does: a ClipboardEvent on xterm's textarea (xterm turns "\n" into Enter). */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    document
      .querySelector(".xterm-helper-textarea")
      ?.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
      );
  }, text);
}

test.describe("nothing typed or linked reaches xterm as a control sequence", () => {
  const rows = (page: Page) => page.locator(".xterm-rows");

  test("typing U+009B 2J and pasting OSC 8 links (ESC ] and U+009D) clears nothing and plants no link", async ({
    page,
  }) => {
    await gotoHydrated(page, "/lab?scenario=isp-relay");
    await openTerminal(page);
    // The whole buffer (scrollback included): a short terminal has scrolled the banner up.
    await expect.poll(() => terminalText(page)).toContain("Relay Lab:");
    // Typed: one input event carrying the 8-bit CSI, then Enter.
    await page.keyboard.insertText("echo \u009b2J marker-one");
    await page.keyboard.press("Enter");
    // The command ran (its output line follows the prompt line) and printed plain text.
    await expect(rows(page)).toContainText("2J marker-oneyou@");
    // The banner is still in the buffer: the 8-bit CSI did not clear it.
    await expect.poll(() => terminalText(page)).toContain("Relay Lab:");
    // Pasted: both forms of an OSC 8 hyperlink, each line ended by a newline.
    await paste(page, "echo \u001b]8;;https://evil.example/\u0007click-one\u001b]8;;\u0007\n");
    await paste(page, "echo \u009d8;;https://evil.example/\u009cclick-two\u009d8;;\u009c\n");
    // Both commands ran and printed their text, escapes removed, before the next prompt.
    await expect(rows(page)).toContainText("evil.example/click-one8;;you@");
    await expect(rows(page)).toContainText("evil.example/click-two8;;you@");
    const linked = await page.evaluate(() => {
      const box = document.querySelector(".xterm");
      return {
        anchors: box?.querySelectorAll("a").length ?? -1,
        text: document.querySelector(".xterm-rows")?.textContent ?? "",
      };
    });
    expect(linked.anchors).toBe(0);
    expect(linked.text).toContain("click-two");
    expect(await terminalText(page)).toContain("Relay Lab:");
    // Hovering the text opens nothing and shows no link decoration.
    await page.getByText("click-two").first().hover({ force: true });
    expect(await page.locator(".xterm a, .xterm-underline-1").count()).toBe(0);
  });

  test("a demo link whose typed lines hold a C1 control is refused, with a message", async ({
    page,
  }) => {
    // "echo \u009b2J\n" in UTF-8, base64url
    const typed = Buffer.from("echo \u009b2J\n", "utf8").toString("base64url");
    await gotoHydrated(page, `/demo?scenario=isp-relay&step=0&typed=${typed}`);
    await expect(page.getByText(/control characters/)).toBeVisible({ timeout: 30_000 });
  });
});

test.describe("npm start serves like a static host", () => {
  test("/quiz/ and /lessons/ redirect to the page without the slash", async ({ request }) => {
    for (const path of ["/quiz/", "/lessons/"]) {
      const r = await request.get(path, { maxRedirects: 0 });
      expect(r.status(), path).toBe(308);
      expect(r.headers()["location"]).toBe(path.slice(0, -1));
    }
  });

  test.describe("a missing page", () => {
    test.use({ allowedConsoleErrors: [/status of 404/] });
    test("the 404 page has its own title", async ({ page }) => {
      const r = await page.goto("/no-such-page");
      expect(r?.status()).toBe(404);
      await expect(page).toHaveTitle(/not found/i);
    });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/quiz says it needs JavaScript instead of loading forever", async ({ page }) => {
    await page.goto("/quiz");
    // Playwright's text locators skip <noscript>; innerText is what the reader sees.
    const shown = await page.locator("main").innerText();
    expect(shown).toContain("Port practice runs in your browser and needs JavaScript");
    expect(shown).not.toContain("Loading…");
  });
});
