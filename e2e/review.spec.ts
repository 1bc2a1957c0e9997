import type { Page } from "@playwright/test";
import { expect, test } from "./support/roles";

/** The ids in an item's test id ("item-12-13": its 30-day and 180-day copies). */
const ITEMS = 'li[data-testid^="item-"]';
/** Items the signed-in operator may decide: not those they flagged themselves (a second person must). */
const actionable = (page: Page) => page.locator(ITEMS).filter({ hasNot: page.getByText(/flagged by operator@/) });
const itemIds = (page: Page, n = Infinity) => actionable(page).evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute("data-testid")!.slice(5)), n);
/** How an action's notice names an item's copies. */
const named = (item: string) => (item.includes("-") ? `recommendations ${item.split("-").join(" and ")}` : `recommendation ${item}`);
const waiting = async (page: Page) => Number((await page.getByTestId("review-total").textContent())!.split(" ")[0].replace(/,/g, ""));

test("operator approves, rejects with a reason and flags, and sees the audit entries", async ({ operator: page, admin }) => {
  await page.goto("/review");
  const ids = await itemIds(page, 3);
  expect(ids).toHaveLength(3);

  await page.getByTestId(`item-${ids[0]}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Approved ${named(ids[0])}.`);

  const second = page.getByTestId(`item-${ids[1]}`);
  await second.getByRole("button", { name: /^Reject/ }).click();
  await expect(second.getByText("Reason needs at least 5 characters")).toBeVisible();
  await page.getByTestId(`item-${ids[1]}`).getByRole("textbox", { name: /^Reason for / }).fill("Offer does not fit this customer");
  await page.getByTestId(`item-${ids[1]}`).getByRole("button", { name: /^Reject/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Rejected ${named(ids[1])}.`);

  const third = page.getByTestId(`item-${ids[2]}`);
  await third.getByRole("textbox", { name: /^Reason for / }).fill("Wording needs a second look");
  await third.getByRole("button", { name: "Flag for second review" }).click();
  await expect(page.getByRole("status")).toHaveText(`Flagged ${named(ids[2])}.`);
  await expect(page.getByTestId(`item-${ids[2]}`)).toContainText("flagged");
  await expect(page.getByTestId(`item-${ids[0]}`)).toHaveCount(0);

  // The customer's page shows who did what and why.
  await page.locator('section[data-testid^="customer-"]', { has: page.getByTestId(`item-${ids[2]}`) }).getByRole("link", { name: /^usr_/ }).click();
  await expect(page.getByTestId("audit-log")).toContainText(`operator@spendsense.local · Flagged recommendation #${ids[2].split("-")[0]} · “Wording needs a second look”`);

  // The second look is someone else's: the admin approves it (and the queue has no item the operator may not decide).
  await admin.goto("/review");
  await admin.getByTestId(`item-${ids[2]}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(admin.getByRole("status")).toHaveText(`Approved ${named(ids[2])}.`);
});

test("two operators approving the same item: the second gets a conflict, not an overwrite", async ({ operator: pa, admin: pb }) => {
  await pa.goto("/review");
  await pb.goto("/review");
  const [id] = await itemIds(pa, 1);
  await pa.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(pa.getByRole("status")).toHaveText(`Approved ${named(id)}.`);
  await pb.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(pb.locator("#action-error")).toContainText(`Recommendation ${id.split("-")[0]} changed since you loaded it (now approved`);
});

test("batch approve asks first, then approves every copy of each selected item", async ({ operator: page }) => {
  await page.goto("/review");
  const before = await waiting(page);
  const boxes = actionable(page).locator('input[name="select"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const copies = (await boxes.evaluateAll((els) => els.slice(0, 2).map((e) => (e as HTMLInputElement).value.split(",").length))).reduce((a, b) => a + b, 0);
  // Dismissing the confirmation changes nothing.
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status")).toHaveCount(0);
  expect(await waiting(page)).toBe(before);
  page.once("dialog", (d) => {
    expect(d.message()).toContain(`Approve ${copies} recommendations?`);
    void d.accept();
  });
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status")).toHaveText(`Approved ${copies} recommendations.`);
  await expect(page.getByTestId("review-total")).toContainText(`${(before - copies).toLocaleString("en-US")} waiting`);

  // "Select all on this page" ticks every item's box.
  await page.getByLabel("Select all on this page").check();
  const all = page.locator('input[name="select"]');
  expect(await all.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true);
  expect(await all.count()).toBe(await page.locator(ITEMS).count());
});

test("each card is one customer by name, with the 30-day and 180-day copies of the same item together", async ({ operator: page }) => {
  await page.goto("/review");
  const cards = page.locator('section[data-testid^="customer-"]');
  const userIds = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice(9)));
  expect(new Set(userIds).size).toBe(userIds.length);
  let pair: string | undefined;
  for (let p = 1; !pair; p++) {
    if (p > 1) await page.goto(`/review?page=${p}`);
    pair = (await itemIds(page)).find((id) => id.includes("-"));
    if (!pair && !(await page.getByRole("link", { name: "Next →" }).count())) break;
  }
  expect(pair, "an item pending in both windows").toBeDefined();
  const item = page.getByTestId(`item-${pair}`);
  const [first, second] = pair!.split("-");
  await expect(item.getByTestId(`copy-${first}`)).toContainText("30-day window");
  await expect(item.getByTestId(`copy-${second}`)).toContainText("180-day window");
  const card = page.locator('section[data-testid^="customer-"]', { has: item });
  const heading = (await card.getByRole("heading").textContent())!;
  const userId = heading.match(/usr_\d+/)![0];
  const name = heading.replace(userId, "").trim();
  expect(name.length).toBeGreaterThan(0);
  await page.goto(`/customers/${userId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
});

test("acting on page 2 with 'flagged only' on returns to page 2 with the filter", async ({ admin, operator: page }) => {
  test.setTimeout(90_000);
  const flaggedCustomers = async () => {
    await admin.goto("/review?flagged=1");
    return Number((await admin.getByTestId("review-total").textContent())!.match(/([\d,]+) customers/)![1].replace(/,/g, ""));
  };
  // Seven customers with a flagged item (five a page), flagged by the admin: the operator is the second person.
  for (let n = await flaggedCustomers(), p = 1; n < 7; ) {
    await admin.goto(`/review?page=${p}`);
    const card = admin.locator('section[data-testid^="customer-"]').filter({ hasNot: admin.getByText(/^flagged/) }).first();
    if (!(await card.count())) {
      p++;
      continue;
    }
    const item = card.locator(ITEMS).first();
    await item.getByRole("textbox", { name: /^Reason for / }).fill("Second look at the numbers, please");
    await item.getByRole("button", { name: "Flag for second review" }).click();
    await expect(admin.getByRole("status")).toContainText("Flagged");
    n = await flaggedCustomers();
  }

  await page.goto("/review?flagged=1&page=2");
  await expect(page.getByTestId("review-total")).toContainText("page 2 of");
  await expect(page.getByLabel("Flagged only")).toBeChecked();
  const [id] = await itemIds(page, 1);
  await page.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Approved ${named(id)}.`);
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page).toHaveURL(/[?&]flagged=1(&|$)/);
  await expect(page.getByTestId("review-total")).toContainText("page 2 of");
  await expect(page.getByLabel("Flagged only")).toBeChecked();
  await expect(page.getByTestId(`item-${id}`)).toHaveCount(0);
  expect(await page.locator(ITEMS).evaluateAll((els) => els.every((e) => e.textContent!.includes("flagged")))).toBe(true);

  // A refused action (no reason) returns to the same page and filters too.
  const [next] = await itemIds(page, 1);
  await page.getByTestId(`item-${next}`).getByRole("button", { name: /^Reject/ }).click();
  await expect(page.getByTestId(`item-${next}`).getByText("Reason needs at least 5 characters")).toBeVisible();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.getByLabel("Flagged only")).toBeChecked();

  // The other filters live in the URL as well, and applying them starts at page 1.
  await page.getByLabel("Flagged only").uncheck();
  await page.getByLabel("Window").selectOption("180d");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/window=180d/);
  await expect(page).not.toHaveURL(/flagged=1/);
  await expect(page.getByTestId("review-total")).toContainText("page 1 of");
  const windows = await page.locator('[data-testid^="copy-"]').allTextContents();
  expect(windows.length).toBeGreaterThan(0);
  expect(windows.every((w) => w.includes("180-day window"))).toBe(true);
});

test("keyboard: j/k move between items, a approves the one in focus, and typing in a field is left alone", async ({ operator: page }) => {
  await page.goto("/review");
  await expect(page.getByTestId("shortcuts")).toContainText("approve the item in focus");
  const ids = await itemIds(page, 2);
  await page.keyboard.press("j");
  await expect(page.getByTestId(`item-${ids[0]}`)).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByTestId(`item-${ids[1]}`)).toBeFocused();
  // r moves to the reason box; letters typed there are text, not shortcuts.
  await page.keyboard.press("r");
  const reason = page.getByTestId(`item-${ids[1]}`).getByRole("textbox", { name: /^Reason for / });
  await expect(reason).toBeFocused();
  await page.keyboard.type("a j k");
  await expect(reason).toHaveValue("a j k");
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("k");
  await expect(page.getByTestId(`item-${ids[0]}`)).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByRole("status")).toHaveText(`Approved ${named(ids[0])}.`);
  await expect(page.getByTestId(`item-${ids[0]}`)).toHaveCount(0);
});

test("analysts cannot open the review queue", async ({ analyst: page }) => {
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
});

test("the queue updates live when another operator acts, and the stream needs a session", async ({ admin: watcher, operator: actor, request }) => {
  expect((await request.get("/api/review/stream")).status()).toBe(401);
  await watcher.goto("/review");
  const before = Number((await watcher.getByTestId("live-pending").textContent())!.replace(/\D/g, ""));
  await actor.goto("/review");
  const [id] = await itemIds(actor, 1);
  await actor.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(actor.getByRole("status")).toHaveText(`Approved ${named(id)}.`);
  // No reload on the watcher's page: the count and the list follow the server.
  const copies = id.split("-").length;
  await expect(watcher.getByTestId("live-pending")).toHaveText(`Live: ${(before - copies).toLocaleString("en-US")} waiting for review`, { timeout: 10_000 });
  await expect(watcher.getByTestId(`item-${id}`)).toHaveCount(0, { timeout: 10_000 });
});

test("an analyst's session gets 403 from the review stream, in the error shape", async ({ analyst: page }) => {
  const res = await page.request.get("/api/review/stream");
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Your role (analyst) may not do this (review:act)." } });
});

test("operator swaps in another eligible item and overrides a persona with a justification; the audit log shows both", async ({ operator: page }) => {
  await page.goto("/review");
  const ids = await page.locator(`${ITEMS} a`, { hasText: "Override" }).evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname.split("/").pop()!));
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
  await expect(page.getByTestId("replacement")).toContainText("(Approved)");
  await expect(page.getByRole("heading", { name: /Current:/ })).toContainText("Replaced by a reviewer");

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
  await expect(page.getByRole("status")).toHaveText(/^Persona override recorded for the 30d window; \d+ recommendations? remade for it await review\.$/);
  await expect(page.getByTestId("persona-override-30d")).toContainText("by operator@spendsense.local");
  await expect(page.getByTestId("persona-override-30d")).toContainText("“Income became regular after the new contract”");
  await expect(page.getByTestId("audit-log")).toContainText("Overrode persona");

  // Revoking consent removes what was derived from their data; the override page shows none of it.
  await page.getByLabel("Note (what the customer said, where)").fill("Customer withdrew consent in branch");
  await page.getByLabel(/Remove everything derived from their data/).check();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Record revocation" }).click();
  await expect(page.getByTestId("consent-state")).toHaveText("not given");
  await expect(page.getByTestId("audit-log")).toContainText(`operator@spendsense.local · Swapped in another item for recommendation #${id}`);
  await expect(page.getByTestId("audit-log")).not.toContainText("Customer asked about this topic by phone");
  await expect(page.getByTestId("audit-log")).not.toContainText("Income became regular");
  await page.goto(`/review/${id}`);
  await expect(page.getByRole("heading", { name: /Current:/ })).toContainText("Replaced by a reviewer");
  await expect(page.getByTestId("current-rationale")).toHaveText("Removed: consent revoked.");
  await expect(page.getByText(rationale)).toHaveCount(0);
  await expect(page.getByText("Nothing can be swapped in")).toBeVisible();
});
