// Alerts where people see them (issue 15 §5): an operator dismisses an alert on the customer page
// after confirming and it is gone from the customer's preview; a possible-fraud alert stays out of
// the preview until a second person releases it, and the open review queue updates by itself; the
// pages with alerts have no axe violation and no sideways scrolling on a phone.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/roles";
import { axeViolations } from "./support/axe";

type ApiAlert = { id: number; kind: string; title: string };

/** The first customer of the e2e data whose visible alerts include one that needs no review. */
async function customerWithAlert(request: APIRequestContext): Promise<{ userId: string; alert: ApiAlert }> {
  for (let i = 1; i <= 20; i++) {
    const userId = `usr_${String(i).padStart(5, "0")}`;
    const res = await request.get(`/api/alerts/${userId}?trace=false`);
    if (!res.ok()) continue;
    const alert = ((await res.json()).alerts as ApiAlert[])[0];
    if (alert) return { userId, alert };
  }
  throw new Error("the e2e data has no customer with a visible alert");
}

const card = (page: Page, id: number) => page.getByTestId(`alert-${id}`);

test("an operator dismisses an alert after confirming, and it is gone from the customer's preview", async ({ operator: page }) => {
  const { userId, alert } = await customerWithAlert(page.request);
  await page.goto(`/customers/${userId}/preview`);
  await expect(card(page, alert.id)).toContainText(alert.title);

  await page.goto(`/customers/${userId}`);
  const staffCard = page.getByTestId("alerts-section").getByTestId(`alert-${alert.id}`);
  await expect(staffCard.getByTestId("alert-state")).toContainText("New, not yet shown");
  await staffCard.getByText("How this was decided").click();
  await expect(staffCard.getByTestId("alert-trace")).toContainText("What the rule read");

  // Cancelling the confirmation changes nothing.
  page.once("dialog", (d) => void d.dismiss());
  await staffCard.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(staffCard.getByTestId("alert-state")).toContainText("New, not yet shown");

  page.once("dialog", (d) => {
    expect(d.message()).toContain("The customer will no longer see it");
    void d.accept();
  });
  await staffCard.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Alert ${alert.id} dismissed; the customer no longer sees it.`);
  await expect(staffCard.getByTestId("alert-state")).toContainText(/Dismissed by operator@spendsense.local/);
  await expect(staffCard.getByRole("button", { name: /^Dismiss/ })).toHaveCount(0);

  await page.goto(`/customers/${userId}/preview`);
  await expect(page.getByTestId("preview-alerts")).toBeVisible();
  await expect(card(page, alert.id)).toHaveCount(0);
});

test("a possible-fraud alert reaches the preview only once a second person releases it; the open queue updates by itself", async ({ operator, admin }) => {
  await operator.goto("/");
  await expect(operator.getByTestId("work-alerts")).toContainText("Alerts waiting for review");
  await operator.getByTestId("work-alerts").getByRole("link", { name: /Review the alerts/ }).click();
  const section = operator.getByTestId("alert-reviews");
  const first = section.locator('li[data-testid^="alert-"]').first();
  await expect(first).toContainText("Waiting for a second look");
  const id = Number((await first.getAttribute("data-testid"))!.slice("alert-".length));
  const userId = (await section.locator("li", { has: operator.getByTestId(`alert-${id}`) }).first().getByRole("link").textContent())!.trim();

  await operator.goto(`/customers/${userId}/preview`);
  await expect(operator.getByTestId("preview-alerts")).toBeVisible();
  await expect(card(operator, id)).toHaveCount(0);

  // The operator keeps the queue open while a second person releases the alert from the customer page.
  await operator.goto("/review");
  await expect(operator.getByTestId(`alert-${id}`)).toBeVisible();
  await admin.goto(`/customers/${userId}`);
  const adminCard = admin.getByTestId("alerts-section").getByTestId(`alert-${id}`);
  await expect(adminCard).toContainText("Waiting for a second look");
  admin.once("dialog", (d) => void d.accept());
  await adminCard.getByRole("button", { name: "Release to customer" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Alert ${id} released to the customer.`);
  await expect(adminCard.getByTestId("alert-state")).toContainText("Released to the customer by admin@spendsense.local");

  // No reload: the live alert counts refresh the operator's queue.
  await expect(operator.getByTestId(`alert-${id}`)).toHaveCount(0, { timeout: 15_000 });

  await operator.goto(`/customers/${userId}/preview`);
  await expect(card(operator, id)).toBeVisible();
  await expect(card(operator, id).getByTestId("alert-severity")).toHaveText(/Act now|Act soon|For information/);
});

test("the pages with alerts have no axe violation and no sideways scrolling at 390 px; screenshots at 390 and 1366 px", async ({ operator: page }, info) => {
  test.setTimeout(240_000);
  const { userId } = await customerWithAlert(page.request);
  const found: string[] = [];
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const url of [`/customers/${userId}`, `/customers/${userId}/preview`, "/review", "/insights", "/"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      // The trace of every alert open, so its table is checked too.
      for (const summary of await page.getByText("How this was decided").all()) await summary.click();
      for (const line of await axeViolations(page)) found.push(`${width}px ${url}: ${line}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (width === 390) expect(overflow, `${url} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
      if (url.endsWith("/preview")) await page.screenshot({ path: info.outputPath(`preview-${width}.png`), fullPage: true });
      else if (url.startsWith("/customers/")) await page.getByTestId("alerts-section").screenshot({ path: info.outputPath(`customer-alerts-${width}.png`) });
    }
  }
  expect(found, `axe-core found:\n${found.join("\n")}`).toEqual([]);
});
