import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../db/client";
import { CUSTOMER_DATA, REMOVED } from "../db/customer-data";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import { writeEngineResults } from "../db/write-engine-results";
import { DEFAULT_CONFIG } from "../engine";
import { derivedValues, schemaTables, sweepEvalFolders, sweepTables, userArgs } from "../testing/customer-sweep";
import { tempDb, type TempDb } from "../testing/temp-db";
import { setConsent } from "./consent";
import { loadEngineJob, runEngine } from "./engine";
import { computeJob } from "./engine-job";
import { runEval } from "./eval";
import { recordFeedback } from "./feedback";
import { loadGenerated } from "./generate";
import { alternativesFor, overridePersona, overrideRecommendation } from "./overrides";
import { reviewRecommendation } from "./review";

const AS_OF = "2026-10-31";
/** The generator's ground-truth label names personas; it is input to the synthetic data, not derived from it. */
const LABELS = ["generator_labels.intended_persona", "generator_labels.profile"];
let t: TempDb;
let db: Db;
beforeEach(async () => {
  t = await tempDb();
  await loadGenerated({ users: 20, seed: 3, asOf: AS_OF, months: 7, url: t.url });
  await runEngine({ url: t.url, asOf: AS_OF });
  db = createPrisma(t.url);
});
afterEach(async () => {
  await db.$disconnect();
  t.cleanup();
});

const rows = async (sql: string, args: unknown[] = []) => (await t.sql.execute({ sql, args: args as never })).rows.map((r) => ({ ...r }));

/** A customer with a pending education item that can be overridden, and two more pending items. */
async function customerWithAlternatives() {
  for (const rec of await db.recommendation.findMany({ where: { status: "pending_review", kind: "education" }, orderBy: { id: "asc" } })) {
    const alts = (await alternativesFor(t.sql, rec.id)).items;
    const others = await db.recommendation.findMany({ where: { user_id: rec.user_id, status: "pending_review", id: { not: rec.id } }, orderBy: { id: "asc" } });
    if (alts.length && others.length >= 3) return { rec, alts, others };
  }
  throw new Error("no customer in the fixture has an item with alternatives");
}

describe("revoking consent removes every derived value of the customer", () => {
  it("leaves nothing derived in any table or evaluation folder, and keeps ids, statuses, timestamps and the consent history", async () => {
    const { rec, alts, others } = await customerWithAlternatives();
    const id = rec.user_id;
    const [rejected, approved, delivered] = others;
    const cited = (JSON.parse(rejected.citations) as Array<{ display: string }>).map((c) => c.display).join(", ");
    // Every kind of derived data a customer can have: reviewed, overridden, delivered and superseded
    // items, a persona override, audit entries that quote their numbers, and two evaluation folders.
    await reviewRecommendation(db, { action: "reject", id: rejected.id, version: rejected.version, reason: `Numbers look off: ${cited}` }, "op@x");
    await reviewRecommendation(db, { action: "approve", id: approved.id, version: approved.version }, "op@x");
    await t.sql.execute({ sql: "UPDATE recommendations SET status = 'delivered' WHERE id = ?", args: [delivered.id] });
    await overrideRecommendation(db, t.sql, { id: rec.id, version: rec.version, content_id: alts[0].content_id, reason: "Closer to what the customer asked about" }, "op@x");
    const engine = await db.personaAssignment.findFirstOrThrow({ where: { user_id: id, window: "30d" } });
    await overridePersona(db, t.sql, { user_id: id, window: "30d", persona: engine.primary_persona === "fee_fighter" ? "savings_builder" : "fee_fighter", justification: `Reviewed the accounts; engine said ${engine.primary_persona}` }, "op@x");
    await recordFeedback(db, { user_id: id, recommendation_id: approved.id, rating: "helpful" }, "api:test");
    await runEngine({ url: t.url, asOf: "2026-10-24", userIds: [id] });
    await runEval({ url: t.url, outDir: path.join(t.dir, "eval-a") });
    await runEval({ url: t.url, outDir: path.join(t.dir, "eval-b") });

    const derived = await derivedValues(t.sql, id);
    const before = { tables: await sweepTables(t.sql, id, derived, LABELS), files: await sweepEvalFolders(t.sql, id, derived) };
    // The sweep sees the derived data where it is (so it can fail).
    const leakyTables = new Set(before.tables.map((l) => l.where.split(".")[0]));
    for (const table of ["recommendations", "signal_snapshots", "persona_assignments", "decision_traces", "persona_overrides", "audit_log"]) expect(leakyTables).toContain(table);
    expect(before.files.map((l) => path.relative(t.dir, l.where))).toEqual(expect.arrayContaining([`eval-a/traces/${id}.json`, `eval-b/traces/${id}.json`]));
    const kept = await rows("SELECT id, status, created_at, content_id FROM recommendations WHERE user_id = ? ORDER BY id", [id]);
    const history = await rows("SELECT id, granted, recorded_at FROM consent_events WHERE user_id = ? ORDER BY id", [id]);
    const audits = await rows("SELECT id, actor, action, created_at FROM audit_log WHERE user_id = ? ORDER BY id", [id]);
    expect(new Set(kept.map((r) => r.status))).toEqual(new Set(["pending_review", "approved", "rejected", "delivered", "overridden", "superseded"]));

    const r = await setConsent(t.sql, id, false, { source: "test", note: "customer asked" });
    expect(r).toMatchObject({ changed: true, withdrawn_recommendations: kept.filter((k) => k.status === "pending_review" || k.status === "approved").length });

    expect(await sweepTables(t.sql, id, derived, LABELS)).toEqual([]);
    expect(await sweepEvalFolders(t.sql, id, derived)).toEqual([]);
    // Every table holding rows about a customer is in the declared list, which finds exactly those rows…
    for (const table of await schemaTables(t.sql)) {
      const policy = (CUSTOMER_DATA as Record<string, { rows?: string; derived?: unknown; only?: string }>)[table.name];
      if (!table.rows) continue;
      expect(policy?.rows, `${table.name} holds rows about a customer but lib/db/customer-data.ts does not say what in it is derived`).toBeDefined();
      const found = await rows(`SELECT COUNT(*) AS n FROM "${table.name}" WHERE ${table.rows}`, userArgs(table.rows, id));
      expect(await rows(`SELECT COUNT(*) AS n FROM "${table.name}" WHERE ${policy!.rows}`, userArgs(policy!.rows!, id)), table.name).toEqual(found);
      // …and every value it calls derived is gone (numbers too, which no text sweep sees).
      if (policy!.derived === "rows") expect(found[0].n, table.name).toBe(0);
      else if (policy!.derived) {
        const where = `(${policy!.rows})${policy!.only ? ` AND (${policy!.only})` : ""}`;
        for (const [column, value] of Object.entries(policy!.derived as Record<string, unknown>)) {
          expect(await rows(`SELECT COUNT(*) AS n FROM "${table.name}" WHERE ${where} AND "${column}" IS DISTINCT FROM ?`, [...userArgs(policy!.rows!, id), ...(policy!.only ? userArgs(policy!.only, id) : []), value]), `${table.name}.${column}`).toEqual([{ n: 0 }]);
        }
      }
    }
    // Ids, statuses and timestamps stay; undelivered items are withdrawn; the audit trail and consent history stay.
    const after = await rows("SELECT id, status, created_at, content_id FROM recommendations WHERE user_id = ? ORDER BY id", [id]);
    expect(after).toEqual(kept.map((k) => ({ ...k, status: k.status === "pending_review" || k.status === "approved" ? "withdrawn" : k.status })));
    expect(await rows("SELECT DISTINCT rationale FROM recommendations WHERE user_id = ?", [id])).toEqual([{ rationale: REMOVED }]);
    expect((await rows("SELECT id, actor, action, created_at FROM audit_log WHERE user_id = ? ORDER BY id", [id])).slice(0, audits.length)).toEqual(audits);
    const events = await rows("SELECT id, granted, recorded_at FROM consent_events WHERE user_id = ? ORDER BY id", [id]);
    expect(events.slice(0, -1)).toEqual(history);
    expect(await rows("SELECT granted, note FROM consent_events WHERE id = ?", [events.at(-1)!.id])).toEqual([{ granted: 0, note: "customer asked" }]);
    // The override page (/review/{id}) reads the row and its alternatives: nothing derived is left to show.
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ status: "overridden", rationale: REMOVED, citations: "[]", score: null, trace_id: null });
    expect((await alternativesFor(t.sql, rec.id)).items).toEqual([]);
  });

  it("a run in progress writes nothing for a customer who revoked between computing and writing", async () => {
    const [a, b] = (await rows("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id LIMIT 2")).map((r) => String(r.user_id));
    const job = await loadEngineJob(t.sql, [a, b], { asOf: "2026-11-07", config: DEFAULT_CONFIG, catalog: await loadApprovedCatalog(t.sql) });
    const results = computeJob(job);
    await setConsent(t.sql, a, false, { source: "test" });
    const run = await rows("INSERT INTO engine_runs (as_of, engine_version, config_hash) VALUES ('2026-11-07', 'test', 'test') RETURNING id");
    const tx = await t.sql.transaction("write");
    await writeEngineResults(tx, Number(run[0].id), results);
    await tx.commit();
    tx.close();
    for (const table of ["signal_snapshots", "persona_assignments", "decision_traces", "recommendations"]) {
      expect(await rows(`SELECT user_id, COUNT(*) AS n FROM ${table} WHERE run_id = ? GROUP BY user_id`, [run[0].id]), table).toEqual([{ user_id: b, n: expect.any(Number) }]);
    }
    expect(await rows("SELECT COUNT(*) AS n FROM recommendations WHERE user_id = ? AND status = 'pending_review'", [a])).toEqual([{ n: 0 }]);
  });

  it("an evaluation that is writing when the customer revokes leaves no trace file of theirs", async () => {
    const [id] = (await rows("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id LIMIT 1")).map((r) => String(r.user_id));
    const out = path.join(t.dir, "eval");
    // Progress is reported once the chunk's trace files are written, before the run is recorded.
    await runEval({ url: t.url, outDir: out, onProgress: async () => void (await setConsent(t.sql, id, false, { source: "test" })) });
    expect(fs.existsSync(path.join(out, "traces", `${id}.json`))).toBe(false);
    expect(fs.readdirSync(path.join(out, "traces")).length).toBeGreaterThan(0);
  });
});
