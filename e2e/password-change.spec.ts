// A temporary password must be changed at the next sign-in (issue 13 §16): an admin resets a staff
// member's password on /staff; signing in with it leads only to the change-password page (every
// other page and the API send them back or refuse) until they choose their own.
import { expect, test } from "./support/roles";
import { signIn } from "./support/sign-in";

const EMAIL = "reset.analyst@bank.example";
const CHOSEN = "my-own-password-2026";

test("an admin resets a password; the staff member must choose a new one before anything else", async ({ admin, browser }) => {
  test.setTimeout(90_000);
  // The account, then the reset: each hands out a temporary password once.
  await admin.goto("/staff");
  await admin.getByLabel("Email").fill(EMAIL);
  await admin.getByLabel("Role", { exact: true }).selectOption("analyst");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByTestId("temporary-password")).toBeVisible();
  const row = admin.getByTestId(`staff-${EMAIL}`);
  await row.getByLabel(`Yes, replace the password of ${EMAIL}`).check();
  await row.getByRole("button", { name: "Reset password" }).click();
  const shown = row.getByTestId("temporary-password");
  await expect(shown).toBeVisible();
  const temporary = (await shown.textContent())!;
  expect(temporary).toMatch(/^[A-Za-z0-9_-]{20}$/);

  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, EMAIL, temporary);
  await desk.goto("/");
  await expect(desk).toHaveURL(/\/change-password$/);
  await expect(desk.getByTestId("password-change-required")).toBeVisible();
  // Nothing else is open: pages send them back, the navigation offers only this, the API refuses.
  await desk.goto("/insights");
  await expect(desk).toHaveURL(/\/change-password$/);
  await expect(desk.getByRole("navigation", { name: "Staff" }).getByRole("link")).toHaveText(["Choose a new password"]);
  const api = await desk.request.get("/api/me");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("password_change_required");

  // A mismatch is refused beside the field; then the new password is set.
  await desk.getByLabel("Current (temporary) password").fill(temporary);
  await desk.getByLabel("New password", { exact: true }).fill(CHOSEN);
  await desk.getByLabel("New password again").fill("something-else-2026");
  await desk.getByRole("button", { name: "Set new password" }).click();
  await expect(desk.locator("#confirm-error")).toContainText("does not match the new password");
  await desk.getByLabel("Current (temporary) password").fill(temporary);
  await desk.getByLabel("New password", { exact: true }).fill(CHOSEN);
  await desk.getByLabel("New password again").fill(CHOSEN);
  await desk.getByRole("button", { name: "Set new password" }).click();
  await expect(desk.getByTestId("password-changed")).toContainText("Sign in again with your new password");

  // The temporary password no longer works; the chosen one opens the app as usual.
  await signIn(desk, EMAIL, temporary);
  await expect(desk.locator("#login-error")).toBeVisible();
  await signIn(desk, EMAIL, CHOSEN);
  await desk.goto("/insights");
  await expect(desk).toHaveURL(/\/insights$/);
  await expect(desk.getByRole("heading", { name: "Insights" })).toBeVisible();
  expect((await desk.request.get("/api/me")).status()).toBe(200);
  await desk.context().close();
});
