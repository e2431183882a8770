import fs from "node:fs";
import path from "node:path";
import type { Page, Request } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { expect, gotoHydrated, test } from "./helpers/test";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "headers");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const box = (page: Page) => page.getByLabel("Message headers or a whole message");
const analyseButton = (page: Page) => page.getByRole("button", { name: "Analyse", exact: true });
const pageAlert = (page: Page) => page.locator("main [role=alert]");

/** Opens /headers and waits until the analyser and results view are loaded (fetched while idle). */
async function openReady(page: Page, hash = "") {
  await gotoHydrated(page, `/headers${hash}`);
  await expect(page.locator("[data-ready=true]")).toBeVisible({ timeout: 20_000 });
}

async function paste(page: Page, text: string) {
  await box(page).click();
  await page.keyboard.insertText(text);
}

test.describe("header analyser", () => {
  test("analysing a pasted message makes no network request and shows route, auth and warnings", async ({
    page,
  }) => {
    await openReady(page);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Headers" }),
    ).toBeVisible();
    await paste(page, fixture("gmail-forwarded-dmarc-fail.eml"));
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));
    await analyseButton(page).click();
    await expect(page.getByRole("heading", { name: /^Route \(5 hops, 28 s\)$/ })).toBeVisible();
    expect(
      requests.map((r) => r.url()),
      "analysis must not touch the network",
    ).toEqual([]);

    const table = page.getByRole("table", { name: /One row per Received/ });
    await expect(table.getByRole("row")).toHaveCount(6);
    await expect(table.getByRole("row").nth(1)).toContainText("srs3.zonevs.eu");
    await expect(table.getByRole("row").nth(2)).toContainText(
      "TLS 1.2, ECDHE-ECDSA-AES128-GCM-SHA256",
    );
    await expect(page.getByRole("figure")).toContainText("Where the time went: 28 s");
    await expect(page.getByText("zone.ee failed DMARC", { exact: false })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Warning signs (2)" })).toBeVisible();
    await expect(page.getByText("Authentication failed")).toBeVisible();
  });

  test("a sample, a share link that reopens it, and a damaged link", async ({ page, context }) => {
    test.slow(); // three page loads; a busy machine needs more than the default 30 s
    await openReady(page);
    await page.getByRole("button", { name: "Exchange Online: 5 hours in a queue" }).click();
    await expect(page.getByRole("heading", { name: "Route (4 hops, 5 h 10 min)" })).toBeVisible();
    await page.getByRole("button", { name: "Copy a share link" }).click();
    const link = await page.getByLabel(/this analysis/).inputValue();
    expect(link).toMatch(/\/headers#h=[A-Za-z0-9_-]+$/);
    expect(page.url()).toBe(link);

    const other = await context.newPage();
    await gotoHydrated(other, link.replace(/^https?:\/\/[^/]+/, ""));
    await expect(other.getByRole("heading", { name: "Route (4 hops, 5 h 10 min)" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(box(other)).toHaveValue(/vmta6\.response\.nfcu\.org/);

    const cut = link.slice(link.indexOf("#"), -8);
    await gotoHydrated(other, `/headers${cut}`);
    await expect(pageAlert(other)).toContainText("cut short");
  });

  test("an .eml file is read in the browser; binary and header-less input get clear messages", async ({
    page,
  }) => {
    await openReady(page);
    await page
      .getByLabel("Choose an .eml file")
      .setInputFiles(path.join(FIXTURES, "mailing-list-discourse.eml"));
    await expect(page.getByRole("heading", { name: "Route (3 hops, 1 s)" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("mailing-list-discourse.eml");

    await page.getByLabel("Choose an .eml file").setInputFiles({
      name: "photo.eml",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)),
    });
    await expect(pageAlert(page)).toContainText("binary data");

    await page.getByRole("button", { name: "Clear" }).click();
    await paste(page, "Dear Bob,\nthe meeting moved to noon.");
    await analyseButton(page).click();
    await expect(pageAlert(page)).toContainText("No headers found");
  });

  test("a large header block is analysed in a Web Worker without freezing the page", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openReady(page);
    const block = fixture("exchange-online-inbound-github.txt").trimEnd();
    const big = `${Array.from({ length: 120 }, () => block).join("\n")}\nFrom: a@example.org\n`;
    expect(big.length).toBeGreaterThan(64_000); // above the worker threshold
    // A file avoids typing 140 kB into the box, which is slow on a busy machine.
    await page.getByLabel("Choose an .eml file").setInputFiles({
      name: "big.eml",
      mimeType: "message/rfc822",
      buffer: Buffer.from(big),
    });
    await expect(page.getByRole("heading", { name: /^Route \(600 hops/ })).toBeVisible({
      timeout: 60_000,
    });
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds nothing on a full result in the ${theme} theme`, async ({ page }) => {
      // axe on a long page takes 20-40 s when the machine is busy.
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: theme });
      await openReady(page);
      await page
        .getByRole("button", { name: "Mailing list: SPF and DMARC fail, ARC passes" })
        .click();
      await expect(page.getByRole("heading", { name: /^Route \(3 hops/ })).toBeVisible();
      await page.getByRole("button", { name: "Copy a share link" }).click();
      await expect(page.getByLabel(/this analysis/)).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  for (const theme of ["light", "dark"] as const) {
    test(`the Outlook sample shows Exchange's own verdicts; axe finds nothing (${theme})`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: theme });
      await openReady(page);
      await page.getByRole("button", { name: "Outlook (Exchange Online) to Gmail" }).click();
      await expect(page.getByRole("heading", { name: /^Route \(4 hops/ })).toBeVisible();
      await expect(
        page.getByText(
          "The sender's Exchange Online rated the message on its way out as not spam (SCL 1 of 9).",
        ),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("on a 360 px phone the hops are cards and nothing scrolls sideways", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await openReady(page);
    await page.getByRole("button", { name: "DMARC failure after forwarding" }).click();
    await expect(
      page.getByRole("list", { name: "Hops, first hop first" }).getByRole("listitem"),
    ).toHaveCount(5);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("a lab message opens in /headers with Analyse headers", async ({ page }) => {
    test.slow(); // three page loads; a busy machine needs more than the default 30 s
    await gotoHydrated(page, "/demo?scenario=isp-relay&step=6");
    await expect(page.locator("[data-demo-ready]")).toHaveAttribute("data-demo-ready", "true", {
      timeout: 15_000,
    });
    const mailboxes = page.getByRole("region", { name: "Mailboxes", exact: true });
    await mailboxes.getByRole("button", { name: /bob@corp\.example \(1\)/ }).click();
    await mailboxes
      .getByRole("list", { name: /Inbox of bob/ })
      .getByRole("button")
      .first()
      .click();
    await mailboxes.getByRole("button", { name: "Analyse headers" }).click();
    await expect(page).toHaveURL(/\/headers#h=/);
    await expect(page.getByRole("heading", { name: /^Route \(\d+ hops?/ })).toBeVisible({
      timeout: 20_000,
    });
    await expect(box(page)).toHaveValue(/Received: /);
  });
});
