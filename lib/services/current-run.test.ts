// One definition of "current results" (issue 13): the latest finished run per customer and
// window, read the same way by the customer page, the list, the preview/API, the persona API,
// home and insights; a failed run never becomes current; an admin can make an earlier run
// current again (audited); a future as-of is refused; an opt-in computes the customer at once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../db/client";
import { listCustomers } from "../db/queries/customers";
import { getInsights } from "../db/queries/insights";
import { getOverview } from "../db/queries/overview";
import { customerListQuerySchema } from "../validation/customers";
import { tempDb, type TempDb } from "../testing/temp-db";
import { setConsent } from "./consent";
import { recordConsent } from "./consent-compute";
import { makeRunCurrent } from "./current-run";
import { customerProfile, customerRecommendations } from "./customers-api";
import { runEngine } from "./engine";
import { loadGenerated } from "./generate";
import { startEngineJob } from "./jobs";
import { currentPersonas, personaTenure } from "./personas-api";
import { acquireRunLease, endRun, expireRuns } from "./run-lease";

const OCT = "2026-10-31";
const SEP = "2026-09-30";
let t: TempDb;
let db: Db;
let someone: string;
beforeEach(async () => {
  t = await tempDb();
  await loadGenerated({ users: 12, seed: 5, asOf: OCT, months: 7, url: t.url });
  db = createPrisma(t.url);
  someone = (await db.customer.findFirstOrThrow({ where: { consent: true }, orderBy: { user_id: "asc" } })).user_id;
});
afterEach(async () => {
  await db.$disconnect();
  t.cleanup();
});

const count = async (q: string, args: Array<string | number> = []) => Number((await t.sql.execute({ sql: q, args })).rows[0].n);

/** The as-of every reader shows for the customer (30d window). */
async function shownEverywhere(userId: string) {
  const list = await listCustomers(t.sql, customerListQuerySchema.parse({ q: userId, window: "30d" }));
  const personas = (await currentPersonas(t.url, userId)).windows["30d"] as { as_of: string } | null;
  const tenure = (await personaTenure(db, userId)).windows["30d"] as { as_of: string } | null;
  const recs = (await customerRecommendations(t.url, userId, { window: "30d" })).windows["30d"];
  return {
    page: (await customerProfile(t.url, userId, "30d")).windows["30d"].as_of,
    list: list.rows[0].as_of,
    personas: personas?.as_of ?? null,
    tenure: tenure?.as_of ?? null,
    recommendations: recs.as_of,
    recommendationDates: [...new Set(recs.recommendations.map((r) => r.as_of))],
    home: (await getOverview(db)).latestRun?.as_of ?? null,
    insights: (await getInsights(db)).as_of,
  };
}
const all = (asOf: string) => ({ page: asOf, list: asOf, personas: asOf, tenure: asOf, recommendations: asOf, recommendationDates: [asOf], home: asOf, insights: asOf });

describe("the as-of of a run", () => {
  it("refuses a day after today, and a day after the newest transaction, saying why; nothing is run", async () => {
    await expect(runEngine({ url: t.url, asOf: "2031-01-01", today: "2026-12-01" })).rejects.toThrow("as of 2031-01-01 is in the future (today is 2026-12-01)");
    await expect(runEngine({ url: t.url, asOf: "2026-11-15", today: "2026-12-01" })).rejects.toThrow(`as of 2026-11-15 is after the newest transaction (${OCT})`);
    await expect(startEngineJob(db, { as_of: "2031-01-01" }, "op@x", t.url, "2026-12-01")).rejects.toThrow("is in the future");
    expect(await count("SELECT COUNT(*) AS n FROM engine_runs")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM signal_snapshots")).toBe(0);
  });
});

describe("current results are the latest finished run, everywhere", () => {
  it("after a run as of October then a corrective run as of September, every reader shows September", async () => {
    await runEngine({ url: t.url, asOf: OCT });
    expect(await shownEverywhere(someone)).toEqual(all(OCT));
    await runEngine({ url: t.url, asOf: SEP });
    expect(await shownEverywhere(someone)).toEqual(all(SEP));
  });

  it("a run that failed after writing some results never becomes current", async () => {
    await runEngine({ url: t.url, asOf: SEP });
    const failed = await runEngine({ url: t.url, asOf: OCT });
    // Its process died after writing every chunk, before marking it finished: the lease runs out.
    await t.sql.execute({ sql: "UPDATE engine_runs SET status = 'running', finished_at = NULL, lease_expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?", args: [failed.run_id] });
    expect(await expireRuns(t.sql)).toBe(1);
    expect(await shownEverywhere(someone)).toEqual(all(SEP));
  });

  it("an admin makes the earlier run current again: audited, every reader and the review queue follow", async () => {
    const october = await runEngine({ url: t.url, asOf: OCT });
    const pendingOctober = await count("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review' AND run_id = ?", [october.run_id]);
    expect(pendingOctober).toBeGreaterThan(0);
    const mistaken = await runEngine({ url: t.url, asOf: SEP });
    expect(await count("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review' AND run_id = ?", [october.run_id])).toBe(0);

    const r = await makeRunCurrent({ run_id: october.run_id }, "admin@x", t.url);
    expect(r).toEqual({ run_id: october.run_id, as_of: OCT, set_aside: [mistaken.run_id], restored: [] });
    expect(await shownEverywhere(someone)).toEqual(all(OCT));
    // The queue is October's again: its items await review, the set-aside run's do not.
    expect(await count("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review' AND run_id = ?", [october.run_id])).toBe(pendingOctober);
    expect(await count("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review' AND run_id = ?", [mistaken.run_id])).toBe(0);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "engine.run_current" } });
    expect(audit).toMatchObject({ actor: "admin@x", target_type: "engine_run", target_id: String(october.run_id) });
    expect(JSON.parse(audit.details!)).toEqual({ as_of: OCT, set_aside: [mistaken.run_id], restored: [] });

    // Undoing the undo brings the September run back; a new run becomes current as usual.
    expect((await makeRunCurrent({ run_id: mistaken.run_id }, "admin@x", t.url)).restored).toEqual([mistaken.run_id]);
    expect(await shownEverywhere(someone)).toEqual(all(SEP));
  });

  it("a re-run at the same as-of keeps the first run's results: making the first current again brings its persona and recommendations back", async () => {
    const first = await runEngine({ url: t.url, asOf: OCT });
    const before = await customerProfile(t.url, someone, "30d");
    const recsBefore = (await customerRecommendations(t.url, someone, { window: "30d" })).windows["30d"].recommendations.map((r) => r.title);
    expect(before.windows["30d"].persona).not.toBeNull();
    expect(recsBefore.length).toBeGreaterThan(0);
    // The customer's transactions are withdrawn before the second run: it finds too little history.
    await t.sql.execute({ sql: "UPDATE transactions SET deleted_at = ? WHERE account_id IN (SELECT account_id FROM accounts WHERE user_id = ?)", args: ["2026-11-01T00:00:00.000Z", someone] });
    const second = await runEngine({ url: t.url, asOf: OCT });
    expect((await customerProfile(t.url, someone, "30d")).windows["30d"].persona?.primary ?? null).toBeNull();
    expect((await customerRecommendations(t.url, someone, { window: "30d" })).windows["30d"].recommendations).toEqual([]);

    const r = await makeRunCurrent({ run_id: first.run_id }, "admin@x", t.url);
    expect(r).toMatchObject({ run_id: first.run_id, as_of: OCT, set_aside: [second.run_id] });
    expect((await customerProfile(t.url, someone, "30d")).windows["30d"].persona).toEqual(before.windows["30d"].persona);
    expect((await customerRecommendations(t.url, someone, { window: "30d" })).windows["30d"].recommendations.map((x) => x.title)).toEqual(recsBefore);
    expect(await shownEverywhere(someone)).toEqual(all(OCT));
    // Home counts each customer once, whichever run at that as-of stands.
    expect((await getOverview(db)).latestRun?.customers).toBe(await count("SELECT COUNT(*) AS n FROM customers WHERE consent = TRUE"));
  });

  it("refuses a run that is not finished and an unknown run", async () => {
    await expect(makeRunCurrent({ run_id: 999 }, "admin@x", t.url)).rejects.toThrow("no engine run #999");
    const lease = await acquireRunLease(t.sql, { asOf: SEP, engineVersion: "x", configHash: "x", startedBy: "op@x" });
    await expect(makeRunCurrent({ run_id: lease.id }, "admin@x", t.url)).rejects.toThrow("is running, not finished");
    await endRun(t.sql, lease, { status: "failed", error: "test" });
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'engine.run_current'")).toBe(0);
  });
});

describe("re-granting consent", () => {
  it("computes the customer at once as of the current run", async () => {
    await runEngine({ url: t.url, asOf: OCT });
    await setConsent(t.sql, someone, false, { source: "test" });
    const r = await recordConsent(someone, true, { source: "test", actor: "op@x" }, t.url);
    expect(r.computed).toMatchObject({ as_of: OCT, pending_reason: null });
    const view = (await customerProfile(t.url, someone)).windows;
    expect(view["30d"].as_of).toBe(OCT);
    expect(view["30d"].persona).not.toBeNull();
    expect(view["180d"].persona).not.toBeNull();
    expect((await customerRecommendations(t.url, someone)).windows["30d"].recommendations.length).toBeGreaterThan(0);
  });

  it("says plainly that results arrive with the next run while another run holds the lease", async () => {
    await runEngine({ url: t.url, asOf: OCT });
    await setConsent(t.sql, someone, false, { source: "test" });
    const lease = await acquireRunLease(t.sql, { asOf: OCT, engineVersion: "x", configHash: "x", startedBy: "op@x" });
    const r = await recordConsent(someone, true, { source: "test", actor: "op@x" }, t.url);
    await endRun(t.sql, lease, { status: "failed", error: "test" });
    expect(r.granted).toBe(true);
    expect(r.computed).toMatchObject({ run_id: null, pending_reason: expect.stringMatching(/^a run is already in progress .*: this customer's results arrive with the next run$/) });
  });
});
