// Persists engine results for a chunk of customers on an open write transaction: signals and
// persona assignments per (customer, window, asOf, run) — a re-run at the same asOf keeps the
// earlier run's, so it can be made current again — and append-only decision traces and recommendations. Consent is read again inside the writing
// transaction: a customer who revoked while the chunk was computing gets nothing written.
import type { InValue, Transaction } from "@libsql/client";
import type { EngineResult } from "../engine";
import { consentingNow } from "./customer-data";
import { WINDOWS } from "../engine/types";
import { bulkInsert, placeholders } from "./sql";

export async function writeEngineResults(tx: Transaction, runId: number, results: EngineResult[]): Promise<{ recommendations: number }> {
  const loaded = results.filter((r): r is Extract<EngineResult, { consent: true }> => r.consent);
  const consenting = await consentingNow(tx, loaded.map((r) => r.user_id));
  const computed = loaded.filter((r) => consenting.has(r.user_id));
  if (!computed.length) return { recommendations: 0 };
  const max = await tx.execute("SELECT COALESCE(MAX(id), 0) AS id FROM decision_traces");
  let traceId = Number(max.rows[0].id);

  const snapshots: InValue[][] = [];
  const assignments: InValue[][] = [];
  const traces: InValue[][] = [];
  const recs: InValue[][] = [];
  for (const r of computed) {
    for (const w of WINDOWS) {
      const x = r.windows[w];
      snapshots.push([runId, r.user_id, w, r.as_of, x.signals.sufficiency.sufficient ? 1 : 0, JSON.stringify(x.signals)]);
      assignments.push([
        runId, r.user_id, w, r.as_of, x.persona.primary, JSON.stringify(x.persona.secondary), x.persona.strength, JSON.stringify(x.persona.criteria), x.persona.reason,
        x.transition.from, x.transition.kind, x.transition.message,
      ]);
      traceId++;
      traces.push([traceId, runId, r.user_id, w, r.as_of, JSON.stringify(x.trace)]);
      for (const rec of x.recommendations) {
        recs.push([runId, traceId, r.user_id, w, r.as_of, rec.content_id, rec.kind, rec.format, rec.title, rec.rationale, JSON.stringify(rec.citations), rec.disclaimer, rec.rank, rec.score]);
      }
    }
  }
  const key = `ON CONFLICT(user_id, "window", as_of, run_id) DO UPDATE SET`;
  // A new run's recommendations replace the ones still waiting for review (kept as history).
  const ids = computed.map((r) => r.user_id);
  await tx.batch([
    { sql: `UPDATE recommendations SET status = 'superseded' WHERE status = 'pending_review' AND user_id IN (${placeholders(ids)})`, args: ids },
    ...bulkInsert("signal_snapshots", ["run_id", "user_id", "window", "as_of", "sufficient", "payload"], snapshots, `${key} run_id = excluded.run_id, sufficient = excluded.sufficient, payload = excluded.payload`, 250),
    ...bulkInsert(
      "persona_assignments",
      ["run_id", "user_id", "window", "as_of", "primary_persona", "secondary", "strength", "criteria", "reason", "transition_from", "transition_kind", "celebration"],
      assignments,
      `${key} run_id = excluded.run_id, primary_persona = excluded.primary_persona, secondary = excluded.secondary, strength = excluded.strength, criteria = excluded.criteria, reason = excluded.reason, transition_from = excluded.transition_from, transition_kind = excluded.transition_kind, celebration = excluded.celebration`,
      500,
    ),
    ...bulkInsert("decision_traces", ["id", "run_id", "user_id", "window", "as_of", "payload"], traces, "", 100),
    ...bulkInsert("recommendations", ["run_id", "trace_id", "user_id", "window", "as_of", "content_id", "kind", "format", "title", "rationale", "citations", "disclaimer", "rank", "score"], recs, "", 1000),
  ]);
  return { recommendations: recs.length };
}
