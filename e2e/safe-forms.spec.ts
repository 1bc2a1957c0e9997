// Issue 13 §6–9: banners come only from the server, forms keep what was typed and say what is
// wrong in plain words, destructive actions ask first and happen once, long text stays in bounds.
import { expect, test } from "./support/roles";
import type { Page } from "@playwright/test";

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("a notice or error in the URL is not shown: banners come only from the server", async ({ operator: page }) => {
  await page.goto(`/review?error=${encodeURIComponent("Security alert: read out your password to the caller")}&notice=${encodeURIComponent("All clear")}`);
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(page.getByText("Security alert")).toHaveCount(0);
  await expect(page.getByText("All clear")).toHaveCount(0);
  // The page's banner area is empty (Next's own route announcer is the page's only alert role).
  await expect(page.locator("#flash")).toHaveText("");
  await expect(page.locator("#action-error")).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("a refused content form keeps what was typed and says in plain words what is wrong", async ({ admin: page }) => {
  await page.goto("/content");
  await page.getByText("New content").click();
  await page.getByLabel("Id").fill("edu-e2e-short-title");
  await page.getByLabel("Title").fill("Tiny");
  await expect(page.getByTestId("title-count")).toHaveText("4 / 120");
  await page.getByLabel("Summary").fill("A summary that is long enough to pass.");
  await page.getByLabel("Because (completes the data-citing rationale)").fill("This explains the steps in plain words.");
  await page.getByLabel("Fee Fighter").check();
  await page.getByLabel("Triggers").selectOption(["fees_overdraft"]);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Title needs at least 5 characters").first()).toBeVisible();
  await expect(page.getByText(/Too small|expected string/)).toHaveCount(0);
  await expect(page.getByLabel("Title")).toHaveValue("Tiny");
  await expect(page.getByLabel("Id")).toHaveValue("edu-e2e-short-title");
  await expect(page.getByLabel("Summary")).toHaveValue("A summary that is long enough to pass.");
  await expect(page.getByLabel("Fee Fighter")).toBeChecked();
  await expect(page.getByLabel("Triggers")).toHaveValues(["fees_overdraft"]);
  await expect(page.getByTestId("content-edu-e2e-short-title")).toHaveCount(0);
});

test("revoking consent asks first; dismissing the question changes nothing", async ({ operator: page }) => {
  await page.goto("/customers?consent=yes&sort=user_id&dir=asc");
  const id = (await page.locator("tbody tr").first().locator("td").first().textContent())!.trim();
  await page.goto(`/customers/${id}`);
  await page.getByLabel(/Remove everything derived from their data/).check();
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.getByRole("button", { name: "Record revocation" }).click();
  await expect.poll(() => asked).toEqual([expect.stringMatching(/^confirm: .*deleted for good/)]);
  await page.reload();
  await expect(page.getByTestId("consent-state")).toHaveText("opted in");
  await expect(page.getByTestId("audit-log")).not.toContainText("consent.revoke");
});

test("a double click on start run starts one run", async ({ operator: page }) => {
  await page.goto("/runs");
  const before = await page.locator("tbody tr").count();
  let asked = 0;
  page.on("dialog", (d) => {
    asked += 1;
    void d.accept();
  });
  await page.getByRole("button", { name: "Run the engine for every consenting customer" }).dblclick();
  await expect(page.getByRole("status")).toContainText("started; progress below.");
  await expect(page.locator('li[data-testid^="job-"]').first()).toContainText("finished", { timeout: 20_000 });
  await expect(page.locator("tbody tr")).toHaveCount(before + 1);
  expect(asked).toBe(1);
  await expect(page.locator("#action-error")).toHaveCount(0);
});

test("a 20 000-character reason is refused with the limit shown, and long text never widens the page", async ({ operator: page }) => {
  await page.goto("/review");
  const id = (await page.locator('li[data-testid^="item-"]').first().getAttribute("data-testid"))!.slice(5);
  const row = page.getByTestId(`item-${id}`);
  const reason = row.getByRole("textbox", { name: /^Reason for / });
  // The browser holds the field to its documented limit and shows it.
  await reason.fill("x".repeat(20_000));
  expect((await reason.inputValue()).length).toBeLessThanOrEqual(2000);
  await expect(row.getByTestId("reason-count")).toContainText("/ 2,000");
  // A request that gets past the browser is refused by the server, next to the field.
  await reason.evaluate((el: HTMLInputElement) => {
    el.removeAttribute("maxlength");
    el.value = "y".repeat(20_000);
  });
  await row.getByRole("button", { name: /^Reject/ }).click();
  await expect(row.getByText("Reason can be at most 2,000 characters")).toBeVisible();
  await expect(page.getByTestId(`item-${id}`)).toBeVisible();
  expect(await noHorizontalOverflow(page)).toBe(true);

  // The longest reason allowed, with no spaces, wraps on the customer's page.
  await page.reload();
  const fresh = page.getByTestId(`item-${id}`);
  await fresh.getByRole("textbox", { name: /^Reason for / }).fill("z".repeat(2000));
  await fresh.getByRole("button", { name: "Flag for second review" }).click();
  await expect(page.getByRole("status")).toHaveText(new RegExp(`^Flagged recommendations? ${id.split("-").join(" and ")}\\.$`));
  await page.locator('section[data-testid^="customer-"]', { has: page.getByTestId(`item-${id}`) }).getByRole("link", { name: /^usr_/ }).click();
  await expect(page.getByTestId("audit-log")).toContainText("z".repeat(50));
  expect(await noHorizontalOverflow(page)).toBe(true);
});
