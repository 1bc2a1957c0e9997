// Two `next start` instances on one PostgreSQL behave as one (issue 14 point 4): what one
// instance does, the other knows — sessions, the one-run-at-a-time rule, rate limits, review
// conflicts and live streams. Every test acts on one instance and checks on the other.
import { spawn, spawnSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DATABASE_URL, PORT_A, PORT_B, RATE_LIMIT } from "../playwright.pg.config";
import { E2E_PASSWORD } from "../playwright.config";
import { requestRun } from "../e2e/support/runs";

const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;

async function signedIn(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

/** The CLI on the shared database (what an operator at a terminal would do). */
function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, ["bin/spendsense.mjs", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL } });
  if (r.status !== 0) throw new Error(`spendsense ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

test("both instances serve the same database, and report it healthy", async ({ request }) => {
  for (const base of [A, B]) {
    const res = await request.get(`${base}/api/health`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(JSON.stringify(body)).toContain("postgres");
  }
});

test("a session opened on A works on B, and signing out on B ends it on A too", async ({ browser }) => {
  const page = await signedIn(browser, A, "operator@spendsense.local");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  expect(copied).toHaveLength(1);
  // Cookies are per host, not per port: the same browser is signed in on B.
  await page.goto(`${B}/customers`);
  await expect(page.getByTestId("signed-in-as")).toContainText("operator");

  // A second browser holding a copy of the cookie uses A while the session is open…
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies(copied);
  expect((await elsewhere.request.get(`${A}/api/me`)).status()).toBe(200);

  // …and not once its owner signed out on B: the session ended in the shared database.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();
  expect((await elsewhere.request.get(`${A}/api/me`)).status()).toBe(401);
  await elsewhere.close();
});

test("the API rate limit is one budget per key across both instances", async ({ request }) => {
  const key = cli("apikey", "create", "--name", "two-instances", "--scopes", "customers:read").trim().split("\n").pop()!;
  const user = "usr_00001";
  const statuses: number[] = [];
  // Alternate instances, as a round-robin balancer would: 30 + 30 requests against a limit of 40.
  for (let i = 0; i < 30; i++) {
    for (const base of [A, B]) {
      statuses.push((await request.get(`${base}/api/profile/${user}`, { headers: { authorization: `Bearer ${key}` } })).status());
    }
  }
  expect(statuses.filter((s) => s !== 429)).toHaveLength(RATE_LIMIT);
  expect(statuses.filter((s) => s === 429)).toHaveLength(60 - RATE_LIMIT);
});

test("two operators approving the same item on different instances: the second gets a conflict", async ({ browser }) => {
  const pa = await signedIn(browser, A, "operator@spendsense.local");
  const pb = await signedIn(browser, B, "admin@spendsense.local");
  // B's page stays as it was loaded (its live stream cut), as a page loaded just before A acted.
  await pb.route("**/api/review/stream", (route) => route.abort());
  await pa.goto(`${A}/review`);
  await pb.goto(`${B}/review`);
  const item = pa.locator('li[data-testid^="item-"]').filter({ hasNot: pa.getByText(/flagged by operator@/) }).first();
  const id = (await item.getAttribute("data-testid"))!.slice(5);
  await pa.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(pa.getByRole("status")).toContainText("Approved");
  await pb.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(pb.locator("#action-error")).toContainText(`changed since you loaded it (now approved`);
});

test("the review queue on B follows a decision taken on A, live", async ({ browser }) => {
  const watcher = await signedIn(browser, B, "admin@spendsense.local");
  await watcher.goto(`${B}/review`);
  const before = Number((await watcher.getByTestId("live-pending").textContent())!.replace(/\D/g, ""));
  const actor = await signedIn(browser, A, "operator@spendsense.local");
  await actor.goto(`${A}/review`);
  const item = actor.locator('li[data-testid^="item-"]').filter({ hasNot: actor.getByText(/flagged by operator@/) }).first();
  const id = (await item.getAttribute("data-testid"))!.slice(5);
  await actor.getByTestId(`item-${id}`).getByRole("button", { name: /^Approve/ }).click();
  await expect(actor.getByRole("status")).toContainText("Approved");
  const copies = id.split("-").length;
  await expect(watcher.getByTestId("live-pending")).toHaveText(`Live: ${(before - copies).toLocaleString("en-US")} waiting for review`, { timeout: 15_000 });
  await expect(watcher.getByTestId(`item-${id}`)).toHaveCount(0, { timeout: 15_000 });
});

test("a run started on A is the one run on B too: B shows its live progress, refuses a second, and sees a worker finish it", async ({ browser }) => {
  const pa = await signedIn(browser, A, "operator@spendsense.local");
  const pb = await signedIn(browser, B, "admin@spendsense.local");
  await pb.goto(`${B}/runs`);
  await pa.goto(`${A}/runs`);
  await requestRun(pa, "2026-10-31");
  await expect(pa.getByRole("status")).toContainText("Engine run as of 2026-10-31 started");

  // No worker is running yet: the run waits in the queue, and B's page shows it, live.
  const job = pb.locator('li[data-testid^="job-"]').first();
  await expect(job).toContainText("running", { timeout: 15_000 });
  await expect(job).toContainText("started by operator@spendsense.local");
  await expect(job.getByRole("note")).toContainText("Waiting for a worker: no worker has checked in within the last minute");
  await pb.screenshot({ path: test.info().outputPath("runs-waiting-for-a-worker.png"), fullPage: true });

  // B refuses a second run while A's is in progress.
  await requestRun(pb, "2026-10-31");
  await expect(pb.locator("#action-error")).toContainText(/a run is already in progress \(run #\d+ as of 2026-10-31, started by operator@spendsense.local, 0 of \d+ customers done\)/i);

  // A worker on a third process takes the chunks; B's page follows the run to its end.
  const worker = spawn(process.execPath, ["bin/spendsense.mjs", "worker"], { env: { ...process.env, DATABASE_URL }, stdio: "ignore" });
  try {
    await expect(job.getByRole("note")).toHaveCount(0, { timeout: 20_000 });
    await expect(job).toContainText("finished", { timeout: 45_000 });
    await expect(job).toContainText(/Engine run #\d+: \d+ customers, \d+ recommendations/);
  } finally {
    worker.kill("SIGTERM");
  }
});
