// Transactions through the developer API: filtered paged list, detail with category history,
// category correction, soft delete and CSV export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import { parseCsv } from "@/lib/data/csv";
import * as detail from "./[id]/route";
import * as category from "./[id]/category/route";
import * as exportCsv from "./export.csv/route";
import * as list from "./route";

let env: ApiTestEnv;
let key: string;
let user: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 12 });
  key = await env.key();
  user = env.consenting[0];
});
afterAll(() => env.cleanup());

const q = async (sql: string, args: (string | number)[] = []) => (await env.db.sql.execute({ sql, args })).rows;
const aTransaction = async (where = "1 = 1") => (await q(`SELECT * FROM transactions WHERE deleted_at IS NULL AND ${where} ORDER BY transaction_id LIMIT 1`))[0];

describe("GET /api/transactions", () => {
  it("filters by customer, dates, category and amount; pages newest first", async () => {
    const total = Number((await q("SELECT COUNT(*) AS n FROM transactions WHERE user_id = ?", [user]))[0].n);
    const r = await call(list.GET, { path: `/api/transactions?user_id=${user}&pageSize=10&page=2`, key });
    expect(r.status).toBe(200);
    expect(r.json.meta).toEqual({ page: 2, pageSize: 10, total });
    expect(r.json.data).toHaveLength(10);
    const dates = r.json.data.map((t: { date: string }) => t.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(r.json.data[0]).toMatchObject({ user_id: user, amount: expect.any(Number), personal_finance_category: { primary: expect.any(String), detailed: expect.any(String) } });

    const f = await call(list.GET, { path: `/api/transactions?user_id=${user}&from=2026-10-01&to=2026-10-15&category=FOOD_AND_DRINK&min_amount=5&max_amount=80.5&pageSize=200`, key });
    expect(f.status).toBe(200);
    const expected = Number(
      (await q("SELECT COUNT(*) AS n FROM transactions WHERE user_id = ? AND date BETWEEN '2026-10-01' AND '2026-10-15' AND pfc_primary = 'FOOD_AND_DRINK' AND amount_cents BETWEEN 500 AND 8050", [user]))[0].n,
    );
    expect(f.json.meta.total).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    for (const t of f.json.data) {
      expect(t.date >= "2026-10-01" && t.date <= "2026-10-15").toBe(true);
      expect(t.amount).toBeGreaterThanOrEqual(5);
      expect(t.amount).toBeLessThanOrEqual(80.5);
    }
  });

  it("400 for malformed filters; 403 for analysts; 401 without credentials", async () => {
    for (const bad of ["from=2026-13-01", "from=2026-11-01&to=2026-10-01", "min_amount=abc", "min_amount=10&max_amount=5", "category=food", "page=0"]) {
      const r = await call(list.GET, { path: `/api/transactions?${bad}`, key });
      expect(r.status, bad).toBe(400);
      expect(r.json.error.code).toBe("invalid_request");
    }
    expect((await call(list.GET, { path: "/api/transactions", cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await call(list.GET, { path: "/api/transactions" })).status).toBe(401);
    expect((await call(list.GET, { path: "/api/transactions", cookie: await staffCookie("operator") })).status).toBe(200);
  });
});

describe("PATCH /api/transactions/{id}/category and GET /api/transactions/{id}", () => {
  it("corrects the category, appends to its history and audits, in one transaction", async () => {
    const t = await aTransaction("pfc_primary != 'GENERAL_SERVICES'");
    const id = String(t.transaction_id);
    const body = { pfc_primary: "GENERAL_SERVICES", pfc_detailed: "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", reason: "it is a service", version: 1 };
    const r = await call(category.PATCH, { path: `/api/transactions/${id}/category`, method: "PATCH", key, body, params: { id } });
    expect(r.status).toBe(200);
    expect(r.json.personal_finance_category).toEqual({ primary: "GENERAL_SERVICES", detailed: "GENERAL_SERVICES_OTHER_GENERAL_SERVICES" });
    expect(r.json.category_history).toEqual([
      { from: { primary: t.pfc_primary, detailed: t.pfc_detailed }, to: { primary: "GENERAL_SERVICES", detailed: "GENERAL_SERVICES_OTHER_GENERAL_SERVICES" }, reason: "it is a service", actor: expect.stringMatching(/^apikey:/), created_at: expect.any(String) },
    ]);
    expect((await q("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'transaction.recategorize' AND target_id = ?", [id]))[0].n).toBe(1);
    // The same category again writes nothing.
    await call(category.PATCH, { path: "/x", method: "PATCH", cookie: await staffCookie("operator"), body: { ...body, version: 2 }, params: { id } });
    const d = await call(detail.GET, { path: `/api/transactions/${id}`, key, params: { id } });
    expect(d.status).toBe(200);
    expect(d.json.category_history).toHaveLength(1);
  });

  it("two people correcting from the same read: the first wins, the second gets 409 and nothing of theirs is written", async () => {
    const t = await aTransaction("pfc_primary NOT IN ('TRAVEL', 'RENT_AND_UTILITIES') AND transaction_id NOT IN (SELECT transaction_id FROM transaction_category_changes)");
    const id = String(t.transaction_id);
    const read = await call(detail.GET, { path: `/api/transactions/${id}`, key, params: { id } });
    const version = read.json.version;
    expect(version).toEqual(expect.any(Number));
    const patch = (body: object, who: { key?: string; cookie?: string }) => call(category.PATCH, { path: "/x", method: "PATCH", body, params: { id }, ...who });
    const first = await patch({ pfc_primary: "TRAVEL", pfc_detailed: "TRAVEL_FLIGHTS", reason: "an airline", version }, { key });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(version + 1);
    const second = await patch({ pfc_primary: "RENT_AND_UTILITIES", pfc_detailed: "RENT_AND_UTILITIES_RENT", reason: "the landlord", version }, { cookie: await staffCookie("operator") });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: "conflict", message: expect.stringMatching(/changed since you read it/) });
    const after = await call(detail.GET, { path: "/x", key, params: { id } });
    expect(after.json.personal_finance_category).toEqual({ primary: "TRAVEL", detailed: "TRAVEL_FLIGHTS" });
    expect(after.json.category_history).toHaveLength(1);
    // At the same moment, from the same read: exactly one wins.
    const v = after.json.version;
    const both = await Promise.all([
      patch({ pfc_primary: "FOOD_AND_DRINK", pfc_detailed: "FOOD_AND_DRINK_GROCERIES", version: v }, { key }),
      patch({ pfc_primary: "GENERAL_MERCHANDISE", pfc_detailed: "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE", version: v }, { key }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await call(detail.GET, { path: "/x", key, params: { id } })).json.category_history).toHaveLength(2);
    // The version is required: without it a correction cannot be checked.
    expect((await patch({ pfc_primary: "TRAVEL", pfc_detailed: "TRAVEL_FLIGHTS" }, { key })).status).toBe(422);
  });

  it("422 for a detailed code outside its primary or unknown fields; 404 unknown; 403 read-only keys and analysts", async () => {
    const id = String((await aTransaction()).transaction_id);
    const patch = (body: unknown, o: { key?: string; cookie?: string; id?: string } = { key }) => call(category.PATCH, { path: "/x", method: "PATCH", body, params: { id: o.id ?? id }, key: o.key, cookie: o.cookie });
    const r = await patch({ pfc_primary: "FOOD_AND_DRINK", pfc_detailed: "TRAVEL_FLIGHTS", version: 1 });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe("pfc_detailed");
    expect((await patch({ pfc_primary: "TRAVEL", pfc_detailed: "TRAVEL_FLIGHTS", version: 1, extra: 1 })).status).toBe(422);
    expect((await patch({ pfc_primary: "TRAVEL", pfc_detailed: "TRAVEL_FLIGHTS", version: 1 }, { key, id: "nope" })).status).toBe(404);
    expect((await patch({ pfc_primary: "TRAVEL", pfc_detailed: "TRAVEL_FLIGHTS", version: 1 }, { key: await env.key(["transactions:read"]) })).status).toBe(403);
    expect((await patch({ pfc_primary: "TRAVEL", pfc_detailed: "TRAVEL_FLIGHTS", version: 1 }, { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await call(detail.GET, { path: "/x", key, params: { id: "nope" } })).status).toBe(404);
  });
});

describe("DELETE /api/transactions/{id}", () => {
  it("soft-deletes: the row stays with who and when, lists and detail leave it out, deleting again is 404", async () => {
    const t = await aTransaction(`user_id = '${user}'`);
    const id = String(t.transaction_id);
    const before = (await call(list.GET, { path: `/api/transactions?user_id=${user}`, key })).json.meta.total;
    const r = await call(detail.DELETE, { path: `/api/transactions/${id}`, method: "DELETE", cookie: await staffCookie("admin"), params: { id } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ transaction_id: id, deleted_by: "admin@spendsense.test" });
    const row = (await q("SELECT deleted_at, deleted_by FROM transactions WHERE transaction_id = ?", [id]))[0];
    expect(row.deleted_by).toBe("admin@spendsense.test");
    expect(row.deleted_at).not.toBeNull();
    expect((await q("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'transaction.delete' AND target_id = ?", [id]))[0].n).toBe(1);
    expect((await call(list.GET, { path: `/api/transactions?user_id=${user}`, key })).json.meta.total).toBe(before - 1);
    expect((await call(detail.GET, { path: "/x", key, params: { id } })).status).toBe(404);
    expect((await call(detail.DELETE, { path: "/x", method: "DELETE", key, params: { id } })).status).toBe(404);
    expect((await call(detail.DELETE, { path: "/x", method: "DELETE", key: await env.key(["transactions:read"]), params: { id: "x" } })).status).toBe(403);
  });
});

describe("GET /api/transactions/export.csv", () => {
  it("streams every filtered row as CSV with Plaid's column names, deleted rows left out", async () => {
    const r = await call(exportCsv.GET, { path: `/api/transactions/export.csv?user_id=${user}`, key });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(r.headers.get("content-disposition")).toMatch(/attachment; filename="transactions.csv"/);
    const table = parseCsv(r.text);
    expect(table.header.slice(0, 5)).toEqual(["transaction_id", "account_id", "date", "authorized_date", "amount"]);
    const live = Number((await q("SELECT COUNT(*) AS n FROM transactions WHERE user_id = ? AND deleted_at IS NULL", [user]))[0].n);
    expect(table.rows).toHaveLength(live);
    const amount = table.header.indexOf("amount");
    expect(table.rows[0].cells[amount]).toMatch(/^-?\d+\.\d{2}$/);
  });

  it("pages through more rows than one chunk without repeats", async () => {
    const r = await call(exportCsv.GET, { path: "/api/transactions/export.csv", key });
    const ids = parseCsv(r.text).rows.map((x) => x.cells[0]);
    const live = Number((await q("SELECT COUNT(*) AS n FROM transactions WHERE deleted_at IS NULL"))[0].n);
    expect(live).toBeGreaterThan(2000);
    expect(ids).toHaveLength(live);
    expect(new Set(ids).size).toBe(live);
  });

  it("400 for malformed filters (before any CSV), 403 for analysts", async () => {
    const r = await call(exportCsv.GET, { path: "/api/transactions/export.csv?to=yesterday", key });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    expect((await call(exportCsv.GET, { path: "/api/transactions/export.csv", cookie: await staffCookie("analyst") })).status).toBe(403);
  });
});
