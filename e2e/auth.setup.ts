import { expect, test as setup } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { ROLES } from "../lib/auth/permissions";
import { stateOf } from "./support/roles";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@spendsense.local`);
    await expect(page.getByTestId("signed-in-as")).toContainText(role);
    await page.context().storageState({ path: stateOf(role) });
  });
}
