// Review decisions stick (issue 13): a rejected item does not come back on re-runs, and an item
// flagged for a second review needs a different staff member to decide it.
import { expect, test } from "./support/roles";
import type { Page } from "@playwright/test";

const ITEMS = 'li[data-testid^="item-"]';

async function runEngine(page: Page) {
  await page.goto("/runs");
  await page.getByLabel("As of (the day both windows end)").fill("2026-10-31");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Run the engine for every consenting customer" }).click();
  await expect(page.getByRole("status")).toHaveText("Engine run as of 2026-10-31 started; progress below.");
  await expect(page.locator('li[data-testid^="job-"]').first()).toContainText("finished", { timeout: 20_000 });
}

test("a rejected item stays rejected after two re-runs", async ({ operator: page }) => {
  await page.goto("/review");
  const card = page.locator(ITEMS).first();
  const ids = (await card.getAttribute("data-testid"))!.slice(5);
  const title = await card.evaluate((el) => el.querySelector("p.font-medium")!.firstChild!.textContent!.trim());
  const userId = (await page.locator('section[data-testid^="customer-"]', { has: page.getByTestId(`item-${ids}`) }).getByRole("link", { name: /^usr_/ }).textContent())!.trim();
  await card.getByRole("textbox", { name: /^Reason for / }).fill("Customer already has this covered");
  await card.getByRole("button", { name: /^Reject/ }).click();
  await expect(page.getByRole("status")).toHaveText(new RegExp(`^Rejected recommendations? ${ids.split("-").join(" and ")}\\.$`));

  await runEngine(page);
  await runEngine(page);

  await page.goto(`/customers/${userId}`);
  const recs = page.locator('section[aria-labelledby="recs"]');
  // Not live again (the page also lists the rejected copies, labelled as such).
  await expect(recs.locator("li").filter({ hasText: title }).filter({ hasText: /Waiting for review|Approved|Delivered/ })).toHaveCount(0);
  // The decision says why it was left out.
  await recs.getByText(/Decision table for 30d/).click();
  await recs.getByText(/Decision table for 180d/).click();
  await expect(recs.getByText(/rejected by a reviewer for the run of 2026-10-31; not recommended again within 30 days/i).filter({ visible: true }).first()).toBeVisible();
});

test("flag for second review: the flagger cannot approve it, a different staff member can", async ({ operator: flagger, admin: second }) => {
  await flagger.goto("/review");
  const ids = (await flagger.locator(ITEMS).first().getAttribute("data-testid"))!.slice(5);
  const card = flagger.getByTestId(`item-${ids}`);
  const named = new RegExp(`recommendations? ${ids.split("-").join(" and ")}\\.$`);
  await card.getByRole("textbox", { name: /^Reason for / }).fill("Wording needs a second look");
  await card.getByRole("button", { name: "Flag for second review" }).click();
  await expect(flagger.getByRole("status")).toHaveText(named);
  await expect(card).toContainText("flagged by operator@spendsense.local: a different staff member must approve or reject it");

  await card.getByRole("button", { name: /^Approve/ }).click();
  await expect(flagger.locator("#action-error")).toContainText(`You flagged recommendation ${ids.split("-")[0]} for a second review; a different staff member must approve, reject or swap it`);
  await expect(card).toBeVisible();

  await second.goto("/review");
  await second.getByTestId(`item-${ids}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(second.getByRole("status")).toHaveText(named);
  await expect(second.getByTestId(`item-${ids}`)).toHaveCount(0);
});
