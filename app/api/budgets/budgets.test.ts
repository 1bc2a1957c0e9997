// Budgets through the developer API (issue 15), on a real SQLite file with generated customers,
// real keys and real staff sessions: create / list / change / delete with scopes, validation with
// field-level messages, consent-gated status and suggestions whose figures match the ledger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import * as one from "./[id]/route";
import * as list from "./route";
import * as status from "./status/route";
import * as suggestions from "./suggestions/route";

let env: ApiTestEnv;
let write: string;
let read: string;
let user: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 6 });
  write = await env.key(["budgets:write"]);
  read = await env.key(["budgets:read"]);
  user = env.consenting[0];
});
afterAll(() => env.cleanup());

const q = async (sql: string, args: (string | number)[] = []) => (await env.db.sql.execute({ sql, args })).rows;
const create = (body: unknown, key = write) => call(list.POST, { path: "/api/budgets", key, body });

describe("POST / GET / PATCH / DELETE /api/budgets", () => {
  it("creates a budget (source api, the accounts' currency), audits it, refuses a second live one for the category, lists it", async () => {
    const r = await create({ user_id: user, category: "FOOD_AND_DRINK", amount_cents: 45000 });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ user_id: user, category: "FOOD_AND_DRINK", amount_cents: 45000, currency: "USD", source: "api" });
    const audit = await q("SELECT action, user_id, details FROM audit_log WHERE target_type = 'budget' AND target_id = ?", [String(r.json.id)]);
    expect(audit.map((a) => ({ ...a }))).toEqual([{ action: "budget.create", user_id: user, details: JSON.stringify({ category: "FOOD_AND_DRINK", amount_cents: 45000, currency: "USD", source: "api" }) }]);

    const again = await create({ user_id: user, category: "FOOD_AND_DRINK", amount_cents: 1000 });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain(`already has a Food and drink budget (id ${r.json.id})`);

    const listed = await call(list.GET, { path: `/api/budgets?user_id=${user}`, key: read });
    expect(listed.status).toBe(200);
    expect(listed.json.data).toEqual([r.json]);
  });

  it("422 with the field and the reason for a bad category, amount or extra field; 404 for an unknown customer", async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ user_id: user, category: "INCOME", amount_cents: 100 }, "category", /not a Plaid PFC primary a budget can hold/],
      [{ user_id: user, category: "food", amount_cents: 100 }, "category", /not a Plaid PFC primary/],
      [{ user_id: user, category: "TRAVEL", amount_cents: 0 }, "amount_cents", /more than 0/],
      [{ user_id: user, category: "TRAVEL", amount_cents: 12.5 }, "amount_cents", /whole cents/],
      [{ user_id: user, category: "TRAVEL", amount_cents: "100" }, "amount_cents", /in cents/],
      [{ user_id: user, category: "TRAVEL", amount_cents: 100, currency: "usd" }, "currency", /three-letter/],
      [{ user_id: user, category: "TRAVEL", amount_cents: 100, colour: "red" }, "", /colour/],
    ];
    for (const [body, path, message] of cases) {
      const r = await create(body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.json.error.code).toBe("validation_failed");
      const issue = r.json.error.details.find((d: { path: string }) => d.path === path);
      expect(issue?.message, JSON.stringify(r.json.error.details)).toMatch(message);
    }
    expect(Number((await q("SELECT COUNT(*) AS n FROM budgets WHERE category = 'TRAVEL'"))[0].n)).toBe(0);
    expect((await create({ user_id: "usr_nobody", category: "TRAVEL", amount_cents: 100 })).status).toBe(404);
  });

  it("scopes: budgets:read cannot write, budgets:write cannot read; analysts are refused; an operator's budget is marked staff", async () => {
    expect(await create({ user_id: user, category: "TRAVEL", amount_cents: 100 }, read)).toMatchObject({ status: 403, json: { error: { code: "insufficient_scope" } } });
    expect(await call(list.GET, { path: `/api/budgets?user_id=${user}`, key: write })).toMatchObject({ status: 403, json: { error: { code: "insufficient_scope" } } });
    expect((await call(list.GET, { path: `/api/budgets?user_id=${user}`, cookie: await staffCookie("analyst") })).status).toBe(403);
    const op = await call(list.POST, { path: "/api/budgets", cookie: await staffCookie("operator"), body: { user_id: user, category: "ENTERTAINMENT", amount_cents: 5000 } });
    expect(op.status).toBe(201);
    expect(op.json).toMatchObject({ source: "staff", created_by: "operator@spendsense.test" });
  });

  it("PATCH changes the amount (audited from → to); DELETE soft-deletes after which the category can be budgeted again", async () => {
    const b = await create({ user_id: user, category: "GENERAL_MERCHANDISE", amount_cents: 20000, from_suggestion: true });
    expect(b.json.source).toBe("suggestion");
    const id = String(b.json.id);
    const p = await call(one.PATCH, { path: `/api/budgets/${id}`, method: "PATCH", key: write, params: { id }, body: { amount_cents: 25050 } });
    expect(p.status).toBe(200);
    expect(p.json.amount_cents).toBe(25050);
    const audit = await q("SELECT details FROM audit_log WHERE action = 'budget.update' AND target_id = ?", [id]);
    expect(JSON.parse(String(audit[0].details))).toEqual({ category: "GENERAL_MERCHANDISE", from: { amount_cents: 20000, currency: "USD" }, to: { amount_cents: 25050, currency: "USD" } });
    expect((await call(one.PATCH, { path: `/api/budgets/${id}`, method: "PATCH", key: write, params: { id }, body: {} })).status).toBe(422);
    expect((await call(one.PATCH, { path: "/api/budgets/abc", method: "PATCH", key: write, params: { id: "abc" }, body: { amount_cents: 1 } })).status).toBe(400);

    const d = await call(one.DELETE, { path: `/api/budgets/${id}`, method: "DELETE", key: write, params: { id } });
    expect(d.status).toBe(200);
    expect(d.json).toMatchObject({ id: Number(id), deleted_by: expect.stringContaining("key") });
    expect((await call(one.DELETE, { path: `/api/budgets/${id}`, method: "DELETE", key: write, params: { id } })).status).toBe(404);
    expect((await call(one.PATCH, { path: `/api/budgets/${id}`, method: "PATCH", key: write, params: { id }, body: { amount_cents: 1 } })).status).toBe(404);
    const listed = await call(list.GET, { path: `/api/budgets?user_id=${user}`, key: read });
    expect(listed.json.data.map((x: { category: string }) => x.category)).not.toContain("GENERAL_MERCHANDISE");
    expect((await create({ user_id: user, category: "GENERAL_MERCHANDISE", amount_cents: 100 })).status).toBe(201);
    expect((await q("SELECT COUNT(*) AS n FROM budgets WHERE user_id = ? AND category = 'GENERAL_MERCHANDISE'", [user]))[0].n).toBe(2);
  });
});

describe("GET /api/budgets/status and /api/budgets/suggestions", () => {
  it("spent equals the month's settled food spending on the ledger (refunds net off), with totals per currency", async () => {
    const r = await call(status.GET, { path: `/api/budgets/status?user_id=${user}&as_of=2026-10-31`, key: read });
    expect(r.status).toBe(200);
    const food = r.json.budgets.find((b: { category: string }) => b.category === "FOOD_AND_DRINK");
    const [ledger] = await q(
      `SELECT COALESCE(SUM(t.amount_cents), 0) AS n FROM transactions t JOIN accounts a ON a.account_id = t.account_id
       WHERE t.user_id = ? AND t.pfc_primary = 'FOOD_AND_DRINK' AND t.date BETWEEN '2026-10-01' AND '2026-10-31' AND t.pending = FALSE AND t.deleted_at IS NULL
         AND a.holder_category != 'business' AND a.type IN ('depository', 'credit')`,
      [user],
    );
    expect(Number(ledger.n)).toBeGreaterThan(0);
    expect(food).toMatchObject({ period: "2026-10", amount_cents: 45000, spent_cents: Number(ledger.n), remaining_cents: 45000 - Number(ledger.n), days_elapsed: 31, days_in_period: 31 });
    expect(food.percent_used).toBe(Math.round((Number(ledger.n) / 45000) * 1000) / 10);
    const usd = r.json.totals.find((t: { currency: string }) => t.currency === "USD");
    const sum = (k: string) => r.json.budgets.reduce((a: number, b: Record<string, number>) => a + b[k], 0);
    expect(usd).toEqual({ currency: "USD", budgeted_cents: sum("amount_cents"), spent_cents: sum("spent_cents"), remaining_cents: sum("remaining_cents"), over_budget: r.json.budgets.filter((b: { status: string }) => b.status === "over").map((b: { category: string }) => b.category) });
  });

  it("defaults as_of to the newest transaction date; refuses one in the future or past the data (400 naming as_of)", async () => {
    const newest = String((await q("SELECT MAX(date) AS d FROM transactions"))[0].d);
    expect((await call(status.GET, { path: `/api/budgets/status?user_id=${user}`, key: read })).json.as_of).toBe(newest);
    for (const asOf of ["2099-01-01", "2026-11-20"]) {
      const r = await call(status.GET, { path: `/api/budgets/status?user_id=${user}&as_of=${asOf}`, key: read });
      expect(r.status, asOf).toBe(400);
      expect(r.json.error.details[0].path).toBe("as_of");
    }
    expect((await call(status.GET, { path: `/api/budgets/status?user_id=${user}&as_of=2026-02-30`, key: read })).status).toBe(400);
  });

  it("a customer without consent gets a refusal and no numbers", async () => {
    const declined = env.declined[0];
    await create({ user_id: declined, category: "FOOD_AND_DRINK", amount_cents: 1000 });
    for (const h of [status.GET, suggestions.GET]) {
      const r = await call(h, { path: `/api/budgets/x?user_id=${declined}`, key: read });
      expect(r.status).toBe(403);
      expect(r.json).toEqual({ error: { code: "consent_required", message: `customer "${declined}" has not consented: nothing is computed or shown until they opt in` } });
    }
  });

  it("suggestions: the median of the three full months before as_of (July–September) plus 10%, rounded up to a whole dollar, explained", async () => {
    const r = await call(suggestions.GET, { path: `/api/budgets/suggestions?user_id=${user}&as_of=2026-10-31`, key: read });
    expect(r.status).toBe(200);
    expect(r.json.suggestions.length).toBeGreaterThan(0);
    for (const s of r.json.suggestions) {
      expect(s.months.map((m: { period: string }) => m.period)).toEqual(["2026-07", "2026-08", "2026-09"]);
      const sorted = s.months.map((m: { spent_cents: number }) => m.spent_cents).sort((a: number, b: number) => a - b);
      expect(s.median_cents).toBe(sorted[1]);
      expect(s.amount_cents).toBe(Math.ceil((sorted[1] * 110) / 10000) * 100);
      expect(s.explanation).toContain("With a 10% buffer, rounded up to a whole dollar");
    }
  });
});
