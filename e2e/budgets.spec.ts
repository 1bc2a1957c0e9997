// Budgets on the staff customer page (issue 15): an operator takes a suggested budget, sees this
// month's spend and the percentage used (the same figures the API computes), then deletes the
// budget after confirming.
import { expect, test } from "./support/roles";

const money = (cents: number) => `$${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;

test("operator creates a budget from a suggestion, sees spend and percentage, deletes it after confirming", async ({ operator: page }) => {
  await page.goto("/customers?consent=yes&sort=user_id&dir=asc");
  const id = (await page.locator("tbody tr").first().locator("td").first().textContent())!.trim();
  await page.goto(`/customers/${id}`);
  const section = page.getByTestId("budgets");
  await expect(section.getByRole("heading", { name: "Suggested budgets" })).toBeVisible();

  const suggestion = section.locator('[data-testid^="suggestion-"]').first();
  const category = (await suggestion.getAttribute("data-testid"))!.replace("suggestion-", "");
  await expect(suggestion).toContainText("With a 10% buffer, rounded up to a whole dollar");
  await suggestion.getByRole("button", { name: "Use this budget" }).click();

  const card = section.getByTestId(`budget-${category}`);
  await expect(card).toBeVisible();
  // The page's figures are the API's (both from the engine at the newest data date), to the cent.
  const status = await (await page.request.get(`/api/budgets/status?user_id=${id}`)).json();
  const b = status.budgets.find((x: { category: string }) => x.category === category);
  await expect(card.getByTestId("budget-spent")).toHaveText(money(b.spent_cents));
  await expect(card.getByTestId("budget-percent")).toHaveText(`${b.percent_used.toFixed(1)}% used`);
  expect(b.percent_used).toBeCloseTo((b.spent_cents / b.amount_cents) * 100, 1);
  await expect(card).toContainText(`${money(b.amount_cents)} a month`);
  await expect(card.getByTestId("budget-status")).toHaveText(/On track|At risk: projected to go over|Over budget/);
  await expect(section.getByTestId(`suggestion-${category}`).getByRole("button", { name: "Use this budget" })).toHaveCount(0);

  // Dismissing the confirmation keeps the budget; accepting deletes it.
  page.once("dialog", (d) => void d.dismiss());
  await card.getByRole("button", { name: "Delete budget" }).click();
  await expect(card).toBeVisible();
  page.once("dialog", (d) => {
    expect(d.message()).toContain(`budget of ${money(b.amount_cents)} a month?`);
    void d.accept();
  });
  await card.getByRole("button", { name: "Delete budget" }).click();
  await expect(section.getByTestId(`budget-${category}`)).toHaveCount(0);
  await expect(section.getByTestId(`suggestion-${category}`).getByRole("button", { name: "Use this budget" })).toBeVisible();
});
