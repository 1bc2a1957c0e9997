// Evaluation (`spendsense eval`): who is in scope (consent, demographics, generator label), what
// the latest engine run stored for them at an asOf (raw SQL in bulk, like the engine's loads),
// the generator's labelled events, and the recorded evaluation runs.
import type { Transaction } from "@libsql/client";
import type { Db } from "../client";
import { standingSql } from "./current-results";
import { WINDOWS, type PersonaId, type WindowId } from "../../engine/types";
import type { Strength } from "../../engine/personas/assign";
import { placeholders, type Sql } from "../sql";
import { FAIRNESS_DIMENSIONS, type Dimension } from "../../eval/targets";
import type { TruthEvent } from "../../eval/alerts";
import type { EvalCustomer, StoredRecommendation, StoredTrace, StoredWindow } from "../../eval/types";

export { latestFinishedRun } from "./runs";

const parse = (text: unknown): unknown => {
  try {
    return JSON.parse(String(text));
  } catch {
    return null;
  }
};

export interface ScopeCustomer extends Omit<EvalCustomer, "windows"> {
  consent: boolean;
}

/** Customers in scope (everyone, or the given ids) in id order, with demographics and label. */
export async function listScopeCustomers(sql: Sql, only?: string[]): Promise<ScopeCustomer[]> {
  const where = only?.length ? `WHERE c.user_id IN (${placeholders(only)})` : "";
  const rs = await sql.execute({
    sql: `SELECT c.user_id, c.consent, ${FAIRNESS_DIMENSIONS.map((d) => `c.${d}`).join(", ")}, l.intended_persona, l.profile
          FROM customers c LEFT JOIN generator_labels l ON l.user_id = c.user_id ${where} ORDER BY c.user_id`,
    args: only ?? [],
  });
  return rs.rows.map((r) => ({
    user_id: String(r.user_id),
    consent: Number(r.consent) === 1,
    demographics: Object.fromEntries(FAIRNESS_DIMENSIONS.map((d) => [d, r[d] === null ? null : String(r[d])])) as Record<Dimension, string | null>,
    label: r.intended_persona === null ? null : { intended_persona: String(r.intended_persona), profile: String(r.profile) },
  }));
}

/** A customer's stored results before anything is found: every window empty. */
export function emptyWindows(): Record<WindowId, StoredWindow> {
  return Object.fromEntries(WINDOWS.map((w) => [w, { signals: null, persona: null, recommendations: [], traces: [] }])) as unknown as Record<WindowId, StoredWindow>;
}

/**
 * What the latest run that computed each customer stored at `asOf`: signals, persona, the
 * engine's recommendations of that run (reviewer overrides excluded) and their decision traces.
 */
export async function loadStoredResults(sql: Sql, userIds: string[], asOf: string): Promise<Map<string, Record<WindowId, StoredWindow>>> {
  const out = new Map<string, Record<WindowId, StoredWindow>>();
  if (!userIds.length) return out;
  const ph = placeholders(userIds);
  // Rows of the latest run that computed the customer: the one its persona assignment names.
  const latestRun = `JOIN persona_assignments pa ON pa.user_id = x.user_id AND pa."window" = x."window" AND pa.as_of = x.as_of AND pa.run_id = x.run_id AND ${standingSql("pa")}`;
  const [assignments, snapshots, recs, ownTraces] = await Promise.all([
    sql.execute({ sql: `SELECT user_id, "window", primary_persona, secondary, strength FROM persona_assignments pa WHERE as_of = ? AND user_id IN (${ph}) AND ${standingSql("pa")}`, args: [asOf, ...userIds] }),
    sql.execute({ sql: `SELECT user_id, "window", payload FROM signal_snapshots s WHERE as_of = ? AND user_id IN (${ph}) AND ${standingSql("s")}`, args: [asOf, ...userIds] }),
    sql.execute({
      sql: `SELECT x.id, x.user_id, x."window", x.content_id, x.kind, x.rationale, x.citations, x.trace_id, c.personas
            FROM recommendations x ${latestRun} LEFT JOIN content_items c ON c.id = x.content_id
            WHERE x.as_of = ? AND x.source = 'engine' AND x.user_id IN (${ph}) ORDER BY x.user_id, x."window", x.rank, x.id`,
      args: [asOf, ...userIds],
    }),
    sql.execute({ sql: `SELECT x.id, x.user_id, x."window", x.payload FROM decision_traces x ${latestRun} WHERE x.as_of = ? AND x.user_id IN (${ph})`, args: [asOf, ...userIds] }),
  ]);
  const windowOf = (userId: string, w: unknown): StoredWindow => {
    let entry = out.get(userId);
    if (!entry) out.set(userId, (entry = emptyWindows()));
    return entry[String(w) as WindowId];
  };
  const toTrace = (r: Record<string, unknown>): StoredTrace => ({ id: Number(r.id), user_id: String(r.user_id), payload: parse(r.payload) });
  for (const r of assignments.rows) {
    windowOf(String(r.user_id), r.window).persona = { primary: r.primary_persona === null ? null : (String(r.primary_persona) as PersonaId), secondary: parse(r.secondary) as PersonaId[], strength: String(r.strength) as Strength };
  }
  for (const r of snapshots.rows) windowOf(String(r.user_id), r.window).signals = parse(r.payload) as StoredWindow["signals"];
  const traceById = new Map<number, StoredTrace>();
  for (const r of ownTraces.rows) {
    const t = toTrace(r);
    traceById.set(t.id, t);
    windowOf(t.user_id, r.window).traces.push(t);
  }
  const stored: Array<{ user_id: string; window: unknown; rec: StoredRecommendation }> = recs.rows.map((r) => ({
    user_id: String(r.user_id),
    window: r.window,
    rec: {
      id: Number(r.id),
      content_id: String(r.content_id),
      kind: String(r.kind) as StoredRecommendation["kind"],
      rationale: String(r.rationale),
      citations: (parse(r.citations) as StoredRecommendation["citations"] | null) ?? [],
      item_personas: (parse(r.personas) as string[] | null) ?? [],
      trace_id: r.trace_id === null ? null : Number(r.trace_id),
    },
  }));
  // A recommendation normally points to its window's own trace; fetch any other it points to.
  const elsewhere = [...new Set(stored.map((s) => s.rec.trace_id).filter((id): id is number => id !== null && !traceById.has(id)))];
  if (elsewhere.length) {
    const rs = await sql.execute({ sql: `SELECT id, user_id, payload FROM decision_traces WHERE id IN (${placeholders(elsewhere)})`, args: elsewhere });
    for (const r of rs.rows) traceById.set(Number(r.id), toTrace(r));
  }
  for (const { user_id, window, rec } of stored) {
    const w = windowOf(user_id, window);
    w.recommendations.push(rec);
    const t = rec.trace_id === null ? undefined : traceById.get(rec.trace_id);
    if (t && !w.traces.includes(t)) w.traces.push(t);
  }
  return out;
}

/** The generator's ground-truth events of these customers (generator_events), for alert precision and recall. */
export async function loadTruthEvents(sql: Sql, userIds: string[]): Promise<TruthEvent[]> {
  if (!userIds.length) return [];
  const rs = await sql.execute({
    sql: `SELECT user_id, kind, source, event_date, transaction_ids, expected_alert FROM generator_events WHERE user_id IN (${placeholders(userIds)}) ORDER BY user_id, seq`,
    args: userIds,
  });
  return rs.rows.map((r) => ({
    user_id: String(r.user_id),
    kind: String(r.kind),
    source: String(r.source),
    date: String(r.event_date),
    transaction_ids: ((parse(r.transaction_ids) as string[] | null) ?? []).map(String),
    expected_alert: String(r.expected_alert),
  }));
}

/** Records an evaluation run (on the caller's write transaction); returns its id. */
export async function insertEvalRun(
  tx: Pick<Transaction, "execute">,
  run: { asOf: string; engineVersion: string; customers: number; metrics: unknown; outDir: string; engineRunId: number; startedBy: string | null },
): Promise<number> {
  const row = await tx.execute({
    sql: "INSERT INTO eval_runs (as_of, engine_version, customers, metrics, out_dir, engine_run_id, started_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    args: [run.asOf, run.engineVersion, run.customers, JSON.stringify(run.metrics), run.outDir, run.engineRunId, run.startedBy],
  });
  return Number(row.rows[0].id);
}

/** The latest recorded evaluation run, or null. */
export function latestEvalRun(db: Db) {
  return db.evalRun.findFirst({ orderBy: { id: "desc" } });
}
