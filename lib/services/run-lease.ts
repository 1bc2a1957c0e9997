// Engine runs hold a lease in `engine_runs` (issue 11): one running run at a time across every
// process (CLI and servers alike), the run's progress for anyone to read, and a heartbeat. A run
// whose process died (killed, crashed, lost) stops renewing its lease; once the lease has expired,
// whoever looks next — a new run, the runs page, health — marks it failed.
import { randomUUID } from "node:crypto";
import { reconcileReviewQueue } from "../db/queries/current-results";
import { closeRun, extendLease, failStaleRuns, insertRun, runningRun, staleRuns } from "../db/queries/runs";
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
  const stale = await staleRuns(sql, iso(now));
  if (!stale.count) return 0;
  const failed = await failStaleRuns(sql, iso(now), EXPIRED);
  // A failed run never becomes current: the review queue is the current results' again.
  if (failed && stale.first !== null) await reconcileReviewQueue(sql, stale.first);
  return failed;
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
    const busy = await runningRun(tx);
    if (busy) {
      const progress = busy.total ? `${busy.done} of ${busy.total} customers done` : "starting";
      throw new RunInProgressError(`a run is already in progress (run #${busy.id} as of ${busy.as_of}, started by ${busy.started_by ?? "unknown"}, ${progress}); wait for it to finish`);
    }
    const id = await insertRun(tx, { ...run, owner, now: iso(now), leaseExpires: iso(now + leaseMs()) });
    await tx.commit();
    return { id, owner };
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
  if (!(await extendLease(sql, lease.id, lease.owner, { now: iso(now), expires: iso(now + leaseMs()) }, progress))) {
    throw new LeaseLostError(`run #${lease.id} lost its lease (it was marked failed after missing its heartbeats); its results so far stay, the run did not finish`);
  }
}

/** Ends the run: finished with its counts, or failed with the reason. Only the lease holder can. */
export async function endRun(sql: Sql, lease: RunLease, outcome: { status: "finished"; customers: number; recommendations: number } | { status: "failed"; error: string }): Promise<void> {
  const ended = await closeRun(sql, lease.id, lease.owner, iso(Date.now()), outcome);
  if (ended && outcome.status === "failed") await reconcileReviewQueue(sql, lease.id);
  if (!ended && outcome.status === "finished") throw new LeaseLostError(`run #${lease.id} lost its lease before it could be marked finished`);
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
