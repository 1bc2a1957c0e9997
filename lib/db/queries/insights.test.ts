import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEngine } from "../../services/engine";
import { loadGenerated } from "../../services/generate";
import { tempDb, type TempDb } from "../../testing/temp-db";
import { createPrisma, type Db } from "../client";
import { getInsights, transitionsFromHistory } from "./insights";

describe("persona transitions from histories", () => {
  it("counts every change between consecutive assignment dates, with its direction, whatever the order of rows", () => {
    const h = [
      { user_id: "a", as_of: "2026-10-31", primary: "savings_builder" },
      { user_id: "a", as_of: "2026-08-31", primary: "high_utilization" },
      { user_id: "a", as_of: "2026-09-30", primary: "high_utilization" },
      { user_id: "b", as_of: "2026-08-31", primary: "savings_builder" },
      { user_id: "b", as_of: "2026-09-30", primary: "fee_fighter" },
      { user_id: "b", as_of: "2026-10-31", primary: null },
      { user_id: "c", as_of: "2026-10-31", primary: "fee_fighter" },
    ];
    const t = transitionsFromHistory(h);
    expect(t.dates).toEqual(["2026-08-31", "2026-09-30", "2026-10-31"]);
    expect(t.customersWithHistory).toBe(2);
    expect(t.rows).toEqual(
      expect.arrayContaining([
        { from: "high_utilization", to: "savings_builder", kind: "positive", count: 1 },
        { from: "savings_builder", to: "fee_fighter", kind: "negative", count: 1 },
        { from: "fee_fighter", to: "none", kind: "no_longer_matched", count: 1 },
      ]),
    );
    expect(t.rows).toHaveLength(3);
  });
  it("a single date has no transitions", () => {
    expect(transitionsFromHistory([{ user_id: "a", as_of: "2026-10-31", primary: "fee_fighter" }]).rows).toEqual([]);
  });
});

describe("insights over a real run", () => {
  let t: TempDb;
  let db: Db;
  beforeAll(async () => {
    t = await tempDb();
    await loadGenerated({ users: 12, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
    await runEngine({ url: t.url, asOf: "2026-10-31", workers: 0 });
    db = createPrisma(t.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    t.cleanup();
  });

  it("counts every current customer once in the persona mix, and buckets each customer's own signal", async () => {
    const i = await getInsights(db);
    expect(i.as_of).toBe("2026-10-31");
    const current = Number((await t.sql.execute(`SELECT COUNT(*) AS n FROM signal_snapshots WHERE "window" = '30d'`)).rows[0].n);
    expect(i.personaMix.filter((m) => m.window === "30d").reduce((n, m) => n + m.count, 0)).toBe(current);
    // The signals as the engine stored them, bucketed here by hand: the query must agree.
    const rows = (await t.sql.execute(`SELECT payload FROM signal_snapshots WHERE "window" = '30d' AND sufficient = TRUE`)).rows;
    const spend = rows.map((r) => (JSON.parse(String(r.payload)) as { subscriptions?: { monthly_subscription_cents?: number | null } }).subscriptions?.monthly_subscription_cents).filter((v): v is number => typeof v === "number");
    expect(spend.length).toBeGreaterThan(0);
    expect(i.subscriptionSpend.reduce((n, b) => n + b.count, 0)).toBe(spend.length);
    expect(i.subscriptionSpend.find((b) => b.label === "none")?.count).toBe(spend.filter((v) => v === 0).length);
  });
});
