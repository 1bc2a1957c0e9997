// Engine runs hold a lease in `engine_runs` (issue 11): one running run at a time across every
// process (CLI and servers alike), the run's progress for anyone to read, and a heartbeat. A run
// whose process died (killed, crashed, lost) stops renewing its lease; once the lease has expired,
// whoever looks next — a new run, the runs page, health — marks it failed.
import { randomUUID } from "node:crypto";
import { reconcileReviewQueue } from "../db/queries/current-results";
import type { Sql } from "../db/sql";
import { ConflictError } from "./errors";

/** How long a lease lasts without a heartbeat (ms); SPENDSENSE_RUN_LEASE_MS overrides (tests). */
export function leaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SPENDSENSE_RUN_LEASE_MS);
  return Number.isFinite(v) && v > 0 ? v : 30_000;
}

export class RunInProgressError extends ConflictError {}

/** The lease was taken from this run (it was marked failed meanwhile): it must stop writing. */
export class LeaseLostError extends Error {}

export interface RunLease {
  id: number;
  owner: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const EXPIRED = "its process stopped (killed, crashed or lost) without finishing: its lease expired";

/** Marks every running run whose lease has expired as failed. Returns how many. Cheap when there are none. */
export async function expireRuns(sql: Pick<Sql, "execute">, now = Date.now()): Promise<number> {
  const stale = await sql.execute({ sql: "SELECT COUNT(*) AS n, MIN(id) AS first FROM engine_runs WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ?)", args: [iso(now)] });
  if (!Number(stale.rows[0].n)) return 0;
  const r = await sql.execute({
    sql: "UPDATE engine_runs SET status = 'failed', finished_at = ?, lease_owner = NULL, error = ? WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ?)",
    args: [iso(now), EXPIRED, iso(now)],
  });
  // A failed run never becomes current: the review queue is the current results' again.
  if (r.rowsAffected) await reconcileReviewQueue(sql, Number(stale.rows[0].first));
  return r.rowsAffected;
}

/**
 * Takes the one run lease and records the run, or refuses with RunInProgressError while another
 * live run holds it. One write transaction: two processes asking at once cannot both win (and a
 * partial unique index on running runs would refuse the second anyway).
 */
export async function acquireRunLease(sql: Sql, run: { asOf: string; engineVersion: string; configHash: string; startedBy: string }): Promise<RunLease> {
  const owner = randomUUID();
  const tx = await sql.transaction("write");
  try {
    const now = Date.now();
    await expireRuns(tx, now);
    const busy = await tx.execute("SELECT id, as_of, started_by, done, total FROM engine_runs WHERE status = 'running' LIMIT 1");
    if (busy.rows.length) {
      const b = busy.rows[0];
      const progress = Number(b.total) ? `${Number(b.done)} of ${Number(b.total)} customers done` : "starting";
      throw new RunInProgressError(`a run is already in progress (run #${b.id} as of ${b.as_of}, started by ${b.started_by ?? "unknown"}, ${progress}); wait for it to finish`);
    }
    const row = await tx.execute({
      sql: "INSERT INTO engine_runs (as_of, engine_version, config_hash, started_by, lease_owner, lease_expires_at, heartbeat_at, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      args: [run.asOf, run.engineVersion, run.configHash, run.startedBy, owner, iso(now + leaseMs()), iso(now), iso(now)],
    });
    await tx.commit();
    return { id: Number(row.rows[0].id), owner };
  } catch (err) {
    await tx.rollback();
    throw err;
  } finally {
    tx.close();
  }
}

/** Extends the lease and records progress; throws LeaseLostError when the run is no longer this holder's. */
export async function renewRunLease(sql: Sql, lease: RunLease, progress?: { done: number; total: number }): Promise<void> {
  const now = Date.now();
  const r = await sql.execute({
    sql: `UPDATE engine_runs SET lease_expires_at = ?, heartbeat_at = ?${progress ? ", done = ?, total = ?" : ""} WHERE id = ? AND lease_owner = ? AND status = 'running'`,
    args: [iso(now + leaseMs()), iso(now), ...(progress ? [progress.done, progress.total] : []), lease.id, lease.owner],
  });
  if (r.rowsAffected !== 1) throw new LeaseLostError(`run #${lease.id} lost its lease (it was marked failed after missing its heartbeats); its results so far stay, the run did not finish`);
}

/** Ends the run: finished with its counts, or failed with the reason. Only the lease holder can. */
export async function endRun(sql: Sql, lease: RunLease, outcome: { status: "finished"; customers: number; recommendations: number } | { status: "failed"; error: string }): Promise<void> {
  const now = iso(Date.now());
  const r =
    outcome.status === "finished"
      ? await sql.execute({
          sql: "UPDATE engine_runs SET status = 'finished', finished_at = ?, customers = ?, done = ?, total = ?, recommendation_count = ?, lease_owner = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'",
          args: [now, outcome.customers, outcome.customers, outcome.customers, outcome.recommendations, lease.id, lease.owner],
        })
      : await sql.execute({
          sql: "UPDATE engine_runs SET status = 'failed', finished_at = ?, error = ?, lease_owner = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'",
          args: [now, outcome.error.slice(0, 500), lease.id, lease.owner],
        });
  if (r.rowsAffected === 1 && outcome.status === "failed") await reconcileReviewQueue(sql, lease.id);
  if (r.rowsAffected !== 1 && outcome.status === "finished") throw new LeaseLostError(`run #${lease.id} lost its lease before it could be marked finished`);
}

/** Keeps the lease alive every third of its duration until stopped; remembers if it was lost. */
export function heartbeat(sql: Sql, lease: RunLease): { lost: () => LeaseLostError | null; stop: () => void } {
  let lost: LeaseLostError | null = null;
  const timer = setInterval(() => {
    renewRunLease(sql, lease).catch((err) => {
      if (err instanceof LeaseLostError) lost = err;
      // Busy: this beat is skipped; the lease outlives a few missed ones.
    });
  }, Math.max(50, Math.floor(leaseMs() / 3)));
  timer.unref?.();
  return { lost: () => lost, stop: () => clearInterval(timer) };
}
