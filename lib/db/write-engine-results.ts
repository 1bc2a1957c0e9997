// Persists engine results for a chunk of customers on an open write transaction: signals and
// persona assignments per (customer, window, asOf, run) — a re-run at the same asOf keeps the
// earlier run's, so it can be made current again — and each run's decision traces and
// recommendations. Consent is read again inside the writing transaction: a customer who revoked
// while the chunk was computing gets nothing written.
// Idempotent per (run, customers): writing a chunk replaces what that run already wrote for those
// customers, so a retried chunk (a worker that died after committing, a queue job run twice)
// never duplicates a recommendation, trace, budget status or alert sighting.
// Alerts are one row per (customer, alert_key): an event seen again refreshes its words, numbers,
// trace and last run, never its delivery state, dismissal or a reviewer's decision; an alert that
// needs review starts "pending" (hidden from the customer until staff release it). Each run's
// sightings are recorded: an alert is current when the customer's current run saw it. Each
// budget's status at the run's asOf is kept per (run, customer, budget) for the analyst page.
import type { InValue, Transaction } from "@libsql/client";
import type { EngineResult } from "../engine";
import { consentingNow } from "./customer-data";
import { WINDOWS } from "../engine/types";
import { greatest, jsonAt, jsonTuples, reserveIds, writeRows } from "./dialect";
import { placeholders } from "./sql";

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function writeEngineResults(tx: Transaction, runId: number, results: EngineResult[]): Promise<{ recommendations: number; alerts: number }> {
  const loaded = results.filter((r): r is Extract<EngineResult, { consent: true }> => r.consent);
  const consenting = await consentingNow(tx, loaded.map((r) => r.user_id), { lock: true });
  const computed = loaded.filter((r) => consenting.has(r.user_id));
  // What this run wrote for these customers before (a retried chunk) goes first.
  await forgetRunResults(tx, runId, results.map((r) => r.user_id));
  if (!computed.length) return { recommendations: 0, alerts: 0 };
  const traceIds = await reserveIds(tx, "decision_traces", computed.length * WINDOWS.length);

  const snapshots: InValue[][] = [];
  const assignments: InValue[][] = [];
  const traces: InValue[][] = [];
  const recs: InValue[][] = [];
  const alerts: InValue[][] = [];
  const budgets: InValue[][] = [];
  for (const r of computed) {
    for (const b of r.budgets) {
      budgets.push([runId, r.user_id, b.budget_id, b.category, b.period, r.as_of, b.amount_cents, b.spent_cents, b.percent_used, b.projected_cents, b.status, b.currency]);
    }
    for (const a of r.alerts) {
      alerts.push([
        r.user_id, a.alert_key, a.kind, a.severity, a.event_date, a.title, a.message, JSON.stringify(a.citations), a.disclaimer, a.currency,
        JSON.stringify(a.transaction_ids), a.needs_review ? 1 : 0, JSON.stringify(a.trace), runId, runId, r.as_of, a.needs_review ? "pending" : null,
      ]);
    }
    for (const w of WINDOWS) {
      const x = r.windows[w];
      snapshots.push([runId, r.user_id, w, r.as_of, x.signals.sufficiency.sufficient ? 1 : 0, JSON.stringify(x.signals)]);
      assignments.push([
        runId, r.user_id, w, r.as_of, x.persona.primary, JSON.stringify(x.persona.secondary), x.persona.strength, JSON.stringify(x.persona.criteria), x.persona.reason,
        x.transition.from, x.transition.kind, x.transition.message,
      ]);
      const traceId = traceIds[traces.length];
      traces.push([traceId, runId, r.user_id, w, r.as_of, JSON.stringify(x.trace)]);
      for (const rec of x.recommendations) {
        recs.push([runId, traceId, r.user_id, w, r.as_of, rec.content_id, rec.kind, rec.format, rec.title, rec.rationale, JSON.stringify(rec.citations), rec.disclaimer, rec.rank, rec.score]);
      }
    }
  }
  const key = `ON CONFLICT(user_id, "window", as_of, run_id) DO UPDATE SET`;
  // A new run's recommendations replace the ones still waiting for review (kept as history).
  const ids = computed.map((r) => r.user_id);
  await writeRows(tx, [
    { sql: `UPDATE recommendations SET status = 'superseded' WHERE status = 'pending_review' AND user_id IN (${placeholders(ids)})`, args: ids },
    { table: "signal_snapshots", columns: ["run_id", "user_id", "window", "as_of", "sufficient", "payload"], rows: snapshots, tail: `${key} run_id = excluded.run_id, sufficient = excluded.sufficient, payload = excluded.payload`, rowsPerStatement: 250 },
    {
      table: "persona_assignments",
      columns: ["run_id", "user_id", "window", "as_of", "primary_persona", "secondary", "strength", "criteria", "reason", "transition_from", "transition_kind", "celebration"],
      rows: assignments,
      tail: `${key} run_id = excluded.run_id, primary_persona = excluded.primary_persona, secondary = excluded.secondary, strength = excluded.strength, criteria = excluded.criteria, reason = excluded.reason, transition_from = excluded.transition_from, transition_kind = excluded.transition_kind, celebration = excluded.celebration`,
      rowsPerStatement: 500,
    },
    { table: "decision_traces", columns: ["id", "run_id", "user_id", "window", "as_of", "payload"], rows: traces, rowsPerStatement: 100 },
    { table: "recommendations", columns: ["run_id", "trace_id", "user_id", "window", "as_of", "content_id", "kind", "format", "title", "rationale", "citations", "disclaimer", "rank", "score"], rows: recs, rowsPerStatement: 1000 },
    {
      table: "budget_statuses",
      columns: ["run_id", "user_id", "budget_id", "category", "period", "as_of", "amount_cents", "spent_cents", "percent_used", "projected_cents", "status", "currency"],
      rows: budgets,
      rowsPerStatement: 500,
    },
    {
      table: "alerts",
      columns: ["user_id", "alert_key", "kind", "severity", "event_date", "title", "message", "citations", "disclaimer", "currency", "transaction_ids", "needs_review", "trace", "first_run_id", "last_run_id", "as_of", "review_state"],
      rows: alerts,
      // Once an alert needed review it keeps needing it; a decision already taken stays.
      tail: `ON CONFLICT(user_id, alert_key) DO UPDATE SET kind = excluded.kind, severity = excluded.severity, event_date = excluded.event_date, title = excluded.title, message = excluded.message,
       citations = excluded.citations, disclaimer = excluded.disclaimer, currency = excluded.currency, transaction_ids = excluded.transaction_ids, trace = excluded.trace,
       last_run_id = excluded.last_run_id, as_of = excluded.as_of, needs_review = ${greatest(tx, "alerts.needs_review", "excluded.needs_review")}, review_state = COALESCE(alerts.review_state, excluded.review_state)`,
      rowsPerStatement: 500,
    },
    // This run saw these events (what makes them current while this run is).
    ...chunks(alerts.map((a) => [a[0], a[1]]), 500).map((pairs) => ({
      sql: `INSERT INTO alert_sightings (alert_id, run_id) SELECT a.id, ? FROM ${jsonTuples(tx)}
            JOIN alerts a ON a.user_id = ${jsonAt(tx, 0)} AND a.alert_key = ${jsonAt(tx, 1)} WHERE true ON CONFLICT DO NOTHING`,
      args: [runId, JSON.stringify(pairs)],
    })),
  ]);
  return { recommendations: recs.length, alerts: alerts.length };
}

/**
 * Removes what run `runId` appended for these customers (recommendations, decision traces, budget
 * statuses, alert sightings), on an open write transaction: rewriting a chunk then leaves the rows
 * writing it once leaves. Signals, assignments and alerts are upserted in place (one row per
 * customer, window, as-of and run; per customer and event), so they keep their ids.
 */
export async function forgetRunResults(tx: Transaction, runId: number, userIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...userIds], 500)) {
    const args = [runId, ...ids];
    const mine = `run_id = ? AND user_id IN (${placeholders(ids)})`;
    await tx.batch([
      // Recommendations point to traces: they go first.
      { sql: `DELETE FROM recommendations WHERE ${mine}`, args },
      { sql: `DELETE FROM decision_traces WHERE ${mine}`, args },
      { sql: `DELETE FROM budget_statuses WHERE ${mine}`, args },
      { sql: `DELETE FROM alert_sightings WHERE run_id = ? AND alert_id IN (SELECT id FROM alerts WHERE user_id IN (${placeholders(ids)}))`, args },
    ]);
  }
}
