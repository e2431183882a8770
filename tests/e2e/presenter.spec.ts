import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { openTerminal } from "./helpers/lab";
import { expect, gotoHydrated, test } from "./helpers/test";

const SHOTS = "test-results/presenter-shots";

// Most tests here open two or three pages and replay a demo in each; on a loaded 2-core
// machine each page takes tens of seconds to hydrate, so they get twice the default ceiling.
test.describe.configure({ timeout: 120_000 });

/** Opens a demo link and waits until the lab has replayed to it. */
async function openDemo(page: Page, query: string) {
  await gotoHydrated(page, `/demo?${query}`);
  await waitReady(page);
}

async function waitReady(page: Page) {
  await expect(page.locator("[data-demo-ready]")).toHaveAttribute("data-demo-ready", "true", {
    timeout: 30_000,
  });
}

const caption = (page: Page) => page.getByTestId("demo-caption");
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** What a viewer sees of the lab: caption, terminal screen, transcript, mailboxes, event list. */
async function visibleState(page: Page) {
  return {
    caption: await caption(page).innerText(),
    terminal: await page.locator(".xterm-rows").innerText(),
    transcript: await region(page, "Transcript").innerText(),
    mailboxes: await region(page, "Mailboxes").innerText(),
    happened: await page.getByRole("list", { name: "Events in order" }).innerText(),
  };
}

/** Presenter mode on for every page of the test's browser context (as the toggle leaves it). */
async function presenterOn(page: Page) {
  await page.context().addInitScript(() => sessionStorage.setItem("relay-lab:present", "1"));
}

/** The page's own message about a bad link (Next's route announcer is an alert too). */
const linkAlert = (page: Page) => page.locator("main [role=alert]");

test.describe("step-through demo", () => {
  test.use({ reducedMotion: "reduce" });

  test("a bare /demo keeps its address until the moment changes, then the address holds it", async ({
    page,
  }) => {
    await gotoHydrated(page, "/demo");
    await expect(caption(page)).toHaveText(/^0\/6: Press →/);
    await waitReady(page);
    expect(await page.evaluate(() => window.location.search)).toBe("");
    await page.getByRole("button", { name: "Next step" }).click();
    await expect(page).toHaveURL(/\/demo\?scenario=isp-relay&step=1$/);
    await waitReady(page);
    await page.getByRole("button", { name: "Previous step" }).click();
    await expect(page).toHaveURL(/\/demo\?scenario=isp-relay$/);
  });

  test("a link to step 4 shows step 4; → → ← shows step 5, the same as a fresh run to step 5", async ({
    page,
    context,
  }) => {
    await presenterOn(page);
    await openDemo(page, "scenario=isp-relay&step=4");
    await expect(caption(page)).toHaveText(/^4\/6: The envelope/);
    await expect(page.locator(".xterm-rows")).toContainText("250 2.1.5");
    await expect(region(page, "Mailboxes")).toContainText("bob@corp.example (0)");

    // Each key's step is on screen (caption) and run (ready) before the next key.
    await page.keyboard.press("ArrowRight");
    await expect(caption(page)).toHaveText(/^5\/6:/);
    await waitReady(page);
    await page.keyboard.press("ArrowRight");
    await expect(caption(page)).toHaveText(/^6\/6:/);
    await waitReady(page);
    await expect(region(page, "Mailboxes")).toContainText("bob@corp.example (1)");
    await page.keyboard.press("ArrowLeft");
    await expect(caption(page)).toHaveText(/^5\/6: DATA/);
    await waitReady(page);
    await expect(page).toHaveURL(/[?&]step=5(&|$)/);

    const fresh = await context.newPage();
    await openDemo(fresh, "scenario=isp-relay&step=5");
    // Panels follow the world a frame or two later; compare once both have settled.
    await expect.poll(async () => visibleState(page)).toEqual(await pollStable(fresh));
    const state = await visibleState(page);
    // After the lone dot the relay queued the message and passed it on to Bob's MX.
    expect(state.mailboxes).toContain("bob@corp.example (1)");
    expect(state.terminal).toContain("250 2.0.0 Ok: queued");
  });

  test("buttons step too, and a typed command travels in the copied link", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openDemo(page, "scenario=isp-relay");
    await expect(caption(page)).toHaveText(/^0\/6:/);
    // One step at a time: each click waits until the lab has run the step it asked for.
    await page.getByRole("button", { name: "Next step" }).click();
    await expect(caption(page)).toHaveText(/^1\/6:/);
    await waitReady(page);
    await page.getByRole("button", { name: "Next step" }).click();
    await expect(caption(page)).toHaveText(/^2\/6:/);
    await waitReady(page);

    await page.locator(".xterm").click();
    await page.keyboard.type("EHLO typed.example");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Then 1 line typed by hand.")).toBeVisible();

    await page.getByRole("button", { name: "Copy link to this moment" }).click();
    await expect(page.getByText("Link copied.")).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/demo\?scenario=isp-relay&step=2&typed=[A-Za-z0-9_-]+$/);

    const other = await context.newPage();
    await gotoHydrated(other, link);
    await waitReady(other);
    await expect(caption(other)).toHaveText(/^2\/6:/);
    await expect(other.getByText("Then 1 line typed by hand.")).toBeVisible();
    await expect(other.locator(".xterm-rows")).toContainText("EHLO typed.example");
    await expect(other.locator(".xterm-rows")).toContainText("250-mail.isp.example");

    // ← with typed lines goes back to the step as scripted.
    await page.getByRole("button", { name: "Previous step" }).click();
    await waitReady(page);
    await expect(caption(page)).toHaveText(/^2\/6:/);
    await expect(page.locator(".xterm-rows")).not.toContainText("EHLO typed.example");
  });

  test("a damaged link opens the plain scenario with a clear message", async ({ page }) => {
    await openDemo(page, "scenario=open-relay&step=99");
    await expect(linkAlert(page)).toContainText("step “99”");
    await expect(caption(page)).toHaveText(/^0\/\d+:/);
    await openDemo(page, "scenario=isp-relay&step=2&typed=%25%25%25");
    await expect(linkAlert(page)).toContainText("damaged");
    await openDemo(page, "scenario=nope");
    await expect(linkAlert(page)).toContainText("no scenario called “nope”");
  });

  test("axe finds nothing on the demo in presenter mode", async ({ page }) => {
    await presenterOn(page);
    await openDemo(page, "scenario=isp-relay&step=3");
    await expectNoAxeViolations(page);
  });
});

/** Reads the state until two reads in a row agree (the panels render deferred). */
async function pollStable(page: Page) {
  let last = "";
  await expect
    .poll(async () => {
      const now = JSON.stringify(await visibleState(page));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return JSON.parse(last) as Awaited<ReturnType<typeof visibleState>>;
}

test.describe("class quiz", () => {
  test("reveals and advances by keyboard alone, and leaves saved progress untouched", async ({
    page,
  }) => {
    await presenterOn(page);
    await gotoHydrated(page, "/quiz");
    // Some saved progress of the presenter's own, as the quiz left it.
    await page.getByRole("heading", { level: 1 }).waitFor();
    const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));

    await gotoHydrated(page, "/class?seed=42");
    await page.keyboard.press("Tab");
    const start = page.getByRole("button", { name: "Start the class quiz" });
    await start.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Question 1 of 10")).toBeVisible();
    const first = await page.locator("#class-q").innerText();

    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("class-answer")).toContainText("Answer:");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Question 2 of 10")).toBeVisible();
    await expect(page.getByTestId("class-answer")).toHaveCount(0);
    await page.keyboard.press(" ");
    await expect(page.getByTestId("class-answer")).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByText("Question 1 of 10")).toBeVisible();
    await expect(page.locator("#class-q")).toHaveText(first);

    const after = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(after).toBe(before);
  });

  test("the countdown reveals the answer when time is up", async ({ page }) => {
    await page.clock.install();
    await gotoHydrated(page, "/class?seed=7");
    await page.getByLabel("Countdown").selectOption("15");
    await page.getByRole("button", { name: "Start the class quiz" }).click();
    await expect(page.getByRole("timer")).toHaveText("0:15");
    await page.clock.runFor(16_000);
    await expect(page.getByTestId("class-answer")).toBeVisible();
    await expect(page.getByText("Time is up.")).toBeVisible();
  });

  test("axe finds nothing on the class quiz in presenter mode, before and after a reveal", async ({
    page,
  }) => {
    await presenterOn(page);
    await gotoHydrated(page, "/class?seed=3");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Start the class quiz" }).click();
    await page.getByRole("button", { name: /Reveal answer/ }).click();
    await expectNoAxeViolations(page);
  });
});

test.describe("presenter mode type at 1920x1080", () => {
  test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: "reduce" });

  for (const [name, path] of [
    ["lab", "/lab?scenario=isp-relay"],
    ["demo", "/demo?scenario=isp-relay&step=3"],
    ["class", "/class?seed=5"],
  ] as const) {
    test(`${name}: body text and terminal are at least 28px`, async ({ page }, testInfo) => {
      await presenterOn(page);
      await gotoHydrated(page, path);
      let body = "main p";
      if (name === "class") {
        await page.getByRole("button", { name: "Start the class quiz" }).click();
        // → reveals only once the question is on screen; pressing it earlier goes nowhere.
        await expect(page.getByRole("button", { name: /Reveal answer/ })).toBeVisible();
        await page.keyboard.press("ArrowRight");
        await expect(page.getByTestId("class-answer")).toBeVisible();
        body = "[data-testid=class-answer] p";
      } else if (name === "demo") await waitReady(page);
      if (name !== "class") await openTerminal(page);
      const px = (selector: string) =>
        page.evaluate((sel) => {
          const el = document.querySelector(sel);
          return el ? parseFloat(getComputedStyle(el).fontSize) : 0;
        }, selector);
      await expect.poll(() => px(body)).toBeGreaterThanOrEqual(28);
      // xterm applies a new font size on its next render.
      if (name !== "class") await expect.poll(() => px(".xterm-rows")).toBeGreaterThanOrEqual(28);
      const file = `${SHOTS}/${name}-1920.png`;
      await page.screenshot({ path: file });
      await testInfo.attach(`${name}-1920`, { path: file, contentType: "image/png" });
    });
  }
});
