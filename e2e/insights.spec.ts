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
