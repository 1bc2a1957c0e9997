import { expect, test } from "./support/roles";

test("an admin creates an API key, a system uses it within its scopes, and revoking it locks the system out", async ({ admin: page, request }) => {
  await page.goto("/api-keys");
  await page.getByLabel("Name (who uses it, for what)").fill("e2e partner app");
  await page.getByRole("checkbox", { name: /^recommendations:read/ }).check();
  await page.getByRole("checkbox", { name: /^review/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").textContent())!;
  expect(key).toMatch(/^ss_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  const prefix = key.split("_")[1];
  await expect(page.getByTestId(`key-${prefix}`)).toContainText("recommendations:read, review");
  const auth = { authorization: `Bearer ${key}` };

  // A consenting customer with recommendations, from the review queue the key may read.
  const queue = await request.get("/api/operator/review?pageSize=10", { headers: auth });
  expect(queue.status()).toBe(200);
  const userId = (await queue.json()).data[0].user_id as string;
  const recs = await request.get(`/api/recommendations/${userId}?window=30d`, { headers: auth });
  expect(recs.status()).toBe(200);
  const body = await recs.json();
  expect(body.user_id).toBe(userId);
  for (const r of body.windows["30d"].recommendations) {
    expect(r.disclaimer).toBe("This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.");
    expect(r.trace.candidate.content_id).toBe(r.content_id);
  }
  // Outside its scopes, and after revocation: refused in the one error shape.
  const profile = await request.get(`/api/profile/${userId}`, { headers: auth });
  expect(profile.status()).toBe(403);
  expect((await profile.json()).error.code).toBe("insufficient_scope");

  page.once("dialog", (d) => void d.accept());
  await page.getByTestId(`key-${prefix}`).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status")).toContainText(`Revoked e2e partner app (${prefix})`);
  const after = await request.get(`/api/recommendations/${userId}`, { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("invalid_api_key");
});

test("operators and analysts cannot manage API keys", async ({ operator, analyst }) => {
  for (const page of [operator, analyst]) {
    await page.goto("/api-keys");
    await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  }
});

test("the OpenAPI document and the docs page describe the API without signing in", async ({ page, request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toMatch(/^3\.1/);
  expect(Object.keys(doc.paths)).toContain("/api/recommendations/{userId}");
  await page.goto("/docs");
  await expect(page.getByText("/api/recommendations/{userId}").first()).toBeVisible();
});
