// Engine runs (`engine_runs`): the one running run's lease, heartbeat and progress, how runs end,
// and the reads of recent runs. The rules (who may take the lease, what a lost lease means) live
// in lib/services/run-lease; this module only reads and writes the rows. Times are ISO strings.
import type { Db } from "../client";
import { storedTimeIso } from "../dialect";
import type { Sql } from "../sql";
import { ELIGIBLE_RUN } from "./current-results";

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
