import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** axe on a full page takes 20-40 s on a loaded 2-core machine: such a test gets more room. */
const AXE_TEST_TIMEOUT = 120_000;

/** WCAG 2.0 and 2.1 level A and AA, plus axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Run axe on the page as it is now and fail with a readable list if it finds anything.
 * `exclude` takes CSS selectors for regions another check owns (use sparingly, and say why).
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}) {
  const info = test.info();
  if (info.timeout < AXE_TEST_TIMEOUT) info.setTimeout(AXE_TEST_TIMEOUT);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const readable = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  }));
  expect(readable, `axe found violations on ${page.url()}`).toEqual([]);
}
