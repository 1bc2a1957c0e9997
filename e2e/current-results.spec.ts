// Issue 13: one "current results" (the latest finished run per customer and window) on every
// page and route; a future as-of is refused with the reason; an admin can make an earlier run
// current again (audited) and every page follows; re-granting consent shows results at once.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/roles";

test.describe.configure({ mode: "serial" });

async function runAsOf(page: Page, asOf: string): Promise<number> {
  await page.goto("/runs");
  const jobs = page.locator('li[data-testid^="job-"]');
  const newest = async () => (await jobs.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-testid")!.slice(4))))).reduce((m, n) => Math.max(m, n), 0);
  const before = await newest();
  await page.getByLabel("As of (the day both windows end)").fill(asOf);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Run the engine for every consenting customer" }).click();
  await expect(page.getByRole("status")).toHaveText(`Engine run as of ${asOf} started; progress below.`);
  // The live list may still show the previous run first: wait for this one.
  await expect.poll(newest, { timeout: 30_000 }).toBeGreaterThan(before);
  const id = await newest();
  await expect(page.getByTestId(`job-${id}`)).toContainText("finished", { timeout: 30_000 });
  return id;
}

/** The customer page, the list, the preview and GET /api/recommendations all show results as of `asOf`. */
async function expectEverywhere(page: Page, id: string, asOf: string) {
  await page.goto(`/customers/${id}`);
  await expect(page.getByRole("columnheader", { name: `30d (as of ${asOf})` })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: `180d (as of ${asOf})` })).toBeVisible();
  await page.goto(`/customers?q=${id}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText(asOf);
  await page.goto(`/customers/${id}/preview`);
  await expect(page.getByTestId("preview-as-of")).toHaveText(`Based on your accounts up to ${asOf}.`);
  const api = await page.request.get(`/api/recommendations/${id}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { windows: Record<string, { as_of: string; recommendations: Array<{ as_of: string }> }> };
  for (const w of ["30d", "180d"]) {
    expect(body.windows[w].as_of).toBe(asOf);
    for (const r of body.windows[w].recommendations) expect(r.as_of).toBe(asOf);
  }
}

/** A consenting customer with a 30d persona (the list sorts customers without one last). */
async function customerWithPersona(page: Page): Promise<string> {
  await page.goto("/customers?consent=yes&window=30d&sort=persona&dir=asc");
  return (await page.locator("tbody tr").first().locator("td").first().textContent())!.trim();
}

let mistaken = 0;
let corrected = 0;
let id = "";

test("operator: a run as of a future day is refused with the reason, and nothing starts", async ({ operator: page }) => {
  await page.goto("/runs");
  const before = await page.locator("tbody tr").count();
  await page.getByLabel("As of (the day both windows end)").fill("2031-01-01");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Run the engine for every consenting customer" }).click();
  await expect(page.locator("#action-error")).toContainText(/as of 2031-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\); a run can only end on a day that has happened/i);
  await expect(page.locator("tbody tr")).toHaveCount(before);
});

test("operator: after a mistaken run then a corrective one, every page and the API show the corrective run", async ({ operator: page }) => {
  id = await customerWithPersona(page);
  mistaken = await runAsOf(page, "2026-10-31");
  await expectEverywhere(page, id, "2026-10-31");
  // The corrective run ends earlier: the latest run is current, not the largest as-of.
  corrected = await runAsOf(page, "2026-09-30");
  await expectEverywhere(page, id, "2026-09-30");
});

test("admin: makes the earlier run current again (confirmed, audited), and every page follows", async ({ admin: page, operator }) => {
  await page.goto("/runs");
  await page.getByLabel("Undo a mistaken run: make an earlier run current").selectOption({ label: `#${mistaken} as of 2026-10-31` });
  await page.getByLabel("Set aside every run after it (their results stay stored)").check();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Make this run current" }).click();
  await expect(page.getByRole("status")).toHaveText(`Run #${mistaken} (as of 2026-10-31) is current again; set aside #${corrected}.`);
  await expect(page.locator("tbody tr", { hasText: `#${corrected}` })).toContainText("set aside by admin@spendsense.local");
  await expectEverywhere(page, id, "2026-10-31");
  await expectEverywhere(operator, id, "2026-10-31");
  // Operators may run the engine but not undo a run.
  await operator.goto("/runs");
  await expect(operator.getByRole("button", { name: "Make this run current" })).toHaveCount(0);
});

test("operator: re-granting consent shows the customer's results at once", async ({ operator: page }) => {
  const who = await customerWithPersona(page);
  await page.goto(`/customers/${who}`);
  await page.getByLabel("Note (what the customer said, where)").fill("Customer asked by phone to stop");
  await page.getByLabel(/Remove everything derived from their data/).check();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Record revocation" }).click();
  await expect(page.getByTestId("consent-state")).toHaveText("not given");

  await page.getByRole("button", { name: "Record opt-in" }).click();
  await expect(page.getByTestId("consent-state")).toHaveText("opted in");
  await expect(page.getByRole("status")).toHaveText(/^Opt-in recorded; results computed as of 2026-10-31 \(run #\d+\)\.$/);
  await expect(page.getByTestId("persona-30d")).not.toContainText("not run");
  await expect(page.getByTestId("persona-180d")).not.toContainText("not run");
  await expect(page.getByTestId("not-computed")).toHaveCount(0);
  await page.getByRole("link", { name: "Preview what the customer would see" }).click();
  await expect(page.getByTestId("preview-summary")).toBeVisible();
  await expect(page.getByText("We need a little more history")).toHaveCount(0);
});
