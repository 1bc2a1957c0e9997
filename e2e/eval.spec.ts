import { expect, test } from "./support/roles";

// The web server's setup runs `spendsense eval` after `spendsense run` (playwright.config.ts).
test("analyst sees the latest evaluation: headline metrics, confusion matrix, fairness, working downloads", async ({ analyst: page }) => {
  await page.goto("/insights");
  const section = page.getByRole("region", { name: "Evaluation metrics" });
  await expect(section).toBeVisible();

  const headline = section.getByRole("table", { name: "Headline metrics against targets" });
  for (const name of ["Coverage", "Explainability", "Rationale faithfulness", "Relevance", "Persona accuracy", "Auditability", "Latency p95 (ms)"]) {
    await expect(headline.getByRole("rowheader", { name, exact: true }).first()).toBeVisible();
  }
  const matrix = section.getByRole("table", { name: /Persona confusion matrix, 180d window/ });
  await expect(matrix.getByRole("columnheader", { name: "High Utilization" })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: "Insufficient data" })).toBeVisible();
  await expect(section.getByRole("table", { name: /Persona and offer-access rates by group, 180d window/ })).toBeVisible();
  await expect(section.getByRole("figure", { name: /Engine time per customer/ })).toBeVisible();

  // A download link that works: the browser saves report.md, rendered from the stored metrics.
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download report.md" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^spendsense-eval-\d{4}-\d{2}-\d{2}-report\.md$/);
  const report = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(report).toString("utf8")).toMatch(/^# SpendSense evaluation — as of /);

  const href = await section.getByRole("link", { name: "Download metrics.json" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const metrics = await res.json();
  expect(metrics.schema).toBe("spendsense.eval/1");
  expect(metrics.metrics.map((m: { id: string }) => m.id)).toContain("coverage");
  // Aggregates only: no customer ids on the page or in what an analyst downloads.
  await expect(page.getByText(/usr_\d{5}/)).toHaveCount(0);
  expect(JSON.stringify(metrics)).not.toMatch(/usr_\d{5}/);
  expect((await page.request.get("/api/eval/latest/metrics.csv")).status()).toBe(200);
  expect((await page.request.get("/api/eval/latest/secrets.txt")).status()).toBe(404);
});

test("evaluation downloads need a session", async ({ request }) => {
  const res = await request.get("/api/eval/latest/metrics.json");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
});
