// Staff administration (issue 13 §16): an admin creates an account whose temporary password is shown
// once, changes its role (its session ends), disables it (it cannot sign in), and cannot disable
// the last admin.
import { expect, test } from "./support/roles";
import { signIn } from "./support/sign-in";

const EMAIL = "new.operator@bank.example";

test("admin creates an operator with a one-time password, changes its role, disables it; the last admin stays", async ({ admin, browser }) => {
  test.setTimeout(90_000);
  await admin.goto("/staff");
  await admin.getByLabel("Email").fill(EMAIL);
  await admin.getByLabel("Role", { exact: true }).selectOption("operator");
  await admin.getByRole("button", { name: "Create account" }).click();
  const shown = admin.getByTestId("temporary-password");
  await expect(shown).toBeVisible();
  const temporary = (await shown.textContent())!;
  expect(temporary).toMatch(/^[A-Za-z0-9_-]{20}$/);
  expect(admin.url()).not.toContain(temporary);
  // Shown once: not on the page once it is loaded again.
  await admin.reload();
  await expect(admin.getByTestId(`staff-${EMAIL}`)).toContainText("operator");
  await expect(admin.getByTestId("temporary-password")).toHaveCount(0);
  expect(await admin.content()).not.toContain(temporary);

  // The new operator signs in with it.
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, EMAIL, temporary);
  await expect(desk.getByTestId("signed-in-as")).toContainText("operator");

  // A role change ends the operator's session.
  const row = admin.getByTestId(`staff-${EMAIL}`);
  await row.getByLabel(`Role of ${EMAIL}`).selectOption("analyst");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(admin.getByRole("status")).toContainText(`${EMAIL} is now analyst (was operator); 1 session ended`);
  await desk.goto("/customers");
  await expect(desk).toHaveURL(/\/login\?callbackUrl=%2Fcustomers/);

  // Disabling needs the confirmation; a disabled account cannot sign in.
  await admin.getByTestId(`staff-${EMAIL}`).getByLabel(`Yes, disable ${EMAIL}`).check();
  await admin.getByTestId(`staff-${EMAIL}`).getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByRole("status")).toContainText(`Disabled ${EMAIL}`);
  await expect(admin.getByTestId(`staff-${EMAIL}`)).toContainText("Disabled");
  await signIn(desk, EMAIL, temporary);
  await expect(desk.locator("#login-error")).toBeVisible();
  await expect(desk.getByTestId("signed-in-as")).toHaveCount(0);
  await desk.context().close();

  // The only admin cannot be disabled (nor demoted), and stays signed in.
  const self = admin.getByTestId("staff-admin@spendsense.local");
  await self.getByLabel("Yes, disable admin@spendsense.local").check();
  await self.getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByText("admin@spendsense.local is the last enabled admin and cannot be disabled")).toBeVisible();
  await admin.getByTestId("staff-admin@spendsense.local").getByLabel("Role of admin@spendsense.local").selectOption("operator");
  await admin.getByTestId("staff-admin@spendsense.local").getByRole("button", { name: "Change role" }).click();
  await expect(admin.getByText("admin@spendsense.local is the last enabled admin and cannot be made operator")).toBeVisible();
  await expect(admin.getByTestId("signed-in-as")).toContainText("admin");
});
