// The one definition of a customer's "current results" (SPEC §4, issue 13): for each customer and
// window, the results of the latest FINISHED engine run that computed them, unless an admin set
// that run aside by making an earlier run current again. A running, failed or set-aside run never
// becomes current. Every page, route and command reads results through here, never by the
// largest as-of or the newest run overall.
//
// Results are stored per (customer, window, as-of, run): a re-run at the same as-of adds its own
// rows beside the earlier run's. The current row is the one whose run is the latest eligible run
// among that customer's rows; in a history (one row per as-of), the row standing for an as-of is
// the latest eligible run's at that as-of (`standingSql`, `standingPerAsOf`).
import type { WindowId } from "../../engine/types";
import type { Db } from "../client";
import { placeholders, type Sql } from "../sql";

/** Runs whose results may be current: finished and not set aside (`er` is engine_runs). */
export const ELIGIBLE_RUN = `er.status = 'finished' AND er.set_aside_at IS NULL`;

/** Ids of the runs whose results may be current, as a subquery (`x.run_id IN ${ELIGIBLE_RUN_IDS}`). */
export const ELIGIBLE_RUN_IDS = `(SELECT er.id FROM engine_runs er WHERE ${ELIGIBLE_RUN})`;

/**
 * Scalar subquery: the run id of the current results of the customer in `userCol` for the window
 * in `windowCol` (SQL expressions, e.g. `c.user_id` and `?`), or NULL when nothing is current.
 */
export function currentRunIdSql(userCol: string, windowCol: string): string {
  return `(SELECT MAX(cs.run_id) FROM signal_snapshots cs JOIN engine_runs er ON er.id = cs.run_id
           WHERE cs.user_id = ${userCol} AND cs."window" = ${windowCol} AND ${ELIGIBLE_RUN})`;
}

/**
 * Scalar subquery: the run id of the customer's current results whatever the window (a run writes
 * every window of each customer it computes), or NULL. Alerts are current when they carry it.
 */
export function currentCustomerRunIdSql(userCol: string): string {
  return `(SELECT MAX(cs.run_id) FROM signal_snapshots cs JOIN engine_runs er ON er.id = cs.run_id
           WHERE cs.user_id = ${userCol} AND ${ELIGIBLE_RUN})`;
}

/** A table expression `(user_id, run_id)`: every customer's current run (for aggregates over many customers). */
export const CURRENT_CUSTOMER_RUNS = `(SELECT cs.user_id, MAX(cs.run_id) AS run_id FROM signal_snapshots cs
  WHERE cs.run_id IN ${ELIGIBLE_RUN_IDS} GROUP BY cs.user_id)`;

/**
 * Scalar subquery: the run whose results stand for the customer, window and as-of in the given SQL
 * expressions (the latest eligible run that computed them), or NULL.
 */
export function runAtAsOfSql(userCol: string, windowCol: string, asOfCol: string): string {
  return `(SELECT MAX(cs.run_id) FROM signal_snapshots cs JOIN engine_runs er ON er.id = cs.run_id
           WHERE cs.user_id = ${userCol} AND cs."window" = ${windowCol} AND cs.as_of = ${asOfCol} AND ${ELIGIBLE_RUN})`;
}

/** A condition on result rows aliased `alias` (signals, assignments, traces): the row stands for its customer, window and as-of. */
export function standingSql(alias: string): string {
  return `${alias}.run_id = ${runAtAsOfSql(`${alias}.user_id`, `${alias}."window"`, `${alias}.as_of`)}`;
}

/** A condition on result rows aliased `alias`: the row is the customer's current result for its window. */
export function currentSql(alias: string): string {
  return `${alias}.run_id = ${currentRunIdSql(`${alias}.user_id`, `${alias}."window"`)}`;
}

/**
 * Of eligible result rows (read with ELIGIBLE_RESULT), the one standing for each customer, window
 * and as-of: the latest run's. Keeps the rows' order.
 */
export function standingPerAsOf<T extends { user_id: string; window?: string; as_of: string; run_id: number }>(rows: readonly T[]): T[] {
  const best = new Map<string, number>();
  const key = (r: T) => `${r.user_id}\u0000${r.window ?? ""}\u0000${r.as_of}`;
  for (const r of rows) best.set(key(r), Math.max(best.get(key(r)) ?? -Infinity, r.run_id));
  return rows.filter((r) => best.get(key(r)) === r.run_id);
}

/** Each customer's and window's current run id, as a table expression `(user_id, "window", run_id)`. */
const CURRENT_RUN_PER_WINDOW = `(SELECT user_id, "window", MAX(run_id) AS run_id FROM signal_snapshots
  WHERE run_id IN ${ELIGIBLE_RUN_IDS} GROUP BY user_id, "window")`;

/**
 * A table expression `(user_id, "window", run_id, as_of)`: every customer's current results per
 * window (for aggregates such as the persona mix). A run computes one as-of, so the current run's
 * snapshot names it.
 */
export const CURRENT_RESULTS = `(SELECT cs.user_id, cs."window", cs.run_id, cs.as_of FROM signal_snapshots cs
  JOIN ${CURRENT_RUN_PER_WINDOW} cw ON cw.user_id = cs.user_id AND cw."window" = cs."window" AND cw.run_id = cs.run_id)`;

export interface CurrentRef {
  run_id: number;
  as_of: string;
}

/** The current results (run and as-of) per window of each given customer; a window with none is absent. */
export async function currentResultsFor(sql: Pick<Sql, "execute">, userIds: readonly string[]): Promise<Map<string, Partial<Record<WindowId, CurrentRef>>>> {
  const out = new Map<string, Partial<Record<WindowId, CurrentRef>>>();
  if (!userIds.length) return out;
  const rs = await sql.execute({
    // Not aliased `cs`: currentSql's own subquery uses that name, and would shadow this one.
    sql: `SELECT s.user_id, s."window", s.run_id, s.as_of FROM signal_snapshots s WHERE s.user_id IN (${placeholders(userIds)}) AND ${currentSql("s")}`,
    args: [...userIds],
  });
  for (const r of rs.rows) {
    const entry = out.get(String(r.user_id)) ?? {};
    entry[String(r.window) as WindowId] = { run_id: Number(r.run_id), as_of: String(r.as_of) };
    out.set(String(r.user_id), entry);
  }
  return out;
}

export interface RunRef {
  id: number;
  as_of: string;
  customers: number;
  finished_at: string | null;
}

/** The newest run whose results may be current (the one home and insights headline), or null. */
export async function latestEligibleRun(sql: Pick<Sql, "execute">): Promise<RunRef | null> {
  const r = (await sql.execute(`SELECT er.id, er.as_of, er.customers, er.finished_at FROM engine_runs er WHERE ${ELIGIBLE_RUN} ORDER BY er.id DESC LIMIT 1`)).rows[0];
  return r ? { id: Number(r.id), as_of: String(r.as_of), customers: Number(r.customers), finished_at: r.finished_at === null ? null : String(r.finished_at) } : null;
}

/** The newest transaction date held (deleted ones aside), or null when there are none. */
export async function newestDataDate(sql: Pick<Sql, "execute">): Promise<string | null> {
  const d = (await sql.execute("SELECT MAX(date) AS d FROM transactions WHERE deleted_at IS NULL")).rows[0]?.d;
  return d === null || d === undefined ? null : String(d);
}

/**
 * Makes finished run `runId` the newest current run, on an open write transaction: every finished
 * run after it is set aside (its results stay stored, no longer current), and the runs up to it
 * that an earlier undo set aside become eligible again. The review queue follows: items awaiting
 * review from set-aside runs are superseded, and the now-current results' items that a set-aside
 * run had superseded await review again (reconcileReviewQueue). Returns the runs set aside and brought back.
 */
/** What deciding whether a run may become current reads: the run, a run in progress, whether its results are stored. */
export async function runForCurrent(tx: Pick<Sql, "execute">, runId: number): Promise<{ run: { as_of: string; status: string; customers: number } | null; runningId: number | null; resultsKept: boolean }> {
  // One after another: the statements share the caller's transaction.
  const run = await tx.execute({ sql: "SELECT as_of, status, customers FROM engine_runs WHERE id = ?", args: [runId] });
  const running = await tx.execute("SELECT id FROM engine_runs WHERE status = 'running' LIMIT 1");
  const kept = await tx.execute({ sql: "SELECT 1 FROM signal_snapshots WHERE run_id = ? LIMIT 1", args: [runId] });
  const r = run.rows[0];
  return {
    run: r ? { as_of: String(r.as_of), status: String(r.status), customers: Number(r.customers) } : null,
    runningId: running.rows[0] ? Number(running.rows[0].id) : null,
    resultsKept: kept.rows.length > 0,
  };
}

export async function setCurrentRun(tx: Pick<Sql, "execute">, runId: number, actor: string, at: string): Promise<{ setAside: number[]; restored: number[] }> {
  const ids = async (q: string) => (await tx.execute({ sql: q, args: [runId] })).rows.map((r) => Number(r.id));
  const setAside = await ids(`SELECT id FROM engine_runs WHERE id > ? AND status = 'finished' AND set_aside_at IS NULL ORDER BY id`);
  const restored = await ids(`SELECT id FROM engine_runs WHERE id <= ? AND set_aside_at IS NOT NULL ORDER BY id`);
  await tx.execute({ sql: `UPDATE engine_runs SET set_aside_at = ?, set_aside_by = ? WHERE id > ? AND status = 'finished' AND set_aside_at IS NULL`, args: [at, actor, runId] });
  await tx.execute({ sql: `UPDATE engine_runs SET set_aside_at = NULL, set_aside_by = NULL WHERE id <= ? AND set_aside_at IS NOT NULL`, args: [runId] });
  // Runs brought back had their items superseded when they were set aside: theirs await review again too.
  await reconcileReviewQueue(tx, restored.length ? Math.min(runId + 1, restored[0]) : runId + 1);
  return { setAside, restored };
}

/** The same rule as a Prisma filter on result rows (assignments, snapshots, recommendations): their run may be current. */
export const ELIGIBLE_RESULT = { run: { status: "finished", set_aside_at: null } } as const;

/** A customer's current persona assignment in one window (the Prisma reads' form of currentResultsFor), or null. */
export function currentAssignment(db: Pick<Db, "personaAssignment">, userId: string, window: string) {
  return db.personaAssignment.findFirst({ where: { user_id: userId, window, ...ELIGIBLE_RESULT }, orderBy: { run_id: "desc" } });
}

/**
 * After runs from `fromRunId` on stopped being current (set aside, or failed after writing some
 * chunks): the items awaiting review are the current results' again. Pending items of runs that
 * are not current are superseded; the current results' engine items those runs superseded (for
 * the customers they wrote) await review again.
 */
export async function reconcileReviewQueue(sql: Pick<Sql, "execute">, fromRunId: number): Promise<void> {
  await sql.execute(`UPDATE recommendations SET status = 'superseded' WHERE status = 'pending_review' AND run_id NOT IN ${ELIGIBLE_RUN_IDS}`);
  await sql.execute({
    sql: `UPDATE recommendations SET status = 'pending_review' WHERE status = 'superseded' AND source = 'engine'
            AND user_id IN (SELECT user_id FROM signal_snapshots WHERE run_id >= ?)
            AND run_id = ${currentRunIdSql("recommendations.user_id", 'recommendations."window"')}`,
    args: [fromRunId],
  });
}
