// One saved sign-in per role (made once by auth.setup.ts through the real login form). Specs
// ask for a signed-in page by role — `async ({ operator }) => …` — and may use several roles
// in one test (each its own browser context, like two people at two desks).
import path from "node:path";
import { test as base, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions";

export const stateOf = (role: Role) => path.resolve("e2e/.auth", `${role}.json`);

const signedIn =
  (role: Role) =>
  async ({ browser }: { browser: import("@playwright/test").Browser }, use: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ storageState: stateOf(role) });
    await use(await context.newPage());
    await context.close();
  };

export const test = base.extend<Record<Role, Page>>({
  admin: signedIn("admin"),
  operator: signedIn("operator"),
  analyst: signedIn("analyst"),
});
export { expect } from "@playwright/test";
