// Stored alerts (issue 15) over real engine runs on generated customers: one row per event,
// state that survives later runs, what the customer sees, staff actions, consent and ownership.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { setCurrentRun } from "../db/queries/current-results";
import { addDuplicateCharge } from "../testing/alert-fixtures";
import { tempDb, type TempDb } from "../testing/temp-db";
import { alertCounts, alertVolumes, clearAlert, computeAlerts, customerAlerts, dismissAlert, markAlertShown, pendingAlertReviews, releaseAlert, staffAlerts } from "./alerts";
import { setConsent } from "./consent";
import { runEngine } from "./engine";
import { ConflictError, ConsentRequiredError, NotFoundError } from "./errors";
import { loadGenerated } from "./generate";

let t: TempDb;
let db: Db;
let users: string[];
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 8, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
  // Two customers charged twice: possible-fraud alerts that wait for a staff review.
  for (const u of ["usr_00002", "usr_00004"]) await addDuplicateCharge(t.sql, u, "2026-10-10", "2026-10-22");
  await runEngine({ url: t.url, asOf: "2026-10-24", workers: 0 });
  db = createPrisma(t.url);
  users = (await t.sql.execute("SELECT DISTINCT user_id FROM alerts ORDER BY user_id")).rows.map((r) => String(r.user_id));
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

const rows = async (where = "1 = 1", args: string[] = []) =>
  (await t.sql.execute({ sql: `SELECT id, user_id, alert_key, state, needs_review, review_state, first_run_id, last_run_id, as_of FROM alerts WHERE ${where} ORDER BY user_id, alert_key`, args })).rows.map((r) => ({ ...r }));
const audits = async (id: number) => (await t.sql.execute({ sql: "SELECT action, actor, reason FROM audit_log WHERE target_type = 'alert' AND target_id = ? ORDER BY id", args: [String(id)] })).rows.map((r) => ({ ...r }));

describe("alerts stored by a run", () => {
  it("the customer sees their current alerts most urgent first, without the ones held for review; staff see those too", async () => {
    expect(users.length).toBeGreaterThan(3);
    const held = (await rows("needs_review = TRUE"))[0];
    expect(held, "the generated customers include a possible-fraud alert").toBeDefined();
    expect(held.review_state).toBe("pending");
    for (const u of users) {
      const view = await customerAlerts(t.url, u);
      expect(view.as_of).toBe("2026-10-24");
      const rank = { urgent: 0, warning: 1, info: 2 };
      const order = view.alerts.map((a) => [rank[a.severity], a.event_date]);
      expect(order).toEqual([...order].sort((x, y) => (x[0] as number) - (y[0] as number) || String(x[1]).localeCompare(String(y[1]))));
      for (const a of view.alerts) expect(a).toMatchObject({ state: "new", currency: "USD", message: expect.any(String), trace: { rule: expect.any(String) } });
    }
    const mine = await customerAlerts(t.url, String(held.user_id));
    expect(mine.alerts.map((a) => a.id)).not.toContain(Number(held.id));
    expect((await staffAlerts(t.url, String(held.user_id))).find((a) => a.id === Number(held.id))).toMatchObject({ review_state: "pending", current: true });
    expect((await customerAlerts(t.url, users[0], { trace: false })).alerts.every((a) => !("trace" in a))).toBe(true);
  });

  it("a re-run at a later as-of keeps a dismissed alert dismissed and does not duplicate it", async () => {
    const before = await rows();
    // Everything but the possible-fraud alerts (held for review: the next test reviews them).
    for (const a of before.filter((x) => x.needs_review === 0)) await dismissAlert(db, { userId: String(a.user_id), alertId: Number(a.id) }, "op@bank");
    const run = await runEngine({ url: t.url, asOf: "2026-10-31", workers: 0 });
    const after = await rows();
    expect(run.alerts).toBe(after.filter((a) => Number(a.last_run_id) === run.run_id).length);
    const seenAgain = after.filter((a) => a.needs_review === 0 && Number(a.first_run_id) < Number(a.last_run_id));
    expect(seenAgain.length, "some events are seen by both runs").toBeGreaterThan(0);
    for (const a of seenAgain) expect(a).toMatchObject({ state: "dismissed", as_of: "2026-10-31" });
    // One row per event: every earlier row is still there under its id, no key twice.
    expect(new Set(after.map((a) => `${a.user_id} ${a.alert_key}`)).size).toBe(after.length);
    expect(after.filter((a) => before.some((b) => b.id === a.id)).length).toBe(before.length);
    for (const u of users) {
      const shown = (await customerAlerts(t.url, u)).alerts.map((a) => a.id);
      expect(shown.filter((id) => seenAgain.some((a) => Number(a.id) === id))).toEqual([]);
      expect((await customerAlerts(t.url, u)).as_of).toBe("2026-10-31");
    }
  });

  it("shown and dismiss are idempotent and audited once; another customer's alert cannot be touched through a different user id", async () => {
    const fresh = (await rows("state = 'new' AND needs_review = FALSE"))[0];
    const other = users.find((u) => u !== fresh.user_id)!;
    const target = { userId: String(fresh.user_id), alertId: Number(fresh.id) };
    await expect(dismissAlert(db, { ...target, userId: other }, "apikey:x")).rejects.toThrow(NotFoundError);
    await expect(markAlertShown(db, { ...target, userId: other }, "apikey:x")).rejects.toThrow(NotFoundError);
    expect((await rows("id = ?", [String(fresh.id)]))[0].state).toBe("new");
    expect(await markAlertShown(db, target, "apikey:x")).toMatchObject({ state: "shown", changed: true });
    expect(await markAlertShown(db, target, "apikey:x")).toMatchObject({ state: "shown", changed: false });
    expect(await dismissAlert(db, target, "apikey:x")).toMatchObject({ state: "dismissed", changed: true });
    expect(await dismissAlert(db, target, "apikey:x")).toMatchObject({ state: "dismissed", changed: false });
    expect(await markAlertShown(db, target, "apikey:x")).toMatchObject({ state: "dismissed", changed: false });
    expect((await audits(Number(fresh.id))).map((a) => a.action)).toEqual(["alert.shown", "alert.dismiss"]);
    await expect(dismissAlert(db, { userId: String(fresh.user_id), alertId: 99_999_999 }, "op")).rejects.toThrow(NotFoundError);
  });

  it("an alert held for review reaches the customer only once released; clearing needs a reason and hides it for good", async () => {
    const held = await rows("needs_review = TRUE AND review_state = 'pending' AND state = 'new'");
    expect(held.length).toBeGreaterThan(0);
    const counts = await alertCounts(t.url);
    expect(counts.pending_review).toBe((await pendingAlertReviews(t.url)).total);
    expect(counts.pending_review).toBeGreaterThan(0);
    const [a] = held;
    const target = { userId: String(a.user_id), alertId: Number(a.id) };
    await expect(markAlertShown(db, target, "apikey:x")).rejects.toThrow(ConflictError);
    await expect(clearAlert(db, { ...target, reason: "" }, "op@bank")).rejects.toThrow(ZodError);
    expect(await releaseAlert(db, target, "op@bank")).toMatchObject({ review_state: "released", changed: true });
    expect(await releaseAlert(db, target, "op@bank")).toMatchObject({ changed: false });
    await expect(clearAlert(db, { ...target, reason: "a false alarm after all" }, "op2@bank")).rejects.toThrow(/already released by op@bank/);
    expect((await customerAlerts(t.url, target.userId)).alerts.map((x) => x.id)).toContain(target.alertId);
    expect((await alertCounts(t.url)).pending_review).toBe(counts.pending_review - 1);
    if (held[1]) {
      const b = { userId: String(held[1].user_id), alertId: Number(held[1].id) };
      expect(await clearAlert(db, { ...b, reason: "Customer confirmed the purchase" }, "op@bank")).toMatchObject({ review_state: "cleared" });
      expect((await customerAlerts(t.url, b.userId)).alerts.map((x) => x.id)).not.toContain(b.alertId);
      expect((await audits(b.alertId)).at(-1)).toMatchObject({ action: "alert.clear", actor: "op@bank", reason: "Customer confirmed the purchase" });
    }
    const fresh = (await rows("needs_review = FALSE"))[0];
    await expect(releaseAlert(db, { userId: String(fresh.user_id), alertId: Number(fresh.id) }, "op@bank")).rejects.toThrow(/does not need a review/);
  });

  it("analysts get volumes by kind and month that add up to every stored alert", async () => {
    const v = await alertVolumes(t.url);
    expect(v.reduce((n, r) => n + r.alerts, 0)).toBe((await rows()).length);
    for (const r of v) expect(Object.keys(r).sort()).toEqual(["alerts", "dismissed", "kind", "month", "needed_review"]);
  });

  it("the engine's alerts at an as-of carry their stored state (the CLI's view)", async () => {
    const u = String((await rows("state = 'dismissed' AND as_of = '2026-10-31'"))[0].user_id);
    const r = await computeAlerts(t.sql, u);
    expect(r.as_of).toBe("2026-10-31");
    const stored = await rows("user_id = ? AND last_run_id = (SELECT MAX(id) FROM engine_runs)", [u]);
    expect(r.alerts.map((a) => [a.alert_key, a.state]).sort()).toEqual(stored.map((s) => [s.alert_key, s.state]).sort());
    const earlier = await computeAlerts(t.sql, u, "2026-10-01");
    expect(earlier.as_of).toBe("2026-10-01");
    for (const a of earlier.alerts) expect(a.state === null || typeof a.id === "number").toBe(true);
  });

  it("making the earlier run current again shows exactly the alerts that run found, though the later run refreshed some", async () => {
    const runs = (await t.sql.execute("SELECT id FROM engine_runs ORDER BY id")).rows.map((r) => Number(r.id));
    const [first, second] = runs;
    const seenByFirst = (await rows("first_run_id = ?", [String(first)])).map((a) => Number(a.id));
    expect((await rows("first_run_id = ? AND last_run_id = ?", [String(first), String(second)])).length, "the second run refreshed some").toBeGreaterThan(0);
    const everyone = [...new Set((await rows()).map((a) => String(a.user_id)))];
    const current = async () => (await Promise.all(everyone.map((u) => staffAlerts(t.url, u)))).flat().filter((a) => a.current).map((a) => a.id).sort((x, y) => x - y);
    await setCurrentRun(t.sql, first, "admin@bank", new Date().toISOString());
    expect(await current()).toEqual([...seenByFirst].sort((x, y) => x - y));
    await setCurrentRun(t.sql, second, "admin@bank", new Date().toISOString());
    expect(await current()).toEqual((await rows("last_run_id = ?", [String(second)])).map((a) => Number(a.id)).sort((x, y) => x - y));
  });

  it("a revoked customer's alerts are gone and nothing about them is shown", async () => {
    const u = users[0];
    expect((await rows("user_id = ?", [u])).length).toBeGreaterThan(0);
    await setConsent(t.sql, u, false, { source: "test" });
    expect(await rows("user_id = ?", [u])).toEqual([]);
    await expect(customerAlerts(t.url, u)).rejects.toThrow(ConsentRequiredError);
    await expect(staffAlerts(t.url, u)).rejects.toThrow(ConsentRequiredError);
    await expect(computeAlerts(t.sql, u)).rejects.toThrow(ConsentRequiredError);
    // A run after the revocation writes nothing for them.
    await runEngine({ url: t.url, asOf: "2026-10-31", workers: 0 });
    expect(await rows("user_id = ?", [u])).toEqual([]);
  });
});

describe("determinism", () => {
  it("the same data and as-of store the same alerts (ids and timestamps aside)", async () => {
    const stored = async () => {
      const d = await tempDb();
      try {
        await loadGenerated({ users: 5, seed: 9, asOf: "2026-10-31", months: 7, url: d.url });
        await runEngine({ url: d.url, asOf: "2026-10-31", workers: 0 });
        return (await d.sql.execute("SELECT * FROM alerts ORDER BY user_id, alert_key")).rows.map((r) => {
          const row: Record<string, unknown> = { ...r };
          delete row.id;
          delete row.created_at;
          return row;
        });
      } finally {
        d.cleanup();
      }
    };
    const a = await stored();
    expect(a.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(a);
  });
});
