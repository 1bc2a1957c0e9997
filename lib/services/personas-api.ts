// The persona layer of the developer API: run the engine for one customer or a batch, and read
// current personas (with a reviewer's override when there is one), transitions and tenure.
// Only consenting customers have personas: others are refused, as `show` refuses them.
import { addDays, dayFromIso } from "../data/dates";
import { recordAudit } from "../db/audit";
import type { Db } from "../db/client";
import { currentAssignment } from "../db/queries/current-results";
import { customerConsent } from "../db/customer-data";
import { countWithoutConsent } from "../db/queries/customers";
import { assignmentsOfRun, readCurrentPersonas, standingAssignments } from "../db/queries/personas";
import type { Sql } from "../db/sql";
import { tenureDays } from "../engine/personas/transitions";
import { WINDOWS, type PersonaId, type WindowId } from "../engine/types";
import { withReadSql } from "./database";
import { DEFAULT_AS_OF, runEngine } from "./engine";
import { assertConsenting, NotFoundError } from "./errors";
import { runStatus, startRun } from "./run-queue";

async function requireConsenting(db: Db, userId: string): Promise<void> {
  assertConsenting(userId, await customerConsent(db, userId));
}

type AssignmentRow = { window: string; as_of: string; primary_persona: string | null; transition_from: string | null; transition_kind: string; celebration: string | null };

const transition = (r: AssignmentRow) => ({ window: r.window, as_of: r.as_of, from: r.transition_from, to: r.primary_persona, kind: r.transition_kind, celebration: r.celebration });

/** Current assignment per window, and a reviewer's latest override of it (the one query the customer view reads too). */
export async function currentPersonas(url: string, userId: string) {
  return withReadSql(async (sql) => {
    assertConsenting(userId, await customerConsent(sql, userId));
    return personasOf(sql, userId);
  }, url);
}

async function personasOf(sql: Sql, userId: string) {
  const current = await readCurrentPersonas(sql, userId);
  const windows: Record<string, unknown> = {};
  for (const w of WINDOWS) {
    const p = current[w];
    windows[w] = p ? { as_of: p.as_of, primary: p.primary, secondary: p.secondary, strength: p.strength, reason: p.reason, transition: p.transition, override: p.override } : null;
  }
  return { user_id: userId, windows };
}

/** Who ran the engine for whom, in the audit log (the run itself is in engine_runs). */
async function auditRun(db: Db, actor: string, run: { run_id: number; as_of: string; customers: number }, userIds: string[]) {
  await recordAudit(db, "engine.run", { type: "engine_run", id: run.run_id, user_id: userIds.length === 1 ? userIds[0] : null }, { actor, details: { as_of: run.as_of, customers: run.customers, requested: userIds.length } });
}

/** Runs the engine for one consenting customer as of a date (inline: one customer is quick). */
async function runFor(db: Db, url: string, userId: string, asOf: string, actor: string) {
  await requireConsenting(db, userId);
  const run = await runEngine({ url, userIds: [userId], asOf, workers: 0, prepare: false });
  await auditRun(db, actor, run, [userId]);
  const rows = await assignmentsOfRun(db, userId, run.run_id);
  return { run, rows };
}

export async function assignPersonas(db: Db, url: string, userId: string, asOf: string | undefined, actor: string) {
  const { run } = await runFor(db, url, userId, asOf ?? DEFAULT_AS_OF, actor);
  return { run_id: run.run_id, as_of: run.as_of, ...(await withReadSql((sql) => personasOf(sql, userId), url)) };
}

export async function detectTransition(db: Db, url: string, userId: string, asOf: string, actor: string) {
  const { run, rows } = await runFor(db, url, userId, asOf, actor);
  return { run_id: run.run_id, as_of: run.as_of, transitions: rows.map(transition) };
}

/** Changes of primary persona (and the first assignment), most recent first. */
export async function personaTransitions(db: Db, userId: string, opts: { limit: number; window?: WindowId }) {
  await requireConsenting(db, userId);
  // One row per window and as-of (the run standing for it), chosen before the unchanged ones are left out.
  const standing = await standingAssignments(db, userId, { window: opts.window });
  const rows = standing.filter((r) => r.transition_kind !== "unchanged");
  return { rows: rows.slice(0, opts.limit).map(transition), total: rows.length };
}

/** Per window: the current primary persona and since when it has held without a break. */
export async function personaTenure(db: Db, userId: string) {
  await requireConsenting(db, userId);
  const windows: Record<string, unknown> = {};
  for (const w of WINDOWS) {
    const now = await currentAssignment(db, userId, w);
    const history = now ? await standingAssignments(db, userId, { window: w, upTo: now.as_of }) : [];
    if (!history.length) {
      windows[w] = null;
      continue;
    }
    const current = history[0];
    const days = tenureDays(history.map((h) => ({ as_of: h.as_of, primary: h.primary_persona as PersonaId | null })), dayFromIso)!;
    windows[w] = { persona: current.primary_persona, since: addDays(current.as_of, -days), as_of: current.as_of, tenure_days: days };
  }
  return { user_id: userId, windows };
}

/**
 * Starts one engine run over the named customers (./run-queue: queued for workers on PostgreSQL,
 * in the server's background on SQLite), audited before any work starts; those without consent
 * are skipped and listed. Answers at once with the run's id: its status route says how it goes.
 */
export async function batchAssign(db: Db, url: string, userIds: string[], asOf: string | undefined, actor: string) {
  const run = await startRun({
    url,
    userIds,
    asOf: asOf ?? DEFAULT_AS_OF,
    startedBy: actor,
    prepare: false,
    beforeStart: async (id) => {
      const consenting = userIds.length - (await countWithoutConsent(db, userIds));
      await auditRun(db, actor, { run_id: id, as_of: asOf ?? DEFAULT_AS_OF, customers: consenting }, userIds);
    },
  });
  const location = `/api/runs/${run.run_id}`;
  return { run_id: run.run_id, as_of: run.as_of, status: "running" as const, customers: run.customers, skipped_no_consent: run.skipped_no_consent, location };
}

/** An engine run's state for the API (any process's run: the state lives in the database). */
export async function getRun(url: string, runId: number) {
  const s = await runStatus(url, runId);
  if (!s) throw new NotFoundError(`no engine run #${runId}`);
  return { run_id: s.id, as_of: s.as_of, status: s.status, done: s.done, total: s.total, skipped_no_consent: s.skipped, recommendations: s.recommendations, error: s.error, started_at: s.started_at, finished_at: s.finished_at, personas: s.personas };
}
