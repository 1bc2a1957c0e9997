import { expect, test } from "./support/roles";
import { requestRun } from "./support/runs";

test("operator starts an engine run and watches it finish without reloading", async ({ operator: page }) => {
  await page.goto("/runs");
  const before = await page.locator("tbody tr").count();
  await requestRun(page, "2026-10-31");
  await expect(page.getByRole("status")).toHaveText("Engine run as of 2026-10-31 started; progress below.");
  const job = page.locator('li[data-testid^="job-"]').first();
  await expect(job).toContainText("finished", { timeout: 20_000 });
  await expect(job).toContainText(/Engine run #\d+: \d+ customers, \d+ recommendations/);
  // The page refreshed itself: the history has the new run, finished.
  await expect(page.locator("tbody tr")).toHaveCount(before + 1);
  await expect(page.locator("tbody tr").first()).toContainText("finished");
});

test("analysts cannot start runs or watch the job stream", async ({ analyst: page }) => {
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  const res = await page.request.get("/api/jobs/stream");
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
});
