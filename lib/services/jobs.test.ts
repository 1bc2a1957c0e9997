// Engine runs hold a lease in the database (issue 11, point 5): one run at a time across every
// process, progress any process can read, and runs whose process died marked failed once their
// lease expires. Real runs, real SQLite files, real CLI processes killed with SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { dialectOf } from "../db/dialect";
import { exited } from "../testing/processes";
import { tempDb, type TempDb } from "../testing/temp-db";
import { checkHealth } from "./database";
import { ConflictError } from "./errors";
import { loadGenerated, writeGeneratedFiles } from "./generate";
import { recentJobs, startEngineJob } from "./jobs";
import { startWorker, type RunningWorker } from "./run-worker";
import { closeQueueClient } from "../queue/boss";
import { onPostgres } from "../testing/postgres";

const ROOT = path.resolve(__dirname, "../..");
const LEASE_MS = 1500;
let t: TempDb;
let db: Db;
const children: ChildProcess[] = [];
// On PostgreSQL the app's runs are queued (./run-queue): a worker in this process takes them.
let worker: RunningWorker | null = null;
beforeAll(async () => {
  t = await tempDb();
  db = createPrisma(t.url);
  await loadGenerated({ users: 400, seed: 11, asOf: "2026-10-31", months: 7, url: t.url });
  if (onPostgres()) worker = await startWorker({ url: t.url });
}, 120_000);
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await worker?.stop();
  await closeQueueClient(t.url);
  await db.$disconnect();
  t.cleanup();
});
afterEach(() => vi.unstubAllEnvs());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rows = async (sql: string) => (await t.sql.execute(sql)).rows;
/** SQLite checks its file; PostgreSQL's own recovery keeps a killed writer's transaction out (the counts below check it). */
const integrityOk = async () => dialectOf(t.sql) === "postgres" || (await rows("PRAGMA integrity_check"))[0].integrity_check === "ok";

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The `spendsense` CLI as a real second process (one process, so SIGKILL kills it) on the test database, with a short run lease. */
function cli(...args: string[]): ChildProcess {
  // `run --local`: the CLI computes the run itself, holding the lease, on PostgreSQL as on SQLite.
  if (args[0] === "run" && onPostgres()) args.push("--local");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli/bin.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.url, SPENDSENSE_RUN_LEASE_MS: String(LEASE_MS) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

const finished = (id: number) => until(`run #${id} to end`, async () => (await recentJobs(t.url)).find((j) => j.id === id && j.status !== "running"));

describe("engine runs hold a lease in the database", () => {
  it("ten quick start-run requests give one run and nine 'a run is already in progress' answers", async () => {
    const before = Number((await rows("SELECT COUNT(*) AS n FROM engine_runs"))[0].n);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => startEngineJob(db, { as_of: "2026-10-31" }, `op${i}@x`, t.url)));
    const started = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(ConflictError);
      expect((r.reason as Error).message).toMatch(/a run is already in progress \(run #\d+ as of 2026-10-31, started by op\d@x/);
    }
    expect(Number((await rows("SELECT COUNT(*) AS n FROM engine_runs"))[0].n)).toBe(before + 1);

    const job = (started[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof startEngineJob>>>).value;
    const done = await finished(job.id);
    const consenting = Number((await rows("SELECT COUNT(*) AS n FROM customers WHERE consent = TRUE"))[0].n);
    expect(done).toMatchObject({ status: "finished", done: consenting, total: consenting, error: null, summary: { run_id: job.id, customers: consenting } });
    expect(done.summary!.recommendations).toBeGreaterThan(0);
    const audit = await db.auditEntry.findMany({ where: { action: "engine.run" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: String(job.id), actor: job.started_by });
  }, 120_000);

  it("a CLI run holds the lease against the app; SIGKILLed, it is marked failed once its lease expires, and runs start again", async () => {
    vi.stubEnv("SPENDSENSE_RUN_LEASE_MS", String(LEASE_MS));
    const child = cli("run", "--as-of", "2026-10-31", "--workers", "0");
    const run = await until("the CLI run to take its lease", async () => (await rows("SELECT id, done, total FROM engine_runs WHERE status = 'running'"))[0]);
    // Another process holds the lease: the app refuses, naming the run.
    await expect(startEngineJob(db, {}, "op@x", t.url)).rejects.toThrow(new RegExp(`a run is already in progress \\(run #${run.id} as of 2026-10-31, started by cli`));

    child.kill("SIGKILL");
    await exited(child);
    // Killed, it is still "running" until its lease runs out; then anyone looking marks it failed.
    expect((await recentJobs(t.url)).find((j) => j.id === Number(run.id))?.status).toBe("running");
    await sleep(LEASE_MS + 200);
    const health = await checkHealth(t.url);
    expect(health.latest_run).toMatchObject({ id: Number(run.id), status: "failed", error: expect.stringMatching(/lease expired/) });
    expect((await recentJobs(t.url)).find((j) => j.id === Number(run.id))).toMatchObject({ status: "failed", error: expect.stringMatching(/its process stopped .* lease expired/) });
    expect(await rows(`SELECT status, finished_at IS NOT NULL AS ended FROM engine_runs WHERE id = ${run.id}`)).toMatchObject([{ status: "failed", ended: 1 }]);
    expect(await integrityOk()).toBe(true);

    const next = await startEngineJob(db, {}, "op@x", t.url);
    expect((await finished(next.id)).status).toBe("finished");
  }, 120_000);

  it("a SIGKILLed CLI ingest leaves the database whole, with nothing of it written, and writable at once", async () => {
    const files = path.join(t.dir, "gen");
    await writeGeneratedFiles({ users: 1500, seed: 77, asOf: "2026-10-31", months: 7, outDir: files });
    const before = await rows("SELECT (SELECT COUNT(*) FROM customers) AS c, (SELECT COUNT(*) FROM transactions) AS t");
    const child = cli("ingest", path.join(files, "bundles"));
    vi.stubEnv("SPENDSENSE_DB_BUSY_TIMEOUT_MS", "20"); // this test's probe gives up at once
    // Wait until it holds the write lock (mid-transaction), then kill it.
    await until("the ingest to hold the write lock", async () => {
      try {
        const tx = await t.sql.transaction("write");
        await tx.rollback();
        return false;
      } catch {
        return true;
      }
    });
    child.kill("SIGKILL");
    await exited(child);
    vi.unstubAllEnvs();
    expect(await integrityOk()).toBe(true);
    expect(await rows("SELECT (SELECT COUNT(*) FROM customers) AS c, (SELECT COUNT(*) FROM transactions) AS t")).toEqual(before);
    const started = Date.now();
    await db.auditEntry.create({ data: { actor: "test", action: "after.kill", target_type: "test", target_id: "1" } });
    expect(Date.now() - started).toBeLessThan(1000);
  }, 180_000);

  it("refuses an impossible date before starting anything", async () => {
    const before = Number((await rows("SELECT COUNT(*) AS n FROM engine_runs"))[0].n);
    await expect(startEngineJob(db, { as_of: "2026-02-30" }, "op@x", t.url)).rejects.toBeInstanceOf(ZodError);
    expect(Number((await rows("SELECT COUNT(*) AS n FROM engine_runs"))[0].n)).toBe(before);
  });
});
