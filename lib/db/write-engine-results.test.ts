// Writing an engine chunk is idempotent per (run, customers): a retried chunk (a queue job run
// twice, a worker that died after committing) leaves exactly the rows one write leaves. Real
// generated customers, a real run lease, the real engine, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configHash, DEFAULT_CONFIG, ENGINE_VERSION, type EngineResult } from "../engine";
import { createBudget } from "../services/budgets";
import { loadEngineJob } from "../services/engine";
import { computeJob } from "../services/engine-job";
import { loadGenerated } from "../services/generate";
import { acquireRunLease } from "../services/run-lease";
import { dumpDb, tempDb, type TempDb } from "../testing/temp-db";
import { createPrisma, type Db } from "./client";
import { loadApprovedCatalog } from "./queries/engine-input";
import { writeEngineResults } from "./write-engine-results";

const AS_OF = "2026-10-31";
let t: TempDb;
let db: Db;
let results: EngineResult[];
let runId: number;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 16, seed: 5, asOf: AS_OF, months: 7, url: t.url });
  db = createPrisma(t.url);
  const ids = (await t.sql.execute("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id")).rows.map((r) => String(r.user_id));
  for (const [i, category] of ["FOOD_AND_DRINK", "GENERAL_MERCHANDISE"].entries()) await createBudget(db, { user_id: ids[i], category, amount_cents: 1000 }, "test", "staff");
  runId = (await acquireRunLease(t.sql, { asOf: AS_OF, engineVersion: ENGINE_VERSION, configHash: configHash(DEFAULT_CONFIG), startedBy: "test" })).id;
  results = computeJob(await loadEngineJob(t.sql, ids, { asOf: AS_OF, config: DEFAULT_CONFIG, catalog: await loadApprovedCatalog(t.sql) }));
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

async function write(): Promise<{ recommendations: number; alerts: number }> {
  const tx = await t.sql.transaction("write");
  try {
    const out = await writeEngineResults(tx, runId, results);
    await tx.commit();
    return out;
  } finally {
    tx.close();
  }
}

const without = (r: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** Every row, with each recommendation's trace named by what it is about (trace ids are new on a rewrite). */
async function rows(): Promise<Record<string, Array<Record<string, unknown>>>> {
  const dump = (await dumpDb(t.sql, { withoutClock: true })) as Record<string, Array<Record<string, unknown>>>;
  const traces = new Map(dump.decision_traces.map((r) => [Number(r.id), r]));
  const about = (id: unknown) => (id === null ? null : `${traces.get(Number(id))?.user_id}/${traces.get(Number(id))?.window}`);
  return {
    ...dump,
    decision_traces: dump.decision_traces.map((r) => without(r, "id")),
    recommendations: dump.recommendations.map((r) => ({ ...without(r, "id", "trace_id"), trace: about(r.trace_id) })),
  };
}

describe("writing an engine chunk", () => {
  it("twice leaves the same recommendations, traces, budget statuses and alert sightings as once", async () => {
    const once = await write();
    const first = await rows();
    // The chunk has something of every kind to duplicate.
    expect(once.recommendations).toBeGreaterThan(0);
    expect(first.recommendations).toHaveLength(once.recommendations);
    expect(first.budget_statuses.length).toBeGreaterThan(0);
    expect(first.alert_sightings.length).toBeGreaterThan(0);
    expect(first.recommendations.every((r) => typeof r.trace === "string" && !r.trace.includes("undefined"))).toBe(true);

    expect(await write()).toEqual(once);
    expect(await rows()).toEqual(first);
  });
});
