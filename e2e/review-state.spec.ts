// Review decisions stick (issue 13): a rejected item does not come back on re-runs, and an item
// flagged for a second review needs a different staff member to decide it.
import { expect, test } from "./support/roles";
import type { Page } from "@playwright/test";

async function runEngine(page: Page) {
  await page.goto("/runs");
  await page.getByLabel("As of (the day both windows end)").fill("2026-10-31");
  await page.getByRole("button", { name: "Run the engine for every consenting customer" }).click();
  await expect(page.getByRole("status")).toHaveText("Engine run as of 2026-10-31 started; progress below.");
  await expect(page.locator('li[data-testid^="job-"]').first()).toContainText("finished", { timeout: 20_000 });
}

test("a rejected item stays rejected after two re-runs", async ({ operator: page }) => {
  await page.goto("/review");
  const card = page.locator('li[data-testid^="rec-"]').first();
  const id = (await card.getAttribute("data-testid"))!.slice(4);
  const heading = (await card.locator("p.font-medium").textContent())!.trim();
  const [, kind, title] = /^#\d+ \[(\w+)\] (.+?)(?: flagged.*)?$/.exec(heading)!;
  const userId = (await card.locator("a.font-mono").textContent())!.trim();
  await card.getByLabel(`Reason for recommendation ${id}`).fill("Customer already has this covered");
  await card.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status")).toHaveText(`Rejected recommendation ${id}.`);

  await runEngine(page);
  await runEngine(page);

  await page.goto(`/customers/${userId}`);
  const recs = page.locator('section[aria-labelledby="recs"]');
  await expect(recs.locator("li").filter({ hasText: `[${kind}] ${title}` })).toHaveCount(0);
  // The decision says why it was left out.
  await recs.getByText(/Whole 30d decision/).click();
  await recs.getByText(/Whole 180d decision/).click();
  await expect(recs.getByText(/rejected by a reviewer for the run of 2026-10-31; not recommended again within 30 days/).first()).toBeVisible();
});

test("flag for second review: the flagger cannot approve it, a different staff member can", async ({ operator: flagger, admin: second }) => {
  await flagger.goto("/review");
  const card = flagger.locator('li[data-testid^="rec-"]').first();
  const id = (await card.getAttribute("data-testid"))!.slice(4);
  await card.getByLabel(`Reason for recommendation ${id}`).fill("Wording needs a second look");
  await card.getByRole("button", { name: "Flag for second review" }).click();
  await expect(flagger.getByRole("status")).toHaveText(`Flagged recommendation ${id}.`);
  await expect(flagger.getByTestId(`rec-${id}`)).toContainText("flagged by operator@spendsense.local: a different staff member must approve or reject it");

  await flagger.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(flagger.locator("#review-error")).toContainText(`you flagged recommendation ${id} for a second review; a different staff member must approve, reject or swap it`);
  await expect(flagger.getByTestId(`rec-${id}`)).toBeVisible();

  await second.goto("/review");
  await second.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(second.getByRole("status")).toHaveText(`Approved recommendation ${id}.`);
  await expect(second.getByTestId(`rec-${id}`)).toHaveCount(0);
});
