import { expect, gotoHydrated, test } from "./helpers/test";

test.describe("/ports reference", () => {
  test("searches by number, word and transport", async ({ page }) => {
    await gotoHydrated(page, "/ports");
    const search = page.getByRole("searchbox", { name: "Search ports" });
    await search.fill("465");
    await expect(page.getByRole("status")).toHaveText(/^1 of \d+ protocols$/);
    await expect(page.getByRole("row", { name: /SMTPS \(submissions\)/ })).toBeVisible();
    await search.fill("udp 53");
    await expect(page.getByRole("status")).toHaveText(/^1 of/);
    await expect(page.getByRole("link", { name: /^DNS:/ })).toBeVisible();
    await search.fill("tcp 69");
    await expect(page.getByRole("status")).toHaveText(/^0 of/);
    await search.fill("ldap");
    await expect(page.getByRole("link", { name: /^LDAPS/ })).toBeVisible();
    await search.fill("zzz");
    await expect(page.getByText(/No protocol matches/)).toBeVisible();
  });

  test("sorts by a column, both ways", async ({ page }) => {
    await gotoHydrated(page, "/ports");
    const firstPort = () => page.locator("tbody tr").first().locator("td").first().innerText();
    expect(await firstPort()).toBe("20, 21");
    await page.getByRole("button", { name: /^Port/ }).click();
    await expect(page.getByRole("columnheader", { name: /Port/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    expect(await firstPort()).toBe("6514");
    await page.getByRole("button", { name: /^Protocol/ }).click();
    await expect(page.getByRole("columnheader", { name: /Protocol/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
  });

  test("a row links to a drill of that protocol", async ({ page }) => {
    await gotoHydrated(page, "/ports");
    await page.getByRole("link", { name: "RDP: drill this port" }).click();
    await expect(page).toHaveURL(/\/quiz\?mode=drill&(port|entries)=rdp/);
    await expect(page.getByText("Drilling RDP only.")).toBeVisible();
    await page.getByRole("button", { name: "Start drilling" }).click();
    await expect(page.getByText(/RDP|3389/).first()).toBeVisible();
  });
});
