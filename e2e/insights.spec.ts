import { expect, test } from "./support/roles";

test("analyst sees aggregate charts whose numbers add up", async ({ analyst: page }) => {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
  const mix = page.getByRole("figure", { name: "Persona mix per window" });
  await expect(mix.locator("svg").first()).toBeVisible();
  const sum = async (col: number) => (await mix.locator(`table tbody tr td:nth-child(${col})`).allTextContents()).map(Number).reduce((a, b) => a + b, 0);
  // Every computed customer has one assignment per window; at most the 19 consenting demo
  // customers (another test revokes one customer's consent, which removes their assignments).
  const [thirty, oneEighty] = [await sum(2), await sum(3)];
  expect(thirty).toBe(oneEighty);
  expect(thirty).toBeGreaterThanOrEqual(18);
  expect(thirty).toBeLessThanOrEqual(19);
  for (const name of ["Highest card utilization (30 days)", "Monthly subscription spend (30 days)", "Cash-flow buffer in months (30 days)"]) {
    await expect(page.getByRole("figure", { name })).toBeVisible();
  }
  // Aggregates only: no customer ids anywhere on the page.
  await expect(page.getByText(/usr_\d{5}/)).toHaveCount(0);
});

test("the Budgets section shows adherence in words (or says why it cannot), without a customer, and fits 390 px", async ({ analyst: page }) => {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/insights");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Budgets", exact: true }) });
    await expect(section).toBeVisible();
    const empty = section.getByTestId("budgets-empty");
    if (await empty.count()) await expect(empty).toHaveText(/^(No budgets have been set\.|No run has computed budgets yet: they appear after the next engine run\.)$/);
    else {
      await expect(section.getByTestId("budgets-table").first().locator("thead th")).toHaveText(["Category", "On track", "At risk", "Over budget"]);
      await expect(section.getByTestId("budgets-summary").first()).toContainText(/\d+ budgets? in [A-Z]{3}: \d+ on track \(\d+%\)/);
    }
    await expect(section.getByText(/usr_\d{5}/)).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `/insights scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
});
