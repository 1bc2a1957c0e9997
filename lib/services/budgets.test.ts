// The budgets service on a real database: the engine job carries each customer's live budgets,
// one live budget per category is enforced by the database itself, a form cannot delete another
// customer's budget, and revoking consent keeps the settings but refuses the figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../db/client";
import { isUniqueViolation } from "../db/dialect";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import { DEFAULT_CONFIG } from "../engine/config";
import { tempDb, type TempDb } from "../testing/temp-db";
import { budgetStatus, createBudget, deleteBudget, setBudget } from "./budgets";
import { setConsent } from "./consent";
import { loadEngineJob } from "./engine";
import { ConsentRequiredError, NotFoundError } from "./errors";
import { loadGenerated } from "./generate";

let t: TempDb;
let db: Db;
let a: string;
let b: string;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 3, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
  db = createPrisma(t.url);
  [a, b] = (await t.sql.execute("SELECT user_id FROM customers ORDER BY user_id")).rows.map((r) => String(r.user_id));
  await setConsent(t.sql, a, true, { source: "test" });
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

describe("budgets service", () => {
  it("the engine job carries each customer's live budgets (deleted ones left out), and run() reports their status", async () => {
    const food = await createBudget(db, { user_id: a, category: "FOOD_AND_DRINK", amount_cents: 40000 }, "test", "api");
    const gone = await createBudget(db, { user_id: a, category: "TRAVEL", amount_cents: 10000 }, "test", "api");
    await deleteBudget(db, gone.id, "test");
    const job = await loadEngineJob(t.sql, [a, b], { asOf: "2026-10-31", config: DEFAULT_CONFIG, catalog: await loadApprovedCatalog(t.sql) });
    expect(job.budgets).toEqual({ [a]: [{ budget_id: String(food.id), category: "FOOD_AND_DRINK", amount_cents: 40000, currency: "USD" }] });
    const { computeJob } = await import("./engine-job");
    const result = computeJob(job).find((r) => r.user_id === a)!;
    if (!result.consent) throw new Error("refused");
    const status = await budgetStatus(db, t.url, a, { asOf: "2026-10-31" });
    expect(result.budgets).toEqual(status.budgets);
  });

  it("the database allows one live budget per customer and category (a second insert fails), a deleted one does not count", async () => {
    const insert = () => t.sql.execute({ sql: "INSERT INTO budgets (user_id, category, amount_cents, currency, source, created_by) VALUES (?, 'FOOD_AND_DRINK', 1, 'USD', 'api', 'x')", args: [a] });
    await expect(insert()).rejects.toSatisfy(isUniqueViolation);
    const set = await setBudget(db, { user_id: a, category: "FOOD_AND_DRINK", amount_cents: 45000 }, "op");
    expect(set.amount_cents).toBe(45000);
    expect(Number((await t.sql.execute({ sql: "SELECT COUNT(*) AS n FROM budgets WHERE user_id = ? AND category = 'FOOD_AND_DRINK'", args: [a] })).rows[0].n)).toBe(1);
  });

  it("a delete naming another customer finds nothing and changes nothing", async () => {
    const other = await createBudget(db, { user_id: b, category: "ENTERTAINMENT", amount_cents: 5000 }, "test", "api");
    await expect(deleteBudget(db, other.id, "op", a)).rejects.toBeInstanceOf(NotFoundError);
    expect((await t.sql.execute({ sql: "SELECT deleted_at FROM budgets WHERE id = ?", args: [other.id] })).rows[0].deleted_at).toBeNull();
  });

  it("revoking consent keeps the budget settings and refuses the figures", async () => {
    await setConsent(t.sql, a, false, { source: "test" });
    await expect(budgetStatus(db, t.url, a, { asOf: "2026-10-31" })).rejects.toBeInstanceOf(ConsentRequiredError);
    const kept = await t.sql.execute({ sql: "SELECT category, amount_cents FROM budgets WHERE user_id = ? AND deleted_at IS NULL", args: [a] });
    expect(kept.rows.map((r) => ({ ...r }))).toEqual([{ category: "FOOD_AND_DRINK", amount_cents: 45000 }]);
  });
});
