import { expect, test } from "./support/roles";

test("operator approves, rejects with a reason and flags, and sees the audit entries", async ({ operator: page }) => {
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
  await expect(page.getByTestId("audit-log")).toContainText(`operator@spendsense.local · Flagged recommendation #${ids[2]} · “Wording needs a second look”`);
});

test("two operators approving the same item: the second gets a conflict, not an overwrite", async ({ operator: pa, admin: pb }) => {
  await pa.goto("/review");
  await pb.goto("/review");
  const id = (await pa.locator('li[data-testid^="rec-"]').first().getAttribute("data-testid"))!.slice(4);
  await pa.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(pa.getByRole("status")).toHaveText(`Approved recommendation ${id}.`);
  await pb.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(pb.locator("#review-error")).toContainText(`recommendation ${id} changed since you loaded it (now approved`);
});

test("batch approve approves every selected item", async ({ operator: page }) => {
  await page.goto("/review");
  const before = Number((await page.getByTestId("review-total").textContent())!.split(" ")[0].replace(/,/g, ""));
  const boxes = page.getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved 2 recommendations.");
  await expect(page.getByTestId("review-total")).toContainText(`${(before - 2).toLocaleString("en-US")} waiting`);
});

test("analysts cannot open the review queue", async ({ analyst: page }) => {
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
});

test("the queue updates live when another operator acts, and the stream needs a session", async ({ operator: watcher, admin: actor, request }) => {
  expect((await request.get("/api/review/stream")).status()).toBe(401);
  await watcher.goto("/review");
  const before = Number((await watcher.getByTestId("live-pending").textContent())!.replace(/\D/g, ""));
  await actor.goto("/review");
  const id = (await actor.locator('li[data-testid^="rec-"]').first().getAttribute("data-testid"))!.slice(4);
  await actor.getByTestId(`rec-${id}`).getByRole("button", { name: "Approve" }).click();
  await expect(actor.getByRole("status")).toHaveText(`Approved recommendation ${id}.`);
  // No reload on the watcher's page: the count and the list follow the server.
  await expect(watcher.getByTestId("live-pending")).toHaveText(`Live: ${(before - 1).toLocaleString("en-US")} waiting for review`, { timeout: 10_000 });
  await expect(watcher.getByTestId(`rec-${id}`)).toHaveCount(0, { timeout: 10_000 });
});

test("an analyst's session gets 403 from the review stream, in the error shape", async ({ analyst: page }) => {
  const res = await page.request.get("/api/review/stream");
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Your role (analyst) may not do this (review:act)." } });
});

test("operator swaps in another eligible item and overrides a persona with a justification; the audit log shows both", async ({ operator: page }) => {
  await page.goto("/review");
  const ids = await page.locator('li[data-testid^="rec-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice(4)));
  let id: string | undefined;
  for (const candidate of ids) {
    await page.goto(`/review/${candidate}`);
    if (await page.getByRole("button", { name: "Swap and approve" }).count()) {
      id = candidate;
      break;
    }
  }
  expect(id, "a pending recommendation with an eligible alternative").toBeDefined();
  const rationale = (await page.getByTestId("current-rationale").textContent())!;
  const alternative = page.getByRole("radio").last();
  const contentId = (await alternative.getAttribute("value"))!;
  await alternative.check();
  await page.getByLabel("Why this item fits better").fill("Customer asked about this topic by phone");
  await page.getByRole("button", { name: "Swap and approve" }).click();
  await expect(page.getByRole("status")).toContainText(`Swapped in ${contentId} as recommendation`);
  await expect(page.getByTestId("replacement")).toContainText("(approved)");
  await expect(page.getByRole("heading", { name: /Current:/ })).toContainText("overridden");

  // The customer's page shows the swapped-in item and who did it, then takes a persona override.
  await page.getByRole("link", { name: /^usr_/ }).click();
  await expect(page.getByText("swapped in by a reviewer").first()).toBeVisible();
  await expect(page.getByTestId("audit-log")).toContainText(`operator@spendsense.local · Swapped in another item for recommendation #${id} · “Customer asked about this topic by phone”`);

  const card = page.getByTestId("persona-30d");
  await card.getByText("Override persona for 30d").click();
  const select = card.getByLabel("Persona");
  const current = await select.inputValue();
  const other = (await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current)!;
  await select.selectOption(other);
  await card.getByLabel("Justification (at least 20 characters)").fill("Income became regular after the new contract");
  await card.getByRole("button", { name: "Record override" }).click();
  await expect(page.getByRole("status")).toHaveText("Persona override recorded for the 30d window.");
  await expect(page.getByTestId("persona-override-30d")).toContainText("by operator@spendsense.local");
  await expect(page.getByTestId("persona-override-30d")).toContainText("“Income became regular after the new contract”");
  await expect(page.getByTestId("audit-log")).toContainText("Overrode persona");

  // Revoking consent removes what was derived from their data; the override page shows none of it.
  await page.getByLabel("Note (what the customer said, where)").fill("Customer withdrew consent in branch");
  await page.getByLabel(/Remove everything derived from their data/).check();
  await page.getByRole("button", { name: "Record revocation" }).click();
  await expect(page.getByTestId("consent-state")).toHaveText("not given");
  await expect(page.getByTestId("audit-log")).toContainText(`operator@spendsense.local · Swapped in another item for recommendation #${id}`);
  await expect(page.getByTestId("audit-log")).not.toContainText("Customer asked about this topic by phone");
  await expect(page.getByTestId("audit-log")).not.toContainText("Income became regular");
  await page.goto(`/review/${id}`);
  await expect(page.getByRole("heading", { name: /Current:/ })).toContainText("overridden");
  await expect(page.getByTestId("current-rationale")).toHaveText("Removed: consent revoked.");
  await expect(page.getByText(rationale)).toHaveCount(0);
  await expect(page.getByText("Nothing can be swapped in")).toBeVisible();
});
