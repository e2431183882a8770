import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { expect, gotoHydrated, test } from "./helpers/test";

/** Answers the question on screen by keyboard only: "1" then Enter for choices, "25" Enter when typed. */
async function answerByKeyboard(page: Page) {
  const input = page.getByLabel("Port number");
  if (await input.isVisible()) {
    await expect(input).toBeFocused();
    await page.keyboard.type("25");
  } else {
    await page.keyboard.press("1");
  }
  await page.keyboard.press("Enter");
}

async function statValue(page: Page, name: string) {
  return page.locator(`[data-stat="${name}"]`).innerText();
}

test.describe("quiz mode", () => {
  test("a 10-question quiz can be answered by keyboard alone, focus never lost", async ({
    page,
  }) => {
    await gotoHydrated(page, "/quiz?mode=quiz");
    const start = page.getByRole("button", { name: "Start the quiz" });
    await expect(start).toBeVisible();
    // Tab from the top of the page to the start button, as a keyboard user would.
    for (let i = 0; i < 30 && !(await start.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(start).toBeFocused();
    await page.keyboard.press("Enter");

    for (let n = 1; n <= 10; n++) {
      await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
      await answerByKeyboard(page);
      const next = page.getByRole("button", {
        name: n === 10 ? "See your score" : "Next question",
      });
      await expect(next).toBeFocused();
      await expect(page.locator("[data-verdict]")).toHaveText(
        /^(Correct|Not quite|You answered|Right number)/,
      );
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("heading", { name: "Quiz complete" })).toBeVisible();
    await expect(page.getByText(/of 10 \(\d+%\)/)).toBeVisible();

    await page.getByRole("tab", { name: "Stats" }).click();
    expect(await statValue(page, "Answered today")).toBe("10");
  });

  test("typed answers forgive forms like tcp/25 and explain the answer", async ({ page }) => {
    await gotoHydrated(page, "/quiz?mode=drill&port=smtp");
    await expect(page.getByText("Drilling SMTP only.")).toBeVisible();
    await page.getByRole("button", { name: "Start drilling" }).click();
    // Drilling one protocol: keep answering until a typed question comes up (bounded).
    for (let i = 0; i < 40; i++) {
      const input = page.getByLabel("Port number");
      if (await input.isVisible()) {
        await input.fill("smtp");
        await page.keyboard.press("Enter");
        await expect(
          page.getByRole("alert").filter({ hasText: "not a port number" }),
        ).toBeVisible();
        await input.fill("TCP/25");
        await page.keyboard.press("Enter");
        await expect(page.getByText("Correct: 25/TCP.")).toBeVisible();
        return;
      }
      await page.keyboard.press("1");
      await page.keyboard.press("Enter");
      const next = page.getByRole("button", { name: /Next question/ });
      if (!(await next.isVisible())) break;
      await next.press("Enter");
      const again = page.getByRole("button", { name: /Start drilling|Review ahead/ });
      if (await again.isVisible()) await again.click();
    }
    throw new Error("no typed question came up while drilling SMTP");
  });
});

test.describe("exam mode", () => {
  test("the exam runs out of time on a fake clock and reports by topic", async ({ page }) => {
    await page.clock.install({ time: new Date("2026-01-05T09:00:00Z") });
    await gotoHydrated(page, "/quiz?mode=exam");
    // Stop the page's clock, so only runFor() moves it.
    await page.clock.pauseAt(new Date("2026-01-05T09:01:00Z"));
    await page.getByText("10", { exact: true }).click();
    await page.getByRole("button", { name: "Start a 10-question exam" }).click();
    await expect(page.getByRole("timer")).toHaveText("10:00");
    await answerByKeyboard(page);
    await page.getByRole("button", { name: "Flag for review" }).click();
    await expect(page.getByRole("button", { name: "Flagged for review" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await page.clock.runFor("05:00");
    await expect(page.getByRole("timer")).toHaveText("5:00");
    await page.clock.runFor("05:01");
    await expect(page.getByRole("heading", { name: "Time is up: exam report" })).toBeVisible();
    await expect(page.getByText(/Answered [01] of 10/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "By topic, weakest first" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Missed or unanswered" })).toBeVisible();
  });
});

test.describe("exam mode, across tabs", () => {
  test("looking at another tab mid-exam keeps the exam and its answers", async ({ page }) => {
    await gotoHydrated(page, "/quiz?mode=exam");
    await page.getByRole("button", { name: "Start a 20-question exam" }).click();
    await answerByKeyboard(page);
    await expect(page.getByText("Question 2 of 20")).toBeVisible();
    await page.getByRole("tab", { name: "Stats" }).click();
    // Number keys pressed on another tab do not answer the hidden exam.
    await page.keyboard.press("3");
    await page.getByRole("tab", { name: "Exam" }).click();
    await expect(page.getByText("Question 2 of 20 · 1 answered")).toBeVisible();
    await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
  });
});

test.describe("firewall PBQ", () => {
  test("exactly the needed rules score 100%; an extra hole costs a point", async ({ page }) => {
    await gotoHydrated(page, "/quiz?mode=pbq");
    for (const name of [
      "Allow inbound SMTP 25/TCP",
      "Allow outbound SMTP 25/TCP",
      "Allow inbound Submission 587/TCP",
      "Allow outbound DNS 53/UDP",
      "Allow outbound DNS 53/TCP", // required since the corrections (RFC 7766)
    ]) {
      await page.getByRole("checkbox", { name }).check();
    }
    await page.getByRole("button", { name: "Check my rules" }).click();
    await expect(page.getByRole("heading", { name: /Score: 100%/ })).toBeFocused();
    await page.getByRole("button", { name: "Change my rules" }).click();
    await page.getByRole("checkbox", { name: "Allow inbound RDP 3389/TCP" }).check();
    await page.getByRole("button", { name: "Check my rules" }).click();
    await expect(page.getByRole("heading", { name: /Score: 80%/ })).toBeVisible();
    await expect(page.getByText("Should be closed: inbound RDP 3389/TCP (allowed)")).toBeVisible();
  });
});

test.describe("stats persistence", () => {
  async function answerQuiz(page: Page) {
    await gotoHydrated(page, "/quiz?mode=quiz");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    for (let n = 1; n <= 10; n++) {
      await answerByKeyboard(page);
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("heading", { name: "Quiz complete" })).toBeVisible();
  }

  test("a reload keeps the stats", async ({ page }) => {
    await answerQuiz(page);
    await page.reload();
    await page.waitForLoadState("networkidle");
    await page.getByRole("tab", { name: "Stats" }).click();
    expect(await statValue(page, "Answered today")).toBe("10");
    expect(await statValue(page, "Day streak")).toBe("1");
  });

  test("an exported file imports into a fresh browser and restores the stats", async ({
    page,
    browser,
  }, testInfo) => {
    testInfo.setTimeout(90_000);
    await answerQuiz(page);
    await page.getByRole("tab", { name: "Stats" }).click();
    const mastered = await statValue(page, "Mastered");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export progress" }).click();
    const file = testInfo.outputPath("progress.json");
    await (await downloading).saveAs(file);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await gotoHydrated(other, "/quiz?mode=stats");
    expect(await statValue(other, "Answered today")).toBe("0");
    await other.getByLabel("Import progress").setInputFiles(file);
    await expect(other.getByRole("status").filter({ hasText: "Imported progress" })).toBeVisible();
    expect(await statValue(other, "Answered today")).toBe("10");
    expect(await statValue(other, "Mastered")).toBe(mastered);
    await other.reload();
    await other.waitForLoadState("networkidle");
    await other.getByRole("tab", { name: "Stats" }).click();
    expect(await statValue(other, "Answered today")).toBe("10");
    await fresh.close();
  });

  test("a file that is not progress is refused with a clear message", async ({
    page,
  }, testInfo) => {
    await gotoHydrated(page, "/quiz?mode=stats");
    const file = testInfo.outputPath("junk.json");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, "{ not json");
    await page.getByLabel("Import progress").setInputFiles(file);
    await expect(page.getByRole("status").filter({ hasText: "not valid JSON" })).toBeVisible();
  });

  test("the export from the quiz page carries lesson progress saved on another visit", async ({
    page,
  }) => {
    // The quiz page never shows lesson progress, so it did not load that store, and its export
    // used to leave the lessons out.
    const lessons = { "what-is-a-relay": { tasksDone: ["ehlo"], completedAt: null } };
    await gotoHydrated(page, "/");
    await page.evaluate(
      (state) => localStorage.setItem("relay-lab:course", JSON.stringify({ state, version: 1 })),
      { lessons },
    );
    await gotoHydrated(page, "/quiz?mode=stats");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export progress" }).click();
    const { readFile } = await import("node:fs/promises");
    const path = await (await downloading).path();
    const file = JSON.parse(await readFile(path, "utf8")) as {
      stores: Record<string, { state: unknown }>;
    };
    expect(file.stores["relay-lab:course"]?.state).toEqual({ lessons });
  });
});

test("the quiz and ports pages never download the terminal (xterm)", async ({ page, request }) => {
  // Every script the pages ask for, read again afterwards: a chunk still arriving when the test
  // moves on to the next page has no body to read by then, but its URL was requested.
  const urls = new Set<string>();
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith(".js")) urls.add(r.url());
  });
  for (const path of ["/quiz", "/ports"]) {
    await gotoHydrated(page, path);
    // The modes' chunks arrive after hydration.
    await page.waitForLoadState("networkidle");
  }
  expect(urls.size).toBeGreaterThan(0);
  const scripts = await Promise.all([...urls].map(async (u) => (await request.get(u)).text()));
  expect(scripts.filter((s) => s.includes("xterm-helper-textarea"))).toEqual([]);
});

// The routes spec checks each page as it loads; these check the states a learner reaches.
for (const theme of ["light", "dark"] as const) {
  test.describe(`axe on quiz states, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    // Four axe runs: on a loaded 2-core machine each can take 20-40 s.
    test.describe.configure({ timeout: 150_000 });

    test("a question with its feedback, the exam, the graded PBQ and the stats", async ({
      page,
    }) => {
      await gotoHydrated(page, "/quiz?mode=quiz");
      await page.getByRole("button", { name: "Start the quiz" }).click();
      await answerByKeyboard(page);
      await expect(page.locator("[data-verdict]")).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("tab", { name: "Exam" }).click();
      await page.getByRole("button", { name: /Start a \d+-question exam/ }).click();
      await page.getByRole("button", { name: "Flag for review" }).click();
      await expectNoAxeViolations(page);

      await page.getByRole("tab", { name: "PBQs" }).click();
      await page.getByRole("checkbox", { name: "Allow inbound SMTP 25/TCP" }).check();
      await page.getByRole("checkbox", { name: "Allow inbound Telnet 23/TCP" }).check();
      await page.getByRole("button", { name: "Check my rules" }).click();
      await expectNoAxeViolations(page);

      await page.getByRole("tab", { name: "Stats" }).click();
      await expect(page.getByRole("heading", { name: "Your progress" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
