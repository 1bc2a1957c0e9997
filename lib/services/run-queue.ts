// Starting an engine run (issue 14, point 3): the ONE entry the CLI, the staff "run engine" action
// and the developer API's batch-assign use. On PostgreSQL the run is planned into chunks of
// customers and queued (lib/queue/boss.ts); `spendsense worker` processes on any machine compute
// and write them, and the run's state and progress live in engine_runs for every process to read.
// On SQLite (or with `local`) the run computes in this process exactly as before (./engine).
import { configHash, DEFAULT_CONFIG, ENGINE_VERSION } from "../engine";
import { dialectOfUrl } from "../db/dialect";
import { prepareDatabase } from "../db/prepare";
import { listCustomerIds } from "../db/queries/engine-input";
import { finishEmptyRun, planQueuedRun, runOutcome, runState, workersSeenSince, type RunState } from "../db/queries/runs";
import { openSql, type Sql } from "../db/sql";
import { databaseUrl } from "../db/url";
import { chunkQueueSize, queuePolicy, sendChunks } from "../queue/boss";
import { DEFAULT_AS_OF, chunkSize, runEngine, type RunSummary } from "./engine";
import { assertKnownIds, NotFoundError } from "./errors";
import { acquireRunLease, endRun, expireRuns, leaseMs } from "./run-lease";
import { assertRunnableAsOf, todayIso } from "./run-as-of";

export interface StartRunOptions {
  url?: string;
  asOf?: string;
  userIds?: string[];
  /** Who started the run, recorded with it. */
  startedBy: string;
  today?: string;
  /** Compute in this process even on PostgreSQL (`spendsense run --local`). SQLite always does. */
  local?: boolean;
  /** Bring the database up to date first (the CLI); app callers, prepared at start-up, pass false. */
  prepare?: boolean;
  /** In-process runs: engine worker threads, progress. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Runs once the run is recorded and before any work starts (the audit row): if it throws, the run is failed and not started. */
  beforeStart?: (runId: number) => Promise<void>;
}

export interface StartedRun {
  run_id: number;
  as_of: string;
  /** Queued for workers (PostgreSQL) rather than computing in this process. */
  queued: boolean;
  /** Consenting customers the run computes. */
  customers: number;
  skipped_no_consent: string[];
  /** In-process runs: the run itself, under way (resolves with its summary; failures are recorded in engine_runs). Null when queued. */
  result: Promise<RunSummary> | null;
}

/** How long a queued run lives without any worker touching it (taking or finishing a chunk): two chunk leases, at least the in-process lease. */
export function queuedRunLeaseMs(): number {
  const p = queuePolicy();
  return Math.max(leaseMs(), 2 * p.chunkLeaseSeconds * 1000 + p.retryDelaySeconds * 1000);
}

export const runsQueued = (url: string, local = false) => !local && dialectOfUrl(url) === "postgres";

export async function startRun(opts: StartRunOptions): Promise<StartedRun> {
  const url = opts.url ?? databaseUrl();
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const queued = runsQueued(url, opts.local);
  const sql = await openSql(url);
  try {
    if (opts.prepare !== false) await prepareDatabase(sql);
    const all = await listCustomerIds(sql, opts.userIds);
    assertKnownIds(opts.userIds, all);
    const consenting = all.filter((c) => c.consent).map((c) => c.user_id);
    const skipped = all.filter((c) => !c.consent).map((c) => c.user_id);
    await assertRunnableAsOf(sql, asOf, { today: opts.today ?? todayIso() });
    const lease = await acquireRunLease(sql, { asOf, engineVersion: ENGINE_VERSION, configHash: configHash(DEFAULT_CONFIG), startedBy: opts.startedBy });
    const started: StartedRun = { run_id: lease.id, as_of: asOf, queued, customers: consenting.length, skipped_no_consent: skipped, result: null };
    let step = "audited";
    try {
      await opts.beforeStart?.(lease.id);
      step = "queued";
      if (queued) await enqueue(sql, url, lease.id, asOf, consenting, skipped.length);
    } catch (err) {
      await endRun(sql, lease, { status: "failed", error: `the run could not be ${step}, so it was not started` }).catch(() => undefined);
      throw err;
    }
    if (!queued) {
      started.result = runEngine({ asOf, userIds: opts.userIds, url, prepare: false, lease, startedBy: opts.startedBy, workers: opts.workers, onProgress: opts.onProgress });
      // Whoever does not wait for it still has its outcome in engine_runs (failed, with its reason).
      started.result.catch(() => undefined);
    }
    return started;
  } finally {
    sql.close();
  }
}

/** Plans the run into chunks and queues one job per chunk. */
async function enqueue(sql: Sql, url: string, runId: number, asOf: string, consenting: string[], skipped: number): Promise<void> {
  await planQueuedRun(sql, runId, { total: consenting.length, skipped, leaseMs: queuedRunLeaseMs() });
  if (!consenting.length) return finishEmptyRun(sql, runId);
  const size = chunkSize();
  const hash = configHash(DEFAULT_CONFIG);
  const chunks = [];
  for (let i = 0; i < consenting.length; i += size) chunks.push({ run_id: runId, chunk: chunks.length, as_of: asOf, config_hash: hash, user_ids: consenting.slice(i, i + size) });
  await sendChunks(url, chunks);
}

export const NO_WORKER = "no worker is taking jobs: start one with `npx spendsense worker` (the run stays queued until one does)";

/**
 * Follows a queued run until it has finished or failed: progress as chunks are written, and, once,
 * a warning when no chunk has been taken for `noWorkerSeconds`. Resolves with the run's summary;
 * a failed run rejects with its reason.
 */
export async function followRun(
  url: string,
  runId: number,
  opts: { onProgress?: (done: number, total: number) => void; onNoWorker?: (message: string) => void; noWorkerSeconds?: number; pollMs?: number } = {},
): Promise<RunSummary> {
  const sql = await openSql(url);
  const since = Date.now();
  const noWorkerMs = (opts.noWorkerSeconds ?? Number(process.env.SPENDSENSE_NO_WORKER_SECONDS ?? 10)) * 1000;
  let warned = false;
  try {
    for (;;) {
      // A queued run no worker touched for its lease is marked failed by whoever looks: so do we.
      await expireRuns(sql);
      const s = await runState(sql, runId);
      if (!s) throw new NotFoundError(`no run #${runId}`);
      opts.onProgress?.(s.done, s.total);
      if (s.status === "finished") return await summaryOf(sql, s);
      if (s.status === "failed") throw new Error(`run #${runId} failed: ${s.error ?? "no reason recorded"}`);
      if (!warned && s.chunks_done === 0 && Date.now() - since >= noWorkerMs) {
        const [{ active }, seen] = await Promise.all([chunkQueueSize(url), workersSeenSince(sql)]);
        if (active === 0) {
          warned = true;
          opts.onNoWorker?.(seen ? `${NO_WORKER}; ${seen} worker(s) were seen in the last minute but none has taken a chunk of this run` : NO_WORKER);
        }
      }
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
    }
  } finally {
    sql.close();
  }
}

/** A finished run's summary from the database (the same shape an in-process run returns). */
async function summaryOf(sql: Sql, s: RunState): Promise<RunSummary> {
  const o = await runOutcome(sql, s.id);
  const seconds = s.finished_at ? (Date.parse(s.finished_at) - Date.parse(s.started_at)) / 1000 : 0;
  return { run_id: s.id, as_of: s.as_of, customers: s.customers, skipped_no_consent: s.skipped, personas: o.personas as RunSummary["personas"], strengths: o.strengths as RunSummary["strengths"], recommendations: s.recommendations, alerts: o.alerts, seconds };
}

/** A run's state for the API's status route; null when there is no such run. */
export async function runStatus(url: string, runId: number): Promise<(RunState & { personas: Record<string, Record<string, number>> | null }) | null> {
  const sql = await openSql(url);
  try {
    await expireRuns(sql);
    const s = await runState(sql, runId);
    if (!s) return null;
    return { ...s, personas: s.status === "finished" ? (await runOutcome(sql, runId)).personas : null };
  } finally {
    sql.close();
  }
}
