// `spendsense worker` (issue 14, point 3): takes chunk jobs of queued runs from PostgreSQL, loads
// the chunk's customers, computes them and writes them in one transaction, exactly once
// (lib/db/queries/runs.ts persistChunk). Any number of workers, on any machines, against the same
// DATABASE_URL. A worker that dies mid-chunk leaves it to the queue's lease: once it times out,
// another worker takes it again; a chunk already written is never written twice.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { configHash, DEFAULT_CONFIG, ENGINE_VERSION } from "../engine";
import type { ContentItem } from "../engine/recommend/content";
import { prepareDatabase } from "../db/prepare";
import { newestDataDate } from "../db/queries/current-results";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import { extendRunLeases, failRun, persistChunk, workerGone, workerSeen } from "../db/queries/runs";
import { openSql } from "../db/sql";
import { startQueueWorker, type ChunkData, type ChunkJob } from "../queue/boss";
import { computeJob } from "./engine-job";
import { loadEngineJob, workerFile, workerPool, type Compute } from "./engine";
import { RunInProgressError } from "./run-lease";
import { queuedRunLeaseMs, startRun } from "./run-queue";
import { todayIso } from "./run-as-of";

export interface WorkerOptions {
  url: string;
  /** Chunks this process works on at once (each on its own engine thread when above 1). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

const BEAT_MS = 5_000;

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const log = opts.log ?? (() => undefined);
  const sql = await openSql(opts.url);
  await prepareDatabase(sql);
  const me = { id: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: os.hostname(), pid: process.pid, concurrency };
  await workerSeen(sql, me);
  const hash = configHash(DEFAULT_CONFIG);

  // Runs with a chunk in this worker's hands: their lease is kept alive while it works.
  const inHand = new Map<number, number>();
  const beat = setInterval(() => {
    void Promise.all([workerSeen(sql, me), extendRunLeases(sql, [...inHand.keys()], queuedRunLeaseMs())]).catch(() => undefined);
  }, BEAT_MS);
  beat.unref?.();

  const file = concurrency > 1 ? workerFile() : null;
  const pool = file ? workerPool(concurrency, file) : null;
  const compute: Compute = pool ? pool.compute : async (job) => computeJob(job);
  // The approved catalog as of the run's first chunk here, per run (the last few runs).
  const catalogs = new Map<number, Promise<ContentItem[]>>();
  const catalogOf = (runId: number) => {
    if (!catalogs.has(runId)) {
      catalogs.set(runId, loadApprovedCatalog(sql));
      if (catalogs.size > 4) catalogs.delete(catalogs.keys().next().value!);
    }
    return catalogs.get(runId)!;
  };

  async function chunk({ data, retryCount, retryLimit }: ChunkJob): Promise<void> {
    const label = `run #${data.run_id} chunk ${data.chunk + 1}`;
    inHand.set(data.run_id, (inHand.get(data.run_id) ?? 0) + 1);
    try {
      if (data.config_hash !== hash) {
        throw new Error(`${label} was planned for engine configuration ${data.config_hash}, this worker runs ${hash} (engine ${ENGINE_VERSION}): run workers of the same version as the app`);
      }
      await extendRunLeases(sql, [data.run_id], queuedRunLeaseMs());
      const t0 = performance.now();
      const job = await loadEngineJob(sql, data.user_ids, { asOf: data.as_of, config: DEFAULT_CONFIG, catalog: await catalogOf(data.run_id) });
      const t1 = performance.now();
      const results = await compute(job);
      const t2 = performance.now();
      const out = await persistChunk(sql, { id: data.run_id, chunk: data.chunk, customers: data.user_ids.length }, results, {
        worker: me.id,
        load_ms: Math.round(t1 - t0),
        compute_ms: Math.round(t2 - t1),
        leaseMs: queuedRunLeaseMs(),
      });
      if (out.outcome === "written") log(`${label}: ${data.user_ids.length} customers, ${out.recommendations} recommendations (load ${Math.round(t1 - t0)} ms, compute ${Math.round(t2 - t1)} ms, write ${out.persist_ms} ms)${out.finishedRun ? `; run #${data.run_id} finished` : ""}`);
      else if (out.outcome === "duplicate") log(`${label}: already written by an earlier attempt; nothing written again`);
      else log(`${label}: the run is ${out.status}; skipped`);
    } catch (err) {
      // The last attempt: the run cannot finish, so it says why now (the dead-letter queue is the backstop).
      if (retryCount >= retryLimit) await failRun(sql, data.run_id, `${label} failed after ${retryCount + 1} attempt(s): ${(err as Error).message}`).catch(() => undefined);
      log(`${label}: failed (attempt ${retryCount + 1} of ${retryLimit + 1}): ${(err as Error).message}`);
      throw err;
    } finally {
      const n = (inHand.get(data.run_id) ?? 1) - 1;
      if (n > 0) inHand.set(data.run_id, n);
      else inHand.delete(data.run_id);
    }
  }

  async function dead(data: ChunkData): Promise<void> {
    if (await failRun(sql, data.run_id, `run #${data.run_id} chunk ${data.chunk + 1} was not completed after its retries (its workers failed or stopped holding it)`)) {
      log(`run #${data.run_id}: failed (chunk ${data.chunk + 1} gave up)`);
    }
  }

  async function scheduled(data: { started_by: string }): Promise<void> {
    // A scheduled run ends on the newest day with data (never after today).
    const today = todayIso();
    const newest = await newestDataDate(sql);
    const asOf = newest !== null && newest < today ? newest : today;
    try {
      const r = await startRun({ url: opts.url, asOf, startedBy: data.started_by, prepare: false });
      log(`scheduled run #${r.run_id} as of ${asOf} queued: ${r.customers} customers`);
    } catch (err) {
      if (err instanceof RunInProgressError) log(`scheduled run skipped: ${err.message}`);
      else throw err;
    }
  }

  const queue = await startQueueWorker(opts.url, concurrency, { chunk, dead, scheduled });
  log(`worker ${me.id} taking engine chunks (concurrency ${concurrency})`);
  return {
    id: me.id,
    async stop() {
      clearInterval(beat);
      await queue.stop();
      await pool?.close();
      await workerGone(sql, me.id).catch(() => undefined);
      sql.close();
    },
  };
}
