import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test("without a session the API answers 401 in the error shape", async ({ request }) => {
  const res = await request.get("/api/me");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in first." } });
});

for (const role of ["admin", "operator", "analyst"] as const) {
  test(`${role} signs in, sees their role, gets their permissions from the server, and signs out`, async ({ page }) => {
    await signIn(page, `${role}@spendsense.local`);
    await expect(page.getByTestId("signed-in-as")).toContainText(`${role}@spendsense.local`);
    await expect(page.getByTestId("signed-in-as")).toContainText(role);
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ email: `${role}@spendsense.local`, role });
    expect(body.permissions.includes("customers:read")).toBe(role !== "analyst");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByLabel("Email")).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "operator@spendsense.local", "not the password");
  await expect(page.locator("#login-error")).toHaveText("That email and password do not match a staff account.");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("repeated failures are throttled", async ({ page }) => {
  const email = "someone-guessing@spendsense.local";
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `guess number ${i}`);
    await expect(page.locator("#login-error")).toBeVisible();
  }
  await signIn(page, email, "guess number 6");
  await expect(page.locator("#login-error")).toContainText(/Too many failed attempts\. Try again in \d+ minute/);
});
