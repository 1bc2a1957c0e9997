// Issue 13 §11, 12, 14, 15: labels instead of codes, the decision table, the work list, a
// layout that fits a phone and a laptop, and an analyst starting an evaluation.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/roles";

/** The first demo customer who has opted in (one of the 20 has not). */
async function consentingCustomer(page: Page): Promise<string> {
  for (const id of ["usr_00001", "usr_00002", "usr_00003"]) {
    await page.goto(`/customers/${id}`);
    if ((await page.getByTestId("consent-state").textContent()) === "opted in") return id;
  }
  throw new Error("no consenting demo customer among the first three");
}

test("the customer page and its audit log show labels, never codes", async ({ operator: page }) => {
  const id = await consentingCustomer(page);
  // Plaid categories read as words: no FOOD_AND_DRINK_GROCERIES in the transaction table.
  const categories = await page.locator("section[aria-labelledby=tx] tbody td:nth-child(3)").allTextContents();
  expect(categories.length).toBeGreaterThan(0);
  for (const c of categories) expect(c).not.toMatch(/[A-Z]{2,}_|_/);
  expect(await page.locator("main").textContent()).not.toMatch(/\(s\)|lower_middle|upper_middle|pending_review|\{\}/);
  // A persona held since this run reads "New this run", never "for 0 days".
  await expect(page.locator("main")).not.toContainText("for 0 days");

  // An audited act shows in the log in words.
  const card = page.getByTestId("persona-180d");
  await card.getByText("Override persona for 180d").click();
  const select = card.getByLabel("Persona");
  const current = await select.inputValue();
  const other = (await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current)!;
  await select.selectOption(other);
  await card.getByLabel("Justification (at least 20 characters)").fill("Checked the statements with the customer by phone");
  await card.getByRole("button", { name: "Record override" }).click();
  await expect(page.getByTestId("audit-log")).toContainText("operator@spendsense.local · Overrode persona");
  await expect(page.getByTestId("audit-log")).not.toContainText("persona.override");
  expect(id).toMatch(/^usr_/);
});

test("a decision trace is a readable table with the raw JSON one click away, on the customer page and /review/{id}", async ({ operator: page }) => {
  await consentingCustomer(page);
  const decision = page.getByText(/^Decision table for 30d: all \d+ candidates/);
  await decision.click();
  const table = page.getByRole("region", { name: "Every candidate item for the 30d window" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "What made the score" })).toBeVisible();
  await expect(table.locator("tbody tr").first()).toContainText(/Chosen|Left out/);
  await expect(table.locator('tbody tr[data-chosen="true"]').first()).toContainText(/\+\d/);
  const block = page.getByTestId("decision-table").first();
  const raw = block.locator("pre");
  await expect(raw).toBeHidden();
  await block.getByText("Raw trace (JSON)").click();
  await expect(raw).toBeVisible();
  await expect(raw).toContainText('"config_hash"');

  await page.getByRole("link", { name: /^Open recommendation #\d+/ }).first().click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  const reviewTable = page.getByTestId("decision-table");
  await expect(reviewTable.getByRole("region", { name: /Every candidate for usr_\d+/ })).toBeVisible();
  await expect(reviewTable.locator("tbody tr.bg-amber-50")).toHaveCount(1);
  await expect(reviewTable.getByText("Raw trace (JSON)")).toBeVisible();
});

test("an operator's home is the work list, and the navigation shows where you are", async ({ operator: page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Work list");
  const pending = page.getByTestId("work-pending");
  await expect(pending).toBeVisible();
  expect(Number(await pending.locator("span").first().textContent())).toBeGreaterThan(0);
  for (const card of ["work-flagged", "work-runs", "work-content"]) await expect(page.getByTestId(card)).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Staff" });
  await expect(nav.getByRole("link", { name: "Work list" })).toHaveAttribute("aria-current", "page");
  await pending.getByRole("link", { name: /Open the review queue/ }).click();
  await expect(nav.getByRole("link", { name: "Review" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Work list" })).not.toHaveAttribute("aria-current", "page");
});

test("unknown addresses get the branded 404, and the favicon is served", async ({ operator: page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("We could not find that page");
  await expect(page.getByRole("link", { name: "Back to the work list" })).toBeVisible();
  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the docs' curl examples call the address the app is served on", async ({ page, baseURL }) => {
  await page.goto("/docs");
  await expect(page.locator("pre", { hasText: "curl" }).first()).toContainText(`${baseURL}/api/`);
  await expect(page.getByTestId("docs-create-key").getByRole("link", { name: "API keys" })).toHaveAttribute("href", "/api-keys");
});

for (const width of [390, 1366]) {
  test(`main pages fit ${width} px without sideways scrolling (screenshots attached)`, async ({ admin: page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    const id = await consentingCustomer(page);
    // An item awaiting review, for its own page.
    await page.goto("/review");
    const item = (await page.locator('a[href^="/review/"]').first().getAttribute("href"))!;
    expect(item).toMatch(/^\/review\/\d+/);
    for (const [name, path] of [
      ["home", "/"],
      ["customers", "/customers"],
      ["customer", `/customers/${id}`],
      ["review", "/review"],
      ["review-item", item],
      ["runs", "/runs"],
      ["content", "/content"],
      ["insights", "/insights"],
      ["staff", "/staff"],
      ["docs", "/docs"],
      ["api-keys", "/api-keys"],
    ] as const) {
      await page.goto(path);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
      expect(scroll, `${path} at ${width} px`).toBeLessThanOrEqual(inner);
    }
    // The review buttons fit on the screen.
    await page.goto("/review");
    for (const name of ["Approve", "Reject"]) {
      const button = page.getByRole("button", { name, exact: true }).first();
      if (await button.count()) {
        const box = (await button.boundingBox())!;
        expect(box.x + box.width, `${name} button at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
  });
}

test("an analyst starts an evaluation from /insights and sees which run it judged", async ({ analyst: page }) => {
  await page.goto("/insights");
  const section = page.getByRole("region", { name: "Evaluation metrics" });
  await section.getByRole("button", { name: "Start evaluation" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Evaluation \d+ finished/ })).toBeVisible({ timeout: 25_000 });
  await expect(page.getByTestId("eval-judged")).toContainText("started by analyst@spendsense.local");
  await expect(page.getByTestId("eval-judged")).toContainText(/judged engine run #\d+ as of 2026-10-31/);
  await expect(page.getByTestId("eval-stale")).toHaveCount(0);
  // The persona-mix chart and confusion matrices are readable regions, not clipped.
  await expect(section.getByRole("region", { name: /Persona confusion matrix, 180d window/ })).toHaveAttribute("tabindex", "0");
});

test("an operator may read the evaluation but not start one", async ({ operator: page }) => {
  await page.goto("/insights");
  await expect(page.getByRole("region", { name: "Evaluation metrics" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start evaluation" })).toHaveCount(0);
});
