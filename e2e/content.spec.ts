import { expect, test } from "./support/roles";

test("admin writes content that cannot approve itself; an operator approves it", async ({ admin, operator }) => {
  await admin.goto("/content");
  await admin.getByText("New content").click();
  await admin.getByLabel("Id").fill("edu-e2e-cushion-basics");
  await admin.getByLabel("Format").selectOption("checklist");
  await admin.getByLabel("Title").fill("Cushion basics checklist");
  await admin.getByLabel("Summary").fill("Three small steps toward a first cash cushion.");
  await admin.getByLabel("Because (completes the data-citing rationale)").fill("This checklist breaks a first savings goal into small steps.");
  await admin.getByLabel("Fee Fighter").check();
  await admin.getByLabel("Triggers").selectOption(["fees_overdraft"]);
  await admin.getByRole("button", { name: "Save draft" }).click();
  await expect(admin.getByRole("status")).toHaveText("Saved draft edu-e2e-cushion-basics.");
  const row = admin.getByTestId("content-edu-e2e-cushion-basics");
  await expect(row).toContainText("draft");
  await row.getByRole("button", { name: "Submit for review" }).click();
  await expect(admin.getByTestId("content-edu-e2e-cushion-basics")).toContainText("in review");
  await admin.getByTestId("content-edu-e2e-cushion-basics").getByRole("button", { name: "Approve" }).click();
  await expect(admin.locator("#action-error")).toHaveText("The author of an item cannot approve it; another operator or admin must");

  await operator.goto("/content");
  await operator.getByTestId("content-edu-e2e-cushion-basics").getByRole("button", { name: "Approve" }).click();
  await expect(operator.getByRole("status")).toHaveText("edu-e2e-cushion-basics is now approved.");
});

test("harmful products are refused on save", async ({ operator: page }) => {
  await page.goto("/content");
  await page.getByText("New content").click();
  await page.getByLabel("Id").fill("offer-e2e-fast-cash");
  await page.getByLabel("Kind").selectOption("offer");
  await page.getByLabel("Format").selectOption("offer");
  await page.getByLabel("Title").fill("Fast payday loan");
  await page.getByLabel("Summary").fill("Cash before payday, no credit check.");
  await page.getByLabel("Because (completes the data-citing rationale)").fill("Money arrives the same day you apply.");
  await page.getByLabel("Variable Income Budgeter").check();
  await page.getByLabel("Triggers").selectOption(["income_low_buffer"]);
  await page.getByLabel("Product category (offers)").fill("payday_loan");
  await page.getByLabel("Partner (offers)").fill("FastCash");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#action-error")).toContainText('Content "offer-e2e-fast-cash" cannot be stored');
  await expect(page.getByTestId("content-offer-e2e-fast-cash")).toHaveCount(0);
});

test("analysts can read the catalog but not change it", async ({ analyst: page }) => {
  await page.goto("/content");
  await expect(page.getByRole("heading", { name: "Content catalog" })).toBeVisible();
  await expect(page.getByText("New content")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("an operator edits the admin's approved item: it returns to draft with the operator as author, and the admin approves the new wording", async ({ admin, operator }) => {
  await operator.goto("/content");
  await operator.getByRole("link", { name: "Cushion basics checklist" }).click();
  await expect(operator.getByTestId("content-status")).toHaveText("Approved");
  await operator.getByLabel("Title").fill("Cushion basics, step by step");
  await operator.getByRole("button", { name: "Save changes" }).click();
  await expect(operator.getByRole("status")).toHaveText("Saved edu-e2e-cushion-basics; it is a draft again and out of recommendations until approved.");
  await expect(operator.getByRole("heading", { name: "Cushion basics, step by step" })).toBeVisible();
  await expect(operator.getByTestId("content-history")).toContainText("operator@spendsense.local · Edited content item");

  await admin.goto("/content");
  const row = admin.getByTestId("content-edu-e2e-cushion-basics");
  await expect(row).toContainText("operator@spendsense.local");
  await row.getByRole("button", { name: "Submit for review" }).click();
  await admin.getByTestId("content-edu-e2e-cushion-basics").getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("status")).toHaveText("edu-e2e-cushion-basics is now approved.");
});
