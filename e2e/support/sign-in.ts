import type { Page } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config";

/** Signs in through the form and waits until the app answered (signed in, or an error shown). */
export async function signIn(page: Page, email: string, password = E2E_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator('[data-testid="signed-in-as"], #login-error').first().waitFor();
}
