// Engine runs (`engine_runs`): the one running run's lease, heartbeat and progress, how runs end,
// and the reads of recent runs. The rules (who may take the lease, what a lost lease means) live
// in lib/services/run-lease; this module only reads and writes the rows. Times are ISO strings.
import type { EngineResult } from "../../engine";
import type { Db } from "../client";
import { parallelWriteMode, storedTimeIso } from "../dialect";
import type { Sql } from "../sql";
import { writeEngineResults } from "../write-engine-results";
import { ELIGIBLE_RUN, reconcileReviewQueue } from "./current-results";

type Exec = Pick<Sql, "execute">;

export interface RunningRun {
  id: number;
  as_of: string;
  started_by: string | null;
  done: number;
  total: number;
}

export interface RunRow {
  id: number;
  as_of: string;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
  done: number;
  total: number;
  status: "running" | "finished" | "failed";
  error: string | null;
  customers: number;
  recommendation_count: number;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const STALE = "status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ?)";

/** How many running runs' leases expired before `now`, and the first of them. */
export async function staleRuns(sql: Exec, now: string): Promise<{ count: number; first: number | null }> {
  const r = (await sql.execute({ sql: `SELECT COUNT(*) AS n, MIN(id) AS first FROM engine_runs WHERE ${STALE}`, args: [now] })).rows[0];
  return { count: Number(r.n), first: r.first === null ? null : Number(r.first) };
}

/** Marks every running run whose lease expired before `now` failed, with `error`. Returns how many. */
export async function failStaleRuns(sql: Exec, now: string, error: string): Promise<number> {
  const r = await sql.execute({ sql: `UPDATE engine_runs SET status = 'failed', finished_at = ?, lease_owner = NULL, error = ? WHERE ${STALE}`, args: [now, error, now] });
  return r.rowsAffected;
}

/** The run in progress, if any. */
export async function runningRun(sql: Exec): Promise<RunningRun | null> {
  const r = (await sql.execute("SELECT id, as_of, started_by, done, total FROM engine_runs WHERE status = 'running' ORDER BY id LIMIT 1")).rows[0];
  return r ? { id: Number(r.id), as_of: String(r.as_of), started_by: text(r.started_by), done: Number(r.done), total: Number(r.total) } : null;
}

/** Records a new running run holding the lease; returns its id. */
export async function insertRun(
  sql: Exec,
  run: { asOf: string; engineVersion: string; configHash: string; startedBy: string; owner: string; now: string; leaseExpires: string },
): Promise<number> {
  const row = await sql.execute({
    sql: "INSERT INTO engine_runs (as_of, engine_version, config_hash, started_by, lease_owner, lease_expires_at, heartbeat_at, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    args: [run.asOf, run.engineVersion, run.configHash, run.startedBy, run.owner, run.leaseExpires, run.now, run.now],
  });
  return Number(row.rows[0].id);
}

/** Extends the lease of run `id` held by `owner` (and records progress); false when the run is no longer theirs. */
export async function extendLease(sql: Exec, id: number, owner: string, at: { now: string; expires: string }, progress?: { done: number; total: number }): Promise<boolean> {
  const r = await sql.execute({
    sql: `UPDATE engine_runs SET lease_expires_at = ?, heartbeat_at = ?${progress ? ", done = ?, total = ?" : ""} WHERE id = ? AND lease_owner = ? AND status = 'running'`,
    args: [at.expires, at.now, ...(progress ? [progress.done, progress.total] : []), id, owner],
  });
  return r.rowsAffected === 1;
}

/** Ends run `id` held by `owner`: finished with its counts, or failed with the reason. False when it was not theirs to end. */
export async function closeRun(sql: Exec, id: number, owner: string, now: string, outcome: { status: "finished"; customers: number; recommendations: number } | { status: "failed"; error: string }): Promise<boolean> {
  const r =
    outcome.status === "finished"
      ? await sql.execute({
          sql: "UPDATE engine_runs SET status = 'finished', finished_at = ?, customers = ?, done = ?, total = ?, recommendation_count = ?, lease_owner = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'",
          args: [now, outcome.customers, outcome.customers, outcome.customers, outcome.recommendations, id, owner],
        })
      : await sql.execute({
          sql: "UPDATE engine_runs SET status = 'failed', finished_at = ?, error = ?, lease_owner = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'",
          args: [now, outcome.error.slice(0, 500), id, owner],
        });
  return r.rowsAffected === 1;
}

/** A run's scope once known: customers skipped for lack of consent, and how many it computes. */
export async function setRunScope(sql: Exec, id: number, scope: { skipped: number; total: number }): Promise<void> {
  await sql.execute({ sql: "UPDATE engine_runs SET skipped = ?, total = ? WHERE id = ?", args: [scope.skipped, scope.total, id] });
}

/** The latest `limit` runs, newest first. */
export async function recentRunRows(sql: Exec, limit: number): Promise<RunRow[]> {
  const rs = await sql.execute({ sql: "SELECT id, as_of, started_by, started_at, finished_at, done, total, status, error, customers, recommendation_count FROM engine_runs ORDER BY id DESC LIMIT ?", args: [limit] });
  return rs.rows.map((r) => ({
    id: Number(r.id),
    as_of: String(r.as_of),
    started_by: text(r.started_by),
    started_at: storedTimeIso(r.started_at)!,
    finished_at: storedTimeIso(r.finished_at),
    done: Number(r.done),
    total: Number(r.total),
    status: String(r.status) as RunRow["status"],
    error: text(r.error),
    customers: Number(r.customers),
    recommendation_count: Number(r.recommendation_count),
  }));
}

/** The latest run whose results may be current (at `asOf` when given), with what produced it. */
export async function latestFinishedRun(sql: Exec, asOf?: string): Promise<{ id: number; as_of: string; engine_version: string; config_hash: string } | null> {
  const rs = await sql.execute({
    sql: `SELECT id, as_of, engine_version, config_hash FROM engine_runs er WHERE ${ELIGIBLE_RUN} ${asOf ? "AND as_of = ?" : ""} ORDER BY id DESC LIMIT 1`,
    args: asOf ? [asOf] : [],
  });
  const r = rs.rows[0];
  return r ? { id: Number(r.id), as_of: String(r.as_of), engine_version: String(r.engine_version), config_hash: String(r.config_hash) } : null;
}

/** The latest 20 engine runs recorded, newest first (the runs page). */
export function latestRuns(db: Db) {
  return db.engineRun.findMany({ orderBy: { id: "desc" }, take: 20 });
}

/** The newest finished run (whether or not set aside), for telling an evaluation it is out of date. */
export function newestFinishedRun(db: Db) {
  return db.engineRun.findFirst({ where: { status: "finished" }, orderBy: { id: "desc" }, select: { id: true, as_of: true, finished_at: true } });
}

// Queued engine runs (issue 14, point 3): planning a run into chunks, writing a chunk exactly once,
// finishing the run exactly once, and the workers' heartbeats. `engine_run_chunks` remembers which
// chunks were written.
const iso = (ms: number) => new Date(ms).toISOString();

/** Records what a queued run will compute and how long it may wait for a worker to touch it. */
export async function planQueuedRun(sql: Exec, runId: number, p: { total: number; skipped: number; leaseMs: number }): Promise<void> {
  await sql.execute({ sql: "UPDATE engine_runs SET total = ?, skipped = ?, done = 0, lease_expires_at = ?, heartbeat_at = ? WHERE id = ?", args: [p.total, p.skipped, iso(Date.now() + p.leaseMs), iso(Date.now()), runId] });
}

/** Keeps queued runs alive while workers hold their chunks (any worker may extend any run). */
export async function extendRunLeases(sql: Exec, runIds: number[], leaseMs: number): Promise<void> {
  if (!runIds.length) return;
  const now = Date.now();
  await sql.execute({ sql: `UPDATE engine_runs SET lease_expires_at = ?, heartbeat_at = ? WHERE status = 'running' AND id IN (${runIds.map(() => "?").join(", ")})`, args: [iso(now + leaseMs), iso(now), ...runIds] });
}

export interface RunState {
  id: number;
  status: "running" | "finished" | "failed";
  as_of: string;
  config_hash: string;
  done: number;
  total: number;
  skipped: number;
  customers: number;
  recommendations: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  heartbeat_at: string | null;
  chunks_done: number;
}

const when = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v).includes("T") ? String(v) : `${String(v).replace(" ", "T")}Z`).toISOString());

export async function runState(sql: Exec, runId: number): Promise<RunState | null> {
  const rs = await sql.execute({
    sql: `SELECT r.id, r.status, r.as_of, r.config_hash, r.done, r.total, r.skipped, r.customers, r.recommendation_count, r.error, r.started_at, r.finished_at, r.heartbeat_at,
                 (SELECT COUNT(*) FROM engine_run_chunks c WHERE c.run_id = r.id) AS chunks_done
          FROM engine_runs r WHERE r.id = ?`,
    args: [runId],
  });
  const r = rs.rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    status: String(r.status) as RunState["status"],
    as_of: String(r.as_of),
    config_hash: String(r.config_hash),
    done: Number(r.done),
    total: Number(r.total),
    skipped: Number(r.skipped),
    customers: Number(r.customers),
    recommendations: Number(r.recommendation_count),
    error: r.error === null ? null : String(r.error),
    started_at: when(r.started_at)!,
    finished_at: when(r.finished_at),
    heartbeat_at: when(r.heartbeat_at),
    chunks_done: Number(r.chunks_done),
  };
}

export interface ChunkTimings {
  worker: string;
  load_ms: number;
  compute_ms: number;
}

export type ChunkOutcome =
  | { outcome: "written"; recommendations: number; alerts: number; finishedRun: boolean; persist_ms: number }
  /** Another attempt of this chunk was written already (a retry after a lease timeout): nothing written again. */
  | { outcome: "duplicate" }
  /** The run is no longer running (failed or expired): nothing written. */
  | { outcome: "run_not_running"; status: string };

/**
 * Writes one chunk of a queued run in ONE transaction, exactly once: the chunk's row in
 * engine_run_chunks is the proof it was written (a retried chunk finds it and writes nothing), the
 * run's progress moves by the chunk's customers, and whichever chunk completes the run marks it
 * finished (`done >= total AND status = 'running'`: exactly one transaction can).
 */
export async function persistChunk(sql: Sql, run: { id: number; chunk: number; customers: number }, results: EngineResult[], t: ChunkTimings & { leaseMs: number }): Promise<ChunkOutcome> {
  const started = performance.now();
  // Chunks of distinct customers write side by side on PostgreSQL (no one write lock): the ledger
  // row's key keeps two attempts of one chunk apart, row locks keep the run's counters exact.
  const tx = await sql.transaction(parallelWriteMode(sql));
  try {
    const st = await tx.execute({ sql: "SELECT status FROM engine_runs WHERE id = ?", args: [run.id] });
    const status = st.rows[0] ? String(st.rows[0].status) : "missing";
    if (status !== "running") {
      await tx.rollback();
      return { outcome: "run_not_running", status };
    }
    // Claims the chunk first: a concurrent attempt waits here for this one, then finds it written.
    const claimed = await tx.execute({
      sql: "INSERT INTO engine_run_chunks (run_id, chunk, customers, recommendations, alerts, worker, load_ms, compute_ms, persist_ms) VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0) ON CONFLICT DO NOTHING RETURNING chunk",
      args: [run.id, run.chunk, run.customers, t.worker, t.load_ms, t.compute_ms],
    });
    if (!claimed.rows.length) {
      await tx.rollback();
      return { outcome: "duplicate" };
    }
    const w = await writeEngineResults(tx, run.id, results);
    const persist_ms = Math.round(performance.now() - started);
    await tx.execute({ sql: "UPDATE engine_run_chunks SET recommendations = ?, alerts = ?, persist_ms = ? WHERE run_id = ? AND chunk = ?", args: [w.recommendations, w.alerts, persist_ms, run.id, run.chunk] });
    const now = Date.now();
    await tx.execute({
      sql: "UPDATE engine_runs SET done = done + ?, recommendation_count = recommendation_count + ?, heartbeat_at = ?, lease_expires_at = ? WHERE id = ?",
      args: [run.customers, w.recommendations, iso(now), iso(now + t.leaseMs), run.id],
    });
    // The row is locked by the UPDATE above until commit: of two last chunks, the second sees the first's count.
    const fin = await tx.execute({
      sql: "UPDATE engine_runs SET status = 'finished', finished_at = ?, customers = total, lease_owner = NULL WHERE id = ? AND status = 'running' AND done >= total",
      args: [iso(now), run.id],
    });
    await tx.commit();
    return { outcome: "written", recommendations: w.recommendations, alerts: w.alerts, finishedRun: fin.rowsAffected === 1, persist_ms };
  } catch (err) {
    await tx.rollback();
    throw err;
  } finally {
    tx.close();
  }
}

/** Marks a queued run with nothing to compute finished at once. */
export async function finishEmptyRun(sql: Exec, runId: number): Promise<void> {
  await sql.execute({ sql: "UPDATE engine_runs SET status = 'finished', finished_at = ?, customers = 0, done = 0, total = 0, lease_owner = NULL WHERE id = ? AND status = 'running'", args: [iso(Date.now()), runId] });
}

/** Marks a running run failed with its reason (once); the review queue becomes the current results' again. */
export async function failRun(sql: Exec, runId: number, error: string): Promise<boolean> {
  const r = await sql.execute({ sql: "UPDATE engine_runs SET status = 'failed', finished_at = ?, error = ?, lease_owner = NULL WHERE id = ? AND status = 'running'", args: [iso(Date.now()), error.slice(0, 500), runId] });
  if (r.rowsAffected === 1) await reconcileReviewQueue(sql, runId);
  return r.rowsAffected === 1;
}

/** A finished run's persona mix and strengths per window, and the alerts it saw (the CLI's summary). */
export async function runOutcome(sql: Exec, runId: number): Promise<{ personas: Record<string, Record<string, number>>; strengths: Record<string, Record<string, number>>; alerts: number }> {
  const p = await sql.execute({ sql: `SELECT "window" AS w, COALESCE(primary_persona, 'none') AS p, strength, COUNT(*) AS n FROM persona_assignments WHERE run_id = ? GROUP BY "window", COALESCE(primary_persona, 'none'), strength`, args: [runId] });
  const personas: Record<string, Record<string, number>> = {};
  const strengths: Record<string, Record<string, number>> = {};
  for (const r of p.rows) {
    const w = String(r.w);
    (personas[w] ??= {})[String(r.p)] = (personas[w][String(r.p)] ?? 0) + Number(r.n);
    (strengths[w] ??= {})[String(r.strength)] = (strengths[w][String(r.strength)] ?? 0) + Number(r.n);
  }
  const a = await sql.execute({ sql: "SELECT COUNT(*) AS n FROM alert_sightings WHERE run_id = ?", args: [runId] });
  return { personas, strengths, alerts: Number(a.rows[0].n) };
}

/** Per-chunk costs of a run (the bench's extrapolation). */
export async function chunkCosts(sql: Exec, runId: number): Promise<{ chunks: number; customers: number; load_ms: number; compute_ms: number; persist_ms: number; workers: number }> {
  const rs = await sql.execute({
    sql: "SELECT COUNT(*) AS chunks, COALESCE(SUM(customers), 0) AS customers, COALESCE(SUM(load_ms), 0) AS load_ms, COALESCE(SUM(compute_ms), 0) AS compute_ms, COALESCE(SUM(persist_ms), 0) AS persist_ms, COUNT(DISTINCT worker) AS workers FROM engine_run_chunks WHERE run_id = ?",
    args: [runId],
  });
  const r = rs.rows[0];
  return { chunks: Number(r.chunks), customers: Number(r.customers), load_ms: Number(r.load_ms), compute_ms: Number(r.compute_ms), persist_ms: Number(r.persist_ms), workers: Number(r.workers) };
}

// ── workers ───────────────────────────────────────────────────────────────────────────────────
/** Renews a worker's row (and forgets workers silent for a day). */
export async function workerSeen(sql: Exec, w: { id: string; host: string; pid: number; concurrency: number }): Promise<void> {
  const now = iso(Date.now());
  await sql.execute({ sql: "DELETE FROM queue_workers WHERE seen_at < ?", args: [iso(Date.now() - 86_400_000)] });
  await sql.execute({
    sql: "INSERT INTO queue_workers (id, host, pid, concurrency, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seen_at = excluded.seen_at",
    args: [w.id, w.host, w.pid, w.concurrency, now, now],
  });
}

export async function workerGone(sql: Exec, id: string): Promise<void> {
  await sql.execute({ sql: "DELETE FROM queue_workers WHERE id = ?", args: [id] });
}

/** How recently a worker must have renewed its row to count as taking jobs (it renews every few seconds). */
export const WORKER_SEEN_MS = 60_000;

/** Workers that renewed their row within the last `withinMs`. */
export async function workersSeenSince(sql: Exec, withinMs = WORKER_SEEN_MS): Promise<number> {
  const rs = await sql.execute({ sql: "SELECT COUNT(*) AS n FROM queue_workers WHERE seen_at >= ?", args: [iso(Date.now() - withinMs)] });
  return Number(rs.rows[0].n);
}

/** A pg-boss queue's jobs by state, read from its own table (PostgreSQL); all zero before the queue was ever installed. */
export async function queueJobCounts(sql: Exec, schema: string, queue: string): Promise<{ queued: number; active: number; failed: number }> {
  const installed = await sql.execute({ sql: "SELECT to_regclass(?) IS NOT NULL AS ok", args: [`${schema}.job`] });
  if (!Number(installed.rows[0].ok)) return { queued: 0, active: 0, failed: 0 };
  const rs = await sql.execute({ sql: `SELECT state::text AS state, COUNT(*) AS n FROM "${schema}".job WHERE name = ? GROUP BY state`, args: [queue] });
  const by = Object.fromEntries(rs.rows.map((r) => [String(r.state), Number(r.n)]));
  return { queued: (by.created ?? 0) + (by.retry ?? 0), active: by.active ?? 0, failed: by.failed ?? 0 };
}

/** The newest engine run, whatever its status (health reports it). */
export async function latestRunRow(sql: Exec): Promise<{ id: number; as_of: string; status: string; error: string | null } | null> {
  const r = (await sql.execute("SELECT id, as_of, status, error FROM engine_runs ORDER BY id DESC LIMIT 1")).rows[0];
  return r ? { id: Number(r.id), as_of: String(r.as_of), status: String(r.status), error: r.error === null ? null : String(r.error) } : null;
}
