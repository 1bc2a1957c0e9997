// Distributed engine runs (issue 14, point 3). On PostgreSQL: a run is queued in chunks; real
// `spendsense worker` processes take them; one is SIGKILLed mid-chunk and its chunk is retried
// after the chunk lease, and the run still finishes once, with one set of results; with no worker
// the follower says so. On SQLite: the same startRun computes in this process, no queue.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { persistChunk, runState } from "../db/queries/runs";
import { closeQueueClient, sendChunks } from "../queue/boss";
import { onPostgres } from "../testing/postgres";
import { waitForLine } from "../testing/processes";
import { tempDb, type TempDb } from "../testing/temp-db";
import { DEFAULT_CONFIG } from "../engine";
import { computeJob } from "./engine-job";
import { loadEngineJob } from "./engine";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import { loadGenerated } from "./generate";
import { setConsent } from "./consent";
import { recentJobs } from "./jobs";
import { followRun, NO_WORKER, startRun } from "./run-queue";
import { acquireRunLease } from "./run-lease";
import { queueStats } from "./queue-stats";
import { startWorker } from "./run-worker";

const ROOT = path.resolve(__dirname, "../..");
const AS_OF = "2026-10-31";
const CHUNK = 8;
let t: TempDb;
const children: ChildProcess[] = [];
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 60, seed: 21, asOf: AS_OF, months: 7, url: t.url });
}, 120_000);
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await closeQueueClient(t.url);
  t.cleanup();
});
afterEach(() => vi.unstubAllEnvs());

const n = async (sql: string, args: (string | number)[] = []) => Number((await t.sql.execute({ sql, args })).rows[0].n);
const consenting = async () => (await t.sql.execute("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id")).rows.map((r) => String(r.user_id));

/** Exactly one set of results for the run: two windows per consenting customer, one trace each, recommendations as counted. */
async function expectOneSetOfResults(runId: number, customers: number) {
  expect(await n("SELECT COUNT(*) AS n FROM persona_assignments WHERE run_id = ?", [runId])).toBe(customers * 2);
  expect(await n("SELECT COUNT(*) AS n FROM signal_snapshots WHERE run_id = ?", [runId])).toBe(customers * 2);
  expect(await n("SELECT COUNT(*) AS n FROM decision_traces WHERE run_id = ?", [runId])).toBe(customers * 2);
  expect(await n(`SELECT COUNT(*) AS n FROM (SELECT user_id, "window", content_id FROM recommendations WHERE run_id = ? GROUP BY user_id, "window", content_id HAVING COUNT(*) > 1) d`, [runId])).toBe(0);
  const s = (await runState(t.sql, runId))!;
  expect(await n("SELECT COUNT(*) AS n FROM recommendations WHERE run_id = ?", [runId])).toBe(s.recommendations);
  expect(s.recommendations).toBeGreaterThan(0);
}

describe("a chunk written twice (a retry after its worker was presumed dead)", () => {
  it("is written once: the second attempt finds the chunk's ledger row and writes nothing; the run finishes exactly once", async () => {
    const ids = (await consenting()).slice(0, 5);
    const lease = await acquireRunLease(t.sql, { asOf: AS_OF, engineVersion: "test", configHash: "test", startedBy: "test" });
    await t.sql.execute({ sql: "UPDATE engine_runs SET total = ? WHERE id = ?", args: [ids.length, lease.id] });
    const job = await loadEngineJob(t.sql, ids, { asOf: AS_OF, config: DEFAULT_CONFIG, catalog: await loadApprovedCatalog(t.sql) });
    const results = computeJob(job);
    const timings = { worker: "w", load_ms: 1, compute_ms: 1, leaseMs: 60_000 };
    const first = await persistChunk(t.sql, { id: lease.id, chunk: 0, customers: ids.length }, results, timings);
    const second = await persistChunk(t.sql, { id: lease.id, chunk: 0, customers: ids.length }, results, timings);
    expect(first).toMatchObject({ outcome: "written", finishedRun: true });
    expect(second).toEqual({ outcome: "run_not_running", status: "finished" });
    // Even while the run is still running, a duplicate chunk writes nothing.
    await t.sql.execute({ sql: "UPDATE engine_runs SET status = 'running', total = ? WHERE id = ?", args: [ids.length * 2, lease.id] });
    expect(await persistChunk(t.sql, { id: lease.id, chunk: 0, customers: ids.length }, results, timings)).toEqual({ outcome: "duplicate" });
    const s = (await runState(t.sql, lease.id))!;
    expect(s).toMatchObject({ done: ids.length, chunks_done: 1 });
    await expectOneSetOfResults(lease.id, ids.length);
    await t.sql.execute({ sql: "UPDATE engine_runs SET status = 'failed' WHERE id = ?", args: [lease.id] });
  });
});

describe("a chunk written beside a consent revocation", () => {
  it("the revocation waits for the chunk's transaction (or the chunk for it): the customer ends with nothing derived either way", async () => {
    const [id] = await consenting();
    const lease = await acquireRunLease(t.sql, { asOf: AS_OF, engineVersion: "test", configHash: "test", startedBy: "test" });
    await t.sql.execute({ sql: "UPDATE engine_runs SET total = 1 WHERE id = ?", args: [lease.id] });
    const results = computeJob(await loadEngineJob(t.sql, [id], { asOf: AS_OF, config: DEFAULT_CONFIG, catalog: await loadApprovedCatalog(t.sql) }));
    const writing = persistChunk(t.sql, { id: lease.id, chunk: 0, customers: 1 }, results, { worker: "w", load_ms: 0, compute_ms: 0, leaseMs: 60_000 });
    const revoking = setConsent(t.sql, id, false, { source: "test" });
    const [written] = await Promise.all([writing, revoking]);
    expect(written.outcome).toBe("written");
    for (const table of ["persona_assignments", "signal_snapshots", "decision_traces"]) expect(await n(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`, [id]), table).toBe(0);
  });
});

if (onPostgres()) {
  /** `spendsense worker` as a real process on the test database, with a short chunk lease. */
  async function worker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli/bin.ts"), "worker"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, SPENDSENSE_CHUNK_LEASE_SECONDS: "3", SPENDSENSE_QUEUE_MAINTENANCE_SECONDS: "1", SPENDSENSE_QUEUE_POLL_SECONDS: "0.5" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => void (stderr += d.toString()));
    await waitForLine(child, "taking engine chunks").catch((err: Error) => Promise.reject(new Error(`${err.message}\nstderr: ${stderr.slice(-2000)}`)));
    return child;
  }

  describe("queued runs on PostgreSQL (pg-boss)", () => {
    it("says when no worker is taking jobs; a worker started later computes the run, which finishes with one set of results", async () => {
      vi.stubEnv("SPENDSENSE_CHUNK_SIZE", String(CHUNK));
      vi.stubEnv("SPENDSENSE_CHUNK_LEASE_SECONDS", "3");
      const ids = await consenting();
      const run = await startRun({ url: t.url, asOf: AS_OF, startedBy: "test", prepare: false });
      expect(run).toMatchObject({ queued: true, customers: ids.length, result: null });
      const warnings: string[] = [];
      const progress: number[] = [];
      const following = followRun(t.url, run.run_id, { noWorkerSeconds: 1, pollMs: 100, onNoWorker: (m) => warnings.push(m), onProgress: (d) => progress.push(d) });
      await new Promise((r) => setTimeout(r, 2000));
      expect(warnings).toEqual([NO_WORKER]);
      expect((await runState(t.sql, run.run_id))!).toMatchObject({ status: "running", done: 0, total: ids.length });
      // Health and /api/metrics read the same queue: every chunk waiting, no worker seen.
      expect(await queueStats(t.url)).toEqual({ queue: "pg-boss", queued: Math.ceil(ids.length / CHUNK), active: 0, failed: 0, workers: 0 });
      // The staff page's live runs say the same, until a worker checks in.
      const job = async () => (await recentJobs(t.url)).find((j) => j.id === run.run_id);
      expect(await job()).toMatchObject({ status: "running", no_worker: true });
      const w = await worker();
      expect((await queueStats(t.url))!.workers).toBe(1);
      expect((await job())!.no_worker).toBe(false);
      const summary = await following;
      expect(summary).toMatchObject({ run_id: run.run_id, customers: ids.length });
      expect(progress.at(-1)).toBe(ids.length);
      expect(await n("SELECT COUNT(*) AS n FROM engine_run_chunks WHERE run_id = ?", [run.run_id])).toBe(Math.ceil(ids.length / CHUNK));
      await expectOneSetOfResults(run.run_id, ids.length);
      w.kill("SIGTERM");
    }, 120_000);

    it("a worker SIGKILLed mid-chunk: its chunk is retried after the lease by another worker, and the run finishes once with exactly one set of results", async () => {
      vi.stubEnv("SPENDSENSE_CHUNK_SIZE", "2");
      vi.stubEnv("SPENDSENSE_CHUNK_LEASE_SECONDS", "3");
      const ids = await consenting();
      const activeChunks = () => n(`SELECT COUNT(*) AS n FROM pgboss.job WHERE name = 'engine-chunk' AND state = 'active' AND (data->>'run_id')::int = ?`, [run.run_id]);
      let doomed = await worker();
      const run = await startRun({ url: t.url, asOf: AS_OF, startedBy: "test", prepare: false });
      // Kill it while it holds a chunk (pg-boss marks a taken job active), after it wrote some. A
      // kill that lands between two chunks holds none: then another worker is started and killed.
      for (let attempt = 0; ; attempt++) {
        for (let i = 0; ; i++) {
          const s = (await runState(t.sql, run.run_id))!;
          if (s.chunks_done >= 2 && (await activeChunks()) > 0) break;
          expect(s.status).toBe("running");
          expect(i).toBeLessThan(3000);
          await new Promise((r) => setTimeout(r, 5));
        }
        doomed.kill("SIGKILL");
        await new Promise((r) => doomed.once("exit", r));
        if ((await activeChunks()) > 0) break;
        expect(attempt).toBeLessThan(5);
        doomed = await worker();
      }
      await worker();
      const summary = await followRun(t.url, run.run_id, { pollMs: 100 });
      expect(summary.customers).toBe(ids.length);
      const s = (await runState(t.sql, run.run_id))!;
      expect(s).toMatchObject({ status: "finished", done: ids.length, total: ids.length, chunks_done: Math.ceil(ids.length / 2) });
      // The chunk the dead worker held was taken again after its lease expired.
      expect(await n(`SELECT COUNT(*) AS n FROM pgboss.job WHERE name = 'engine-chunk' AND retry_count > 0 AND (data->>'run_id')::int = ?`, [run.run_id])).toBeGreaterThan(0);
      await expectOneSetOfResults(run.run_id, ids.length);
    }, 180_000);

    it("a chunk that fails for good (a worker of another engine configuration) fails its run with the reason; the run ends instead of waiting", async () => {
      vi.stubEnv("SPENDSENSE_CHUNK_RETRIES", "1");
      vi.stubEnv("SPENDSENSE_CHUNK_RETRY_DELAY_SECONDS", "0");
      vi.stubEnv("SPENDSENSE_QUEUE_POLL_SECONDS", "0.5");
      const w = await startWorker({ url: t.url });
      try {
        const ids = (await consenting()).slice(0, 3);
        const lease = await acquireRunLease(t.sql, { asOf: AS_OF, engineVersion: "other", configHash: "other-config", startedBy: "test" });
        await t.sql.execute({ sql: "UPDATE engine_runs SET total = ? WHERE id = ?", args: [ids.length, lease.id] });
        await sendChunks(t.url, [{ run_id: lease.id, chunk: 0, as_of: AS_OF, config_hash: "other-config", user_ids: ids }]);
        await expect(followRun(t.url, lease.id, { pollMs: 100 })).rejects.toThrow(/run #\d+ chunk 1 failed after 2 attempt\(s\): run #\d+ chunk 1 was planned for engine configuration other-config, this worker runs/);
        expect(await n("SELECT COUNT(*) AS n FROM persona_assignments WHERE run_id = ?", [lease.id])).toBe(0);
      } finally {
        await w.stop();
      }
    }, 60_000);
  });
} else {
  describe("runs on SQLite", () => {
    it("startRun computes in this process (nothing queued), through the same interface", async () => {
      const ids = await consenting();
      const run = await startRun({ url: t.url, asOf: AS_OF, startedBy: "test", prepare: false, workers: 0 });
      expect(run).toMatchObject({ queued: false, customers: ids.length });
      const summary = await run.result!;
      expect(summary).toMatchObject({ run_id: run.run_id, customers: ids.length });
      expect((await runState(t.sql, run.run_id))!).toMatchObject({ status: "finished", done: ids.length });
      await expectOneSetOfResults(run.run_id, ids.length);
      // No workers on SQLite, and none needed: a run is never shown waiting for one.
      expect((await recentJobs(t.url)).find((j) => j.id === run.run_id)).toMatchObject({ status: "finished", no_worker: false });
    });
  });
}
