import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DISCLAIMER } from "../engine";
import { tempDb, type TempDb } from "../testing/temp-db";
import { setConsent } from "./consent";
import { customerView } from "./customer-view";
import { runEngine } from "./engine";
import { ConsentRequiredError, NotFoundError } from "./errors";
import { loadGenerated } from "./generate";

const AS_OF = "2026-10-31";
const WEEK_EARLIER = "2026-10-24";
let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
  await loadGenerated({ users: 40, seed: 11, asOf: AS_OF, months: 7, url: db.url });
});
afterEach(() => db.cleanup());

const count = async (sql: string, args: (string | number)[] = []) => Number((await db.sql.execute({ sql, args })).rows[0].n);
const consenting = async () => (await db.sql.execute("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id")).rows.map((r) => String(r.user_id));

describe("engine service (load → engine → persist) on a temporary SQLite file", () => {
  it("computes every consenting customer and nobody else", async () => {
    const ids = await consenting();
    const s = await runEngine({ url: db.url, asOf: AS_OF });
    expect(s.customers).toBe(ids.length);
    expect(s.skipped_no_consent).toBe(40 - ids.length);
    expect(await count(`SELECT COUNT(DISTINCT user_id) AS n FROM signal_snapshots`)).toBe(ids.length);
    expect(await count(`SELECT COUNT(*) AS n FROM signal_snapshots s JOIN customers c USING (user_id) WHERE c.consent = FALSE`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM persona_assignments`)).toBe(ids.length * 2);
    expect(await count(`SELECT COUNT(*) AS n FROM recommendations WHERE disclaimer != ?`, [DISCLAIMER])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review'`)).toBe(s.recommendations);
  });

  it("show returns the §6 shape with rationale, citations, disclaimer and trace", async () => {
    await runEngine({ url: db.url, asOf: AS_OF });
    const [id] = await consenting();
    const view = await customerView(db.sql, id);
    expect(view).toMatchObject({ user_id: id, consent: true });
    for (const w of ["30d", "180d"] as const) {
      const win = view.windows[w]!;
      expect(win.signals).toBeTruthy();
      expect(win.persona).toHaveProperty("primary");
      expect(win.persona).toHaveProperty("secondary");
      for (const r of win.recommendations) {
        expect(["education", "offer"]).toContain(r.kind);
        expect(r.rationale.length).toBeGreaterThan(20);
        expect(r.citations.length).toBeGreaterThan(0);
        expect(r.disclaimer).toBe(DISCLAIMER);
        expect(r.trace).toMatchObject({ window: w, as_of: AS_OF });
      }
    }
  });

  it("a re-run appends a new set, supersedes what was still pending, keeps each run's assignments, and its history shows one per window and asOf", async () => {
    // Runs end on or before the newest data (AS_OF): the re-runs first, a week earlier.
    const first = await runEngine({ url: db.url, asOf: WEEK_EARLIER });
    const second = await runEngine({ url: db.url, asOf: WEEK_EARLIER });
    expect(second.recommendations).toBe(first.recommendations);
    expect(await count("SELECT COUNT(*) AS n FROM recommendations")).toBe(first.recommendations * 2);
    expect(await count("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'superseded'")).toBe(first.recommendations);
    // Each run keeps its own assignments (an earlier run at the same as-of can be made current again).
    expect(await count("SELECT COUNT(*) AS n FROM persona_assignments")).toBe(first.customers * 4);
    const later = await runEngine({ url: db.url, asOf: AS_OF });
    expect(later.customers).toBe(first.customers);
    expect(await count("SELECT COUNT(*) AS n FROM persona_assignments")).toBe(first.customers * 6);
    // History and tenure: the second assignment knows the first.
    const [id] = await consenting();
    const view = await customerView(db.sql, id, ["180d"]);
    const p = view.windows["180d"]!.persona!;
    expect(p.history.map((h) => h.as_of)).toEqual([AS_OF, WEEK_EARLIER]);
    expect(p.transition.kind).toMatch(/unchanged|positive|negative/);
    if (p.history[0].primary === p.history[1].primary) expect(p.tenure_days).toBe(7);
  });

  it("an item approved for the customer is not recommended again within 30 days", async () => {
    await runEngine({ url: db.url, asOf: "2026-10-15" });
    const [id] = await consenting();
    // One approved item: it is not repeated, and it fills one place of the window's 3–5 education items.
    const approved = (await db.sql.execute({ sql: `SELECT id, content_id FROM recommendations WHERE user_id = ? AND "window" = '30d' AND kind = 'education' ORDER BY rank LIMIT 1`, args: [id] })).rows;
    expect(approved).toHaveLength(1);
    await db.sql.execute({ sql: "UPDATE recommendations SET status = 'approved' WHERE id = ?", args: [approved[0].id] });
    await runEngine({ url: db.url, asOf: AS_OF, userIds: [id] });
    const again = (await db.sql.execute({ sql: `SELECT content_id FROM recommendations WHERE user_id = ? AND "window" = '30d' AND as_of = ? AND kind = 'education'`, args: [id, AS_OF] })).rows.map((r) => String(r.content_id));
    expect(again.length).toBeGreaterThan(0);
    expect(again.length).toBeLessThanOrEqual(4);
    expect(again).not.toContain(String(approved[0].content_id));
  });

  it("worker threads and inline runs persist identical results", async () => {
    const inline = await runEngine({ url: db.url, asOf: AS_OF, workers: 0 });
    const a = (await db.sql.execute({ sql: `SELECT user_id, "window", payload FROM signal_snapshots WHERE run_id = ? ORDER BY 1, 2`, args: [inline.run_id] })).rows.map((r) => ({ ...r }));
    const recsA = (await db.sql.execute(`SELECT user_id, "window", content_id, rationale FROM recommendations ORDER BY 1, 2, 3`)).rows.map((r) => ({ ...r }));
    await db.sql.execute("DELETE FROM recommendations");
    const threaded = await runEngine({ url: db.url, asOf: AS_OF, workers: 2 });
    expect(threaded.customers).toBe(inline.customers);
    expect((await db.sql.execute({ sql: `SELECT user_id, "window", payload FROM signal_snapshots WHERE run_id = ? ORDER BY 1, 2`, args: [threaded.run_id] })).rows.map((r) => ({ ...r }))).toEqual(a);
    expect((await db.sql.execute(`SELECT user_id, "window", content_id, rationale FROM recommendations ORDER BY 1, 2, 3`)).rows.map((r) => ({ ...r }))).toEqual(recsA);
  });

  it("revoking consent deletes derived data, withdraws undelivered recommendations and keeps the history", async () => {
    await runEngine({ url: db.url, asOf: AS_OF });
    const [id] = await consenting();
    const recs = await count("SELECT COUNT(*) AS n FROM recommendations WHERE user_id = ?", [id]);
    expect(recs).toBeGreaterThan(0);
    const r = await setConsent(db.sql, id, false, { source: "test" });
    expect(r).toMatchObject({ changed: true, withdrawn_recommendations: recs });
    expect(await count("SELECT COUNT(*) AS n FROM signal_snapshots WHERE user_id = ?", [id])).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM persona_assignments WHERE user_id = ?", [id])).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM decision_traces WHERE user_id = ?", [id])).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM recommendations WHERE user_id = ? AND (status != 'withdrawn' OR citations != '[]')", [id])).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM consent_events WHERE user_id = ?", [id])).toBe(2);
    await expect(customerView(db.sql, id)).rejects.toBeInstanceOf(ConsentRequiredError);
    // A later run skips them entirely.
    await runEngine({ url: db.url, asOf: AS_OF });
    expect(await count("SELECT COUNT(*) AS n FROM signal_snapshots WHERE user_id = ?", [id])).toBe(0);
  });

  it("refuses unknown customers", async () => {
    await expect(customerView(db.sql, "usr_nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(runEngine({ url: db.url, userIds: ["usr_nope"] })).rejects.toThrow(/unknown customer id/);
  });
});
