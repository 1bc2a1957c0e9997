import { expect, test } from "./support/roles";

test("a visitor who is not signed in sees what SpendSense is, and none of the bank's data", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Financial education");
  await expect(page.getByTestId("signed-out-note")).toBeVisible();
  await expect(page.getByTestId("count-customers")).toHaveCount(0);
  await expect(page.getByTestId("latest-run")).toHaveCount(0);
  expect(await page.content()).not.toMatch(/waiting for review|consenting customers/);
});

test("home page shows signed-in staff their work list and live counts from the database", async ({ analyst: page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Work list");
  await expect(page.getByText("not financial advice")).toBeVisible();
  // The e2e database holds exactly the 20 generated demo customers.
  await expect(page.getByTestId("count-customers")).toHaveText("20");
  const tx = Number((await page.getByTestId("count-transactions").textContent())!.replace(/,/g, ""));
  expect(tx).toBeGreaterThan(20 * 50);
  // The engine ran over the demo data: a persona mix for the consenting customers.
  // Which run is current depends on what earlier specs did (an admin may have undone one).
  await expect(page.getByTestId("latest-run")).toContainText(/as of 2026-\d{2}-\d{2}/);
  await expect(page.getByTestId("latest-run")).toContainText("19 consenting customers");
  await expect(page.getByRole("table")).toContainText(/High Utilization|Subscription-Heavy|Fee Fighter|Savings Builder|Variable Income Budgeter/);
});

test("health endpoint reports a migrated database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, migrations: { pending: 0 } });
});
