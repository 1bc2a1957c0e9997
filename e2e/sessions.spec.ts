// Sessions end on the server, and sign-in only ever redirects within the site.
import { expect, test } from "@playwright/test";
import { E2E_PASSWORD } from "../playwright.config";
import { signIn } from "./support/sign-in";

test("a session cookie copied before sign-out is refused afterwards: back to sign-in, 401 from the API", async ({ page, browser }) => {
  await signIn(page, "operator@spendsense.local");
  await expect(page.getByTestId("signed-in-as")).toContainText("operator");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  expect(copied).toHaveLength(1);

  // Someone else's browser holding a copy of the cookie: it works while the session is open…
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies(copied);
  expect((await elsewhere.request.get("/api/me")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();

  // …and not once its owner signed out.
  const replay = await elsewhere.newPage();
  await replay.goto("/customers");
  await expect(replay).toHaveURL(/\/login\?callbackUrl=%2Fcustomers/);
  await expect(replay.getByTestId("signed-in-as")).toHaveCount(0);
  expect((await elsewhere.request.get("/api/me")).status()).toBe(401);
  expect((await elsewhere.request.get("/api/operator/review")).status()).toBe(401);
  await elsewhere.close();
});

for (const target of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "/%5C%5Cevil.example"]) {
  test(`signing in from /login?callbackUrl=${target} stays on this site`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${target}`);
    await page.getByLabel("Email").fill("analyst@spendsense.local");
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("analyst");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("a same-site callbackUrl is still followed after sign-in", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2Finsights");
  await page.getByLabel("Email").fill("analyst@spendsense.local");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/insights$/);
});
