// Budget adherence for the analyst page (issue 15) over real engine runs on a real SQLite file:
// runs store each budget's status, the aggregate counts the current runs' statuses (a second run
// is not counted twice), and a customer who revokes consent drops out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adherenceEmpty, adherenceRows } from "../../components/budgets/budget-adherence";
import { createPrisma, type Db } from "../db/client";
import type { BudgetStatus } from "../engine/budgets/types";
import { tempDb, type TempDb } from "../testing/temp-db";
import { budgetAdherence, budgetStatus, createBudget } from "./budgets";
import { setConsent } from "./consent";
import { runEngine } from "./engine";
import { loadGenerated } from "./generate";

const AS_OF = "2026-10-31";
let t: TempDb;
let db: Db;
let a: string;
let b: string;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 3, seed: 5, asOf: AS_OF, months: 7, url: t.url });
  db = createPrisma(t.url);
  [a, b] = (await t.sql.execute("SELECT user_id FROM customers ORDER BY user_id")).rows.map((r) => String(r.user_id));
  for (const u of [a, b]) await setConsent(t.sql, u, true, { source: "test" });
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

/** Counts by currency and status, and by currency, category and status, from the engine's own statuses. */
function expected(statuses: readonly BudgetStatus[]) {
  const total: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const s of statuses) {
    total[`${s.currency} ${s.status}`] = (total[`${s.currency} ${s.status}`] ?? 0) + 1;
    byCategory[`${s.currency} ${s.category} ${s.status}`] = (byCategory[`${s.currency} ${s.category} ${s.status}`] ?? 0) + 1;
  }
  return { total, byCategory };
}

async function actual() {
  const adherence = await budgetAdherence(t.url);
  const total: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const c of adherence.currencies) {
    for (const [s, n] of Object.entries(c.counts)) if (n) total[`${c.currency} ${s}`] = n;
    for (const k of c.categories) for (const [s, n] of Object.entries(k.counts)) if (n) byCategory[`${c.currency} ${k.category} ${s}`] = n;
  }
  return { adherence, counts: { total, byCategory } };
}

describe("budget adherence across customers", () => {
  it("says no budgets have been set, then that no run has computed them yet", async () => {
    expect(adherenceEmpty(await budgetAdherence(t.url))).toBe("No budgets have been set.");
    // Tight, loose and middling budgets, so the statuses differ.
    for (const [u, category, cents] of [
      [a, "FOOD_AND_DRINK", 1000],
      [a, "GENERAL_MERCHANDISE", 1_000_000],
      [a, "TRANSPORTATION", 5000],
      [b, "FOOD_AND_DRINK", 1_000_000],
      [b, "ENTERTAINMENT", 100],
      [b, "GENERAL_MERCHANDISE", 2000],
    ] as const) {
      await createBudget(db, { user_id: u, category, amount_cents: cents }, "test", "api");
    }
    const before = await budgetAdherence(t.url);
    expect(before.budgetsSet).toBe(6);
    expect(adherenceEmpty(before)).toBe("No run has computed budgets yet: they appear after the next engine run.");
  });

  it("after a run, the counts by status and by category are the customers' budget statuses", async () => {
    await runEngine({ url: t.url, asOf: AS_OF, workers: 0 });
    const statuses = [...(await budgetStatus(db, t.url, a, { asOf: AS_OF })).budgets, ...(await budgetStatus(db, t.url, b, { asOf: AS_OF })).budgets];
    expect(statuses).toHaveLength(6);
    expect(new Set(statuses.map((s) => s.status)).size, "the fixture yields more than one status").toBeGreaterThan(1);
    const { adherence, counts } = await actual();
    expect(counts).toEqual(expected(statuses));
    expect(adherence.customers).toBe(2);
    expect(adherence.asOf).toEqual({ from: AS_OF, to: AS_OF });
    // What the page shows: words, shares of the category's budgets.
    const usd = adherenceRows(adherence).find((c) => c.currency === "USD")!;
    expect(usd.total.total).toBe(6);
    expect(usd.total.cells.map((c) => c.label)).toEqual(["On track", "At risk", "Over budget"]);
    const food = usd.categories.find((c) => c.label === "Food and drink")!;
    expect(food.total).toBe(2);
    expect(food.cells.reduce((s, c) => s + c.count, 0)).toBe(2);
    expect(adherenceEmpty(adherence)).toBeNull();
  });

  it("a second run replaces the first in the counts (only current runs count)", async () => {
    const first = (await actual()).counts;
    await runEngine({ url: t.url, asOf: AS_OF, workers: 0 });
    expect(Number((await t.sql.execute("SELECT COUNT(*) AS n FROM budget_statuses")).rows[0].n)).toBe(12);
    expect((await actual()).counts).toEqual(first);
  });

  it("a customer who revokes consent drops out, and their stored statuses are deleted", async () => {
    const statusesB = (await budgetStatus(db, t.url, b, { asOf: AS_OF })).budgets;
    await setConsent(t.sql, a, false, { source: "test" });
    expect(Number((await t.sql.execute({ sql: "SELECT COUNT(*) AS n FROM budget_statuses WHERE user_id = ?", args: [a] })).rows[0].n)).toBe(0);
    const { adherence, counts } = await actual();
    expect(counts).toEqual(expected(statusesB));
    expect(adherence.customers).toBe(1);
    expect(adherence.budgetsSet).toBe(3);
  });
});
