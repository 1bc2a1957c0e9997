import { expect, test } from "./support/roles";

test("signed out, the customer list sends you to sign in and back", async ({ page }) => {
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcustomers/);
  await page.getByLabel("Email").fill("operator@spendsense.local");
  await page.getByLabel("Password").fill("e2e-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Customers" })).toBeVisible();
});

test("operator pages, filters and sorts customers on the server, then opens one", async ({ operator: page }) => {
  await page.goto("/customers?pageSize=10");
  await expect(page.getByTestId("customer-total")).toHaveText("20 customers · page 1 of 2");
  await expect(page.locator("tbody tr")).toHaveCount(10);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByTestId("customer-total")).toContainText("page 2 of 2");

  await page.goto("/customers");
  await page.getByLabel("Consent").selectOption("no");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("customer-total")).toHaveText("1 customers · page 1 of 1");
  await expect(page.locator("tbody tr").first()).toContainText("Not processed");

  await page.goto("/customers?sort=pending&dir=desc");
  const first = page.locator("tbody tr").first();
  const id = (await first.locator("td").first().textContent())!.trim();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));
  await expect(page.getByTestId("consent-state")).toHaveText("opted in");
  await expect(page.getByRole("table", { name: "Signals by window" })).toContainText("Max card utilization");
  await expect(page.getByText("This is educational content, not financial advice.").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Latest transactions" })).toBeVisible();
});

test("analysts are refused the customer list and single-customer pages", async ({ analyst: page }) => {
  await page.goto("/customers");
  await expect(page.getByTestId("signed-in-as")).toContainText("analyst");
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(0);
  await page.goto("/customers/usr_00001");
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  await expect(page.getByText("Latest transactions")).toHaveCount(0);
});

test("operator records a revocation and an opt-in; the preview shows only approved items", async ({ operator: page }) => {
  await page.goto("/customers?consent=yes&sort=user_id&dir=desc");
  const id = (await page.locator("tbody tr").first().locator("td").first().textContent())!.trim();

  // Nothing of theirs is approved yet: the preview shows only the summary and the disclaimer.
  await page.goto(`/customers/${id}`);
  await page.getByRole("link", { name: "Preview what the customer would see" }).click();
  await expect(page.getByText("Nothing approved for this customer yet.")).toBeVisible();
  await expect(page.getByTestId("preview-disclaimer")).toContainText("This is educational content, not financial advice.");

  await page.goto(`/customers/${id}`);
  await page.getByLabel("Note (what the customer said, where)").fill("Customer asked by phone to stop");
  await page.getByLabel(/Remove everything derived from their data/).check();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Record revocation" }).click();
  await expect(page.getByTestId("consent-state")).toHaveText("not given");
  await expect(page.getByText("No consent: nothing is computed or recommended for this customer.")).toBeVisible();
  await expect(page.getByTestId("audit-log")).toContainText("Recorded consent revocation");
  await expect(page.getByText("revoked / declined · staff:operator@spendsense.local · Customer asked by phone to stop")).toBeVisible();

  await page.getByRole("button", { name: "Record opt-in" }).click();
  await expect(page.getByTestId("consent-state")).toHaveText("opted in");
  await expect(page.getByTestId("audit-log")).toContainText("Recorded opt-in");
});
