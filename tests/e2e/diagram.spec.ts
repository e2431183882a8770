/**
 * The network diagram as rendered: labels measured with getBBox never overlap a host or each other
 * and are never clipped, at every demo step of every scenario; links avoid hosts they do not join;
 * badges belong to their session; walls show where a firewall drops a port; hosts and hops can be
 * inspected by mouse and keyboard; the lab's own playback steps back. Presenter mode: labels of
 * at least 22 px, the whole diagram and the terminal on one 1920x1080 screen, zoom, the scenario
 * switcher, links that keep presenter mode, a key legend that leaves the diagram alone.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { openLab, typeKeys } from "./helpers/lab";
import { expectInTerminal } from "./helpers/terminal";
import { expect, gotoHydrated, test } from "./helpers/test";

const SCENARIOS = [
  "isp-relay",
  "telecommuter",
  "open-relay",
  "closed-relay",
  "port-25-blocked",
  "mail-firewall",
  "spoofing",
  "telecommuter-auth",
  "forwarding",
];

async function presenterOn(page: Page) {
  await page.context().addInitScript(() => sessionStorage.setItem("relay-lab:present", "1"));
}

async function waitReady(page: Page) {
  await expect(page.locator("[data-demo-ready]")).toHaveAttribute("data-demo-ready", "true", {
    timeout: 30_000,
  });
}

/**
 * Problems in the rendered diagram, measured in its own coordinates: a label over a host it does
 * not belong to or over another label, a label outside the picture, a link through a host.
 */
async function diagramProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // At step 0 the first frame (drawn before the simulation loads) is checked the same way.
    const svg = document.querySelector<SVGSVGElement>(
      "[data-testid=network-diagram], [data-testid=network-diagram-frame]",
    );
    if (!svg) return ["no diagram"];
    const vb = svg.viewBox.baseVal;
    type R = { x: number; y: number; w: number; h: number };
    const over = (p: R, q: R) =>
      p.x < q.x + q.w - 0.5 &&
      q.x < p.x + p.w - 0.5 &&
      p.y < q.y + q.h - 0.5 &&
      q.y < p.y + p.h - 0.5;
    const bbox = (el: SVGGraphicsElement): R => {
      const b = el.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    };
    const hosts = [...svg.querySelectorAll<SVGGElement>("[data-host]")].map((g) => ({
      name: g.dataset.host!,
      box: bbox(g.querySelector("rect")!),
    }));
    const labels = [...svg.querySelectorAll<SVGTextElement>("text[data-label]")].map((t) => ({
      text: t.textContent ?? "",
      host: t.closest<SVGGElement>("[data-host]")?.dataset.host ?? null,
      box: bbox(t),
    }));
    const problems: string[] = [];
    for (const l of labels) {
      const b = l.box;
      if (
        b.x < vb.x - 0.5 ||
        b.y < vb.y - 0.5 ||
        b.x + b.w > vb.x + vb.width + 0.5 ||
        b.y + b.h > vb.y + vb.height + 0.5
      )
        problems.push(`"${l.text}" is clipped`);
      for (const h of hosts) {
        if (h.name === l.host) continue;
        if (over(b, h.box)) problems.push(`"${l.text}" over host ${h.name}`);
      }
      if (l.host) {
        const own = hosts.find((h) => h.name === l.host)!.box;
        if (b.x < own.x || b.x + b.w > own.x + own.w + 0.5)
          problems.push(`"${l.text}" leaves its host box`);
      }
    }
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (over(labels[i]!.box, labels[j]!.box))
          problems.push(`"${labels[i]!.text}" over "${labels[j]!.text}"`);
    // Links: straight segments between the points of each path.
    for (const p of svg.querySelectorAll<SVGPathElement>("[data-link] > path")) {
      const key = p.parentElement!.dataset.link!.split(" ");
      const pts = [...(p.getAttribute("d") ?? "").matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map(
        (m) => ({
          x: Number(m[1]),
          y: Number(m[2]),
        }),
      );
      for (let k = 0; k + 1 < pts.length; k++) {
        const a = pts[k]!;
        const b = pts[k + 1]!;
        const seg = {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          w: Math.abs(a.x - b.x) || 1,
          h: Math.abs(a.y - b.y) || 1,
        };
        for (const h of hosts)
          if (!key.includes(h.name) && over(seg, h.box))
            problems.push(`link ${key.join("-")} passes behind ${h.name}`);
      }
    }
    return problems;
  });
}

test.describe("the diagram at every demo step", () => {
  test.use({ reducedMotion: "reduce" });
  for (const [theme, width, height, present] of [
    ["light", 1366, 768, false],
    ["dark", 1920, 1080, true],
  ] as const) {
    test(`${theme}, ${width}x${height}${present ? ", presenter mode" : ""}: no label overlaps a host or another label, none is clipped, no link passes behind a host`, async ({
      page,
    }) => {
      test.setTimeout(400_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height });
      if (present) await presenterOn(page);
      for (const id of SCENARIOS) {
        await gotoHydrated(page, `/demo?scenario=${id}`);
        await waitReady(page);
        const caption = page.getByTestId("demo-caption");
        for (let step = 0; ; step++) {
          expect(await diagramProblems(page), `${id} step ${step}`).toEqual([]);
          const next = page.getByRole("button", { name: /Next step/ });
          if (await next.isDisabled()) break;
          await next.click();
          await expect(caption).toHaveText(new RegExp(`^${step + 1}/`));
          await waitReady(page);
        }
      }
    });
  }
});

for (const theme of ["light", "dark"] as const) {
  test.describe(`diagram behaviour (${theme})`, () => {
    test.use({
      colorScheme: theme,
      reducedMotion: "reduce",
      viewport: { width: 1366, height: 768 },
    });

    test("a 554 badge belongs to the spammer's session, fades with a new session and clears when the link succeeds", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openLab(page, "closed-relay");
      await typeKeys(
        page,
        "ssh bulk.spammer.example",
        "telnet mx.corp.example 25",
        "EHLO spam.example",
        "MAIL FROM:<a@spam.example>",
        "RCPT TO:<victim@partner.example>",
      );
      const badge = page.locator("[data-badge]");
      await expect(badge).toHaveAttribute("data-badge", "current");
      await expect(badge).toContainText("✖ 554");
      await typeKeys(page, "QUIT", "telnet mx.corp.example 25", "EHLO spam.example");
      // A new session on the link: the old badge is history, shown faded, until the link works.
      await expect(badge).toHaveAttribute("data-badge", "faded");
      await typeKeys(page, "MAIL FROM:<a@spam.example>", "RCPT TO:<bob@corp.example>");
      await expectInTerminal(page, "250 2.1.5");
      // It worked: the badge is gone.
      await expect(badge).toHaveCount(0);
    });

    test("a firewall drop shows as a wall on the link, with the port and the rule's note", async ({
      page,
    }) => {
      await openLab(page, "port-25-blocked");
      await typeKeys(page, "telnet mx.corp.example 25");
      await expectInTerminal(page, "Connection timed out", { timeout: 15_000 });
      await expect(page.locator("[data-wall]")).toHaveAttribute("data-wall", "drop 25");
      await expect(page.locator("[data-wall-note]")).toContainText("port 25");
      await expect(page.locator("[data-wall-note]")).toContainText(
        "The ISP drops outbound port 25",
      );
      await expect(page.locator("[data-badge]")).toContainText("✖ timed out");
      expect(await diagramProblems(page)).toEqual([]);
    });

    test("hosts and hops open an inspector with the SMTP lines, the Received: header and the policy decision; keyboard too", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await openLab(page, "isp-relay");
      await typeKeys(
        page,
        "telnet mail.isp.example 25",
        "EHLO pc.home.example",
        "MAIL FROM:<you@isp.example>",
        "RCPT TO:<bob@corp.example>",
        "DATA",
        "Subject: inspect me",
        "",
        "Hello.",
        ".",
        "QUIT",
      );
      await expect(page.getByRole("list", { name: "Events in order" })).toContainText(
        "delivered message",
        { timeout: 20_000 },
      );
      await page.getByRole("button", { name: "Inspect host mail.isp.example" }).click();
      const dialog = page.getByRole("dialog", { name: "Host mail.isp.example" });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("permit_mynetworks matched 203.0.113.0/24");
      await expect(dialog).toContainText("Received: from pc.home.example");
      await expectNoAxeViolations(page, { exclude: [".xterm"] });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      // The dialog hides at once but its "close" event (which unmounts it) runs a task later;
      // an Enter before that would open the next dialog only for the close to shut it.
      await expect(page.locator("dialog")).toHaveCount(0);

      // By keyboard: the hop's own button, then Enter.
      const hop = page.getByRole("button", {
        name: /^Inspect hop mail\.isp\.example to mx\.corp\.example/,
      });
      await hop.focus();
      await page.keyboard.press("Enter");
      const hopDialog = page.getByRole("dialog", {
        name: "Hop mail.isp.example → mx.corp.example",
      });
      await expect(hopDialog).toBeVisible();
      await expect(hopDialog.getByRole("list", { name: "SMTP lines of this hop" })).toContainText(
        "RCPT TO:<bob@corp.example>",
      );
      await expect(hopDialog).toContainText("reject_unauth_destination did not apply");
      await expect(hopDialog).toContainText("by mx.corp.example");
      await hopDialog.getByRole("button", { name: "Close" }).click();
      await expect(hopDialog).toBeHidden();
      await expect(hop).toBeFocused();
    });

    test("the lab's playback steps back and forward again", async ({ page }) => {
      await openLab(page, "isp-relay");
      await typeKeys(page, "dig MX corp.example", "telnet mail.isp.example 25");
      const log = page.getByRole("list", { name: "Events in order" });
      await expect(log).toContainText("connected to mail.isp.example");
      const count = () => log.locator("li").count();
      const before = await count();
      await page.getByRole("button", { name: "Back" }).click();
      await expect.poll(count).toBeLessThan(before);
      await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
      await page.getByRole("button", { name: /^Step/ }).click();
      await expect.poll(count).toBe(before);
    });
  });
}

test.describe("presenter mode at 1920x1080", () => {
  test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: "reduce" });

  /** Every label's rendered size: its font size times the SVG's scale on screen. */
  const labelSizes = (page: Page) =>
    page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>("[data-testid=network-diagram]")!;
      const k = svg.getScreenCTM()!.a;
      return [...svg.querySelectorAll<SVGTextElement>("text[data-label]")].map((t) => ({
        text: t.textContent,
        px: parseFloat(getComputedStyle(t).fontSize) * k,
      }));
    });

  for (const theme of ["light", "dark"] as const) {
    test(`${theme}: labels are at least 22px; the terminal and the whole diagram fit; + and − scale the diagram`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      await presenterOn(page);
      for (const id of ["port-25-blocked", "isp-relay"]) {
        await gotoHydrated(page, `/demo?scenario=${id}&step=3`);
        await waitReady(page);
        // The replay has settled; xterm opens on its output and draws it in a later frame.
        await expect(
          page.locator(".xterm-rows > div").filter({ hasText: /\S/ }).first(),
        ).toBeVisible({
          timeout: 30_000,
        });
        const sizes = await labelSizes(page);
        expect(sizes.length).toBeGreaterThan(8);
        for (const s of sizes) expect(s.px, `"${s.text}"`).toBeGreaterThanOrEqual(21.9);
        const view = await page.evaluate(() => {
          const r = document
            .querySelector("[data-testid=network-diagram]")!
            .getBoundingClientRect();
          const t = document.querySelector("[data-testid=terminal-box]")!.getBoundingClientRect();
          const rows = [...document.querySelectorAll(".xterm-rows > div")];
          const last = rows.findLast((x) => (x.textContent ?? "").trim() !== "");
          const p = last?.getBoundingClientRect();
          return {
            svg: [r.top, r.bottom, r.left, r.right],
            term: [t.top, t.bottom],
            prompt: p ? [p.top, p.bottom] : null,
            scrollY: window.scrollY,
          };
        });
        expect(view.scrollY).toBe(0);
        expect(view.svg[0]).toBeGreaterThanOrEqual(0);
        expect(view.svg[1]).toBeLessThanOrEqual(1080);
        expect(view.svg[2]).toBeGreaterThanOrEqual(0);
        expect(view.svg[3]).toBeLessThanOrEqual(1920);
        expect(view.term[1]).toBeLessThanOrEqual(1080);
        expect(view.prompt![1]).toBeLessThanOrEqual(1080);
        expect(view.term[1]! - view.term[0]!).toBeGreaterThan(100);
      }
      const width = async () => (await page.getByTestId("network-diagram").boundingBox())!.width;
      const w0 = await width();
      await page.locator("body").click({ position: { x: 5, y: 300 } });
      await page.keyboard.press("+");
      await expect.poll(width).toBeGreaterThan(w0 * 1.05);
      await page.keyboard.press("-");
      await page.keyboard.press("-");
      await expect.poll(width).toBeLessThan(w0 * 0.95);
    });
  }

  test("the scenario switcher works in presenter mode, and links keep presenter mode", async ({
    page,
  }) => {
    await presenterOn(page);
    await gotoHydrated(page, "/demo?scenario=isp-relay&step=2");
    await waitReady(page);
    const select = page.getByRole("combobox", { name: "Scenario" });
    await expect(select).toBeVisible();
    await select.selectOption("open-relay");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("open relay");
    await waitReady(page);
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain("present=1");
    await expect
      .poll(() => page.evaluate(() => window.location.search))
      .toContain("scenario=open-relay");
    await expect(page.getByRole("link", { name: "Class quiz" })).toHaveAttribute(
      "href",
      /present=1/,
    );
  });

  test("a class quiz link keeps its settings and presenter mode", async ({ page }) => {
    await presenterOn(page);
    await gotoHydrated(page, "/class?seed=42&count=5&seconds=15&core=0&present=1");
    await expect(page.getByRole("combobox", { name: "Questions" })).toHaveValue("5");
    await expect(page.getByRole("combobox", { name: "Countdown" })).toHaveValue("15");
    await expect(page.getByRole("checkbox", { name: "Exam-core ports only" })).not.toBeChecked();
    await page.getByRole("button", { name: "Start the class quiz" }).click();
    // Each → lands on what is on screen (the questions load after Start): reveal, then move on.
    for (let q = 1; q <= 5; q++) {
      await expect(page.getByText(`Question ${q} of 5`)).toBeVisible();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByTestId("class-answer")).toBeVisible();
      await page.keyboard.press("ArrowRight");
    }
    const link = page.getByRole("link", { name: "this quiz’s link" });
    await expect(link).toHaveAttribute("href", /seed=42/);
    const href = (await link.getAttribute("href"))!;
    for (const part of ["count=5", "seconds=15", "core=0", "present=1"])
      expect(href).toContain(part);
  });

  test("the key legend never covers the diagram", async ({ page }) => {
    test.setTimeout(120_000);
    await presenterOn(page);
    await gotoHydrated(page, "/demo?scenario=port-25-blocked&step=3");
    await waitReady(page);
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("?");
    const legend = page.getByTestId("presenter-legend");
    await expect(legend).toHaveCSS("opacity", "1");
    const l = (await legend.boundingBox())!;
    const d = (await page.getByTestId("network-diagram").boundingBox())!;
    expect(l.y + l.height).toBeLessThanOrEqual(d.y);
    await expectNoAxeViolations(page, { exclude: [".xterm"] });
  });
});
