// Recording consent, and on an opt-in computing that customer at once (issue 13): a customer who
// (re-)grants consent gets results as of the current run's as-of straight away, instead of "No
// persona (not run)" until someone runs the engine. When that cannot happen now (no run yet, or
// another run holds the lease) the answer says so plainly, and why. Every consent path (staff
// page, `POST /api/consent`, `spendsense consent`) comes through here.
import { recordAudit } from "../db/audit";
import { latestEligibleRun } from "../db/queries/current-results";
import { databaseUrl } from "../db/url";
import { setConsent, type ConsentChange } from "./consent";
import { withReadSql, withSql } from "./database";
import { runEngine } from "./engine";
import { RunInProgressError } from "./run-lease";

export interface CustomerComputed {
  /** The run that computed the customer, or null with the reason results arrive later. */
  run_id: number | null;
  as_of: string | null;
  pending_reason: string | null;
}

/** Runs the engine for one consenting customer as of the newest current run's as-of; audited as an engine run. */
export async function computeCustomerNow(userId: string, actor: string, url = databaseUrl()): Promise<CustomerComputed> {
  const current = await withReadSql((sql) => latestEligibleRun(sql), url);
  if (!current) return { run_id: null, as_of: null, pending_reason: "no engine run has finished yet: results arrive with the first run" };
  try {
    const run = await runEngine({ url, userIds: [userId], asOf: current.as_of, workers: 0, prepare: false, startedBy: actor });
    await withSql((sql) => recordAudit(sql, "engine.run", { type: "engine_run", id: run.run_id, user_id: userId }, { actor, details: { as_of: run.as_of, customers: run.customers, requested: 1 } }), url);
    return { run_id: run.run_id, as_of: run.as_of, pending_reason: null };
  } catch (err) {
    if (err instanceof RunInProgressError) return { run_id: null, as_of: current.as_of, pending_reason: `${err.message.replace(/; wait for it to finish$/, "")}: this customer's results arrive with the next run` };
    throw err;
  }
}

export type ConsentRecorded = ConsentChange & { computed: CustomerComputed | null };

/** Records consent; an opt-in that changed it computes the customer at once (see computeCustomerNow). */
export async function recordConsent(userId: string, granted: boolean, opts: { source: string; note?: string; actor?: string }, url = databaseUrl()): Promise<ConsentRecorded> {
  const change = await withSql((sql) => setConsent(sql, userId, granted, opts), url);
  const computed = granted && change.changed ? await computeCustomerNow(userId, opts.actor ?? opts.source, url) : null;
  return { ...change, computed };
}
