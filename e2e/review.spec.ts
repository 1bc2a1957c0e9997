import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test("operator approves, rejects with a reason and flags, and sees the audit entries", async ({ page }) => {
  await signIn(page, "operator@spendsense.local");
  await page.goto("/review");
  const items = page.locator('li[data-testid^="rec-"]');
  const ids = await items.evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute("data-testid")!.slice(4)));
  expect(ids).toHaveLength(3);

  await page.getByTestId(`rec-${ids[0]}`).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText(`Approved recommendation ${ids[0]}.`);

  const second = page.getByTestId(`rec-${ids[1]}`);
  await second.getByRole("button", { name: "Reject" }).click();
  await expect(page.locator("#review-error")).toContainText("a reason of at least 5 characters is required");
  await page.getByTestId(`rec-${ids[1]}`).getByLabel(`Reason for recommendation ${ids[1]}`).fill("Offer does not fit this customer");
  await page.getByTestId(`rec-${ids[1]}`).getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status")).toHaveText(`Rejected recommendation ${ids[1]}.`);

  const third = page.getByTestId(`rec-${ids[2]}`);
  await third.getByLabel(`Reason for recommendation ${ids[2]}`).fill("Wording needs a second look");
  await third.getByRole("button", { name: "Flag for second review" }).click();
  await expect(page.getByRole("status")).toHaveText(`Flagged recommendation ${ids[2]}.`);
  await expect(page.getByTestId(`rec-${ids[2]}`)).toContainText("flagged");
  await expect(page.getByTestId(`rec-${ids[0]}`)).toHaveCount(0);

  // The customer's page shows who did what and why.
  await page.getByTestId(`rec-${ids[2]}`).getByRole("link").first().click();
  await expect(page.getByTestId("audit-log")).toContainText(`operator@spendsense.local · recommendation.flag #${ids[2]} · “Wording needs a second look”`);
});

test("two operators approving the same item: the second gets a conflict, not an overwrite", async ({ browser }) => {
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const [pa, pb] = [await a.newPage(), await b.newPage()];
  await signIn(pa, "operator@spendsense.local");
  await signIn(pb, "admin@spendsense.local");
  await pa.goto("/review");
  await pb.goto("/review");
  const id = (await pa.locator('li[data-testid^="rec-"]').first().getAttribute("data-testid"))!.slice(4);
  await pa.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(pa.getByRole("status")).toHaveText(`Approved recommendation ${id}.`);
  await pb.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(pb.locator("#review-error")).toContainText(`recommendation ${id} changed since you loaded it (now approved`);
  await a.close();
  await b.close();
});

test("batch approve approves every selected item", async ({ page }) => {
  await signIn(page, "operator@spendsense.local");
  await page.goto("/review");
  const before = Number((await page.getByTestId("review-total").textContent())!.split(" ")[0].replace(/,/g, ""));
  const boxes = page.getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved 2 recommendations.");
  await expect(page.getByTestId("review-total")).toContainText(`${(before - 2).toLocaleString("en-US")} waiting`);
});

test("analysts cannot open the review queue", async ({ page }) => {
  await signIn(page, "analyst@spendsense.local");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
});

test("the queue updates live when another operator acts, and the stream needs a session", async ({ browser, request }) => {
  expect((await request.get("/api/review/stream")).status()).toBe(401);
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const [watcher, actor] = [await a.newPage(), await b.newPage()];
  await signIn(watcher, "operator@spendsense.local");
  await signIn(actor, "admin@spendsense.local");
  await watcher.goto("/review");
  const before = Number((await watcher.getByTestId("live-pending").textContent())!.replace(/\D/g, ""));
  await actor.goto("/review");
  const id = (await actor.locator('li[data-testid^="rec-"]').first().getAttribute("data-testid"))!.slice(4);
  await actor.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(actor.getByRole("status")).toHaveText(`Approved recommendation ${id}.`);
  // No reload on the watcher's page: the count and the list follow the server.
  await expect(watcher.getByTestId("live-pending")).toHaveText(`Live: ${(before - 1).toLocaleString("en-US")} waiting for review`, { timeout: 10_000 });
  await expect(watcher.getByTestId(`rec-${id}`)).toHaveCount(0, { timeout: 10_000 });
  await a.close();
  await b.close();
});

test("an analyst's session gets 403 from the review stream, in the error shape", async ({ page }) => {
  await signIn(page, "analyst@spendsense.local");
  const res = await page.request.get("/api/review/stream");
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Your role (analyst) may not do this (review:act)." } });
});
