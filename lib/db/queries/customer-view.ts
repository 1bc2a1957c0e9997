// What the customer view (lib/services/customer-view: `spendsense show`, the API, the staff page)
// reads besides personas (./personas): a run's signals and decision for a window, the items still
// live for each window, and decision traces by id. Items and traces come back as ONE JSON document
// each (much cheaper than row objects on this hot path of the API).
import type { DecisionTrace } from "../../engine";
import type { WindowId } from "../../engine/types";
import type { Db } from "../client";
import { jsonArrayAgg, jsonObjectAgg, jsonValue } from "../dialect";
import { placeholders, type Sql } from "../sql";
import { ELIGIBLE_RUN_IDS } from "./current-results";

type Exec = Pick<Sql, "execute">;

export interface LiveItemRow {
  id: number;
  window: WindowId;
  kind: string;
  content_id: string;
  title: string;
  rationale: string;
  citations: Array<{ signal: string }>;
  disclaimer: string;
  status: string;
  source: string;
  as_of: string;
  trace_id: number | null;
}

/**
 * Items of eligible runs made for each window in (from, to] whose status is not one of `hidden`,
 * ordered by window, newest as-of first, kind, rank.
 */
export async function liveItems(sql: Exec, userId: string, windows: ReadonlyArray<{ window: WindowId; from: string; to: string }>, hidden: readonly string[]): Promise<LiveItemRow[]> {
  if (!windows.length) return [];
  const order = '"window", as_of DESC, kind, rank, id';
  const rs = await sql.execute({
    sql: `SELECT ${jsonArrayAgg(sql, ["id", '"window"', "kind", "content_id", "title", "rationale", jsonValue(sql, "citations"), "disclaimer", "status", "source", "as_of", "trace_id"], order)} AS rows
          FROM (SELECT * FROM recommendations WHERE user_id = ? AND (${windows.map(() => `("window" = ? AND as_of > ? AND as_of <= ?)`).join(" OR ")})
                AND status NOT IN (${placeholders(hidden)}) AND run_id IN ${ELIGIBLE_RUN_IDS} ORDER BY ${order}) r`,
    args: [userId, ...windows.flatMap((w) => [w.window, w.from, w.to]), ...hidden],
  });
  type Row = [number, WindowId, string, string, string, string, Array<{ signal: string }>, string, string, string, string, number | null];
  return (JSON.parse(String(rs.rows[0].rows)) as Row[]).map(([id, window, kind, content_id, title, rationale, citations, disclaimer, status, source, as_of, trace_id]) => ({
    id,
    window,
    kind,
    content_id,
    title,
    rationale,
    citations,
    disclaimer,
    status,
    source,
    as_of,
    trace_id,
  }));
}

/** Decision traces by id (each read and parsed once). */
export async function tracesById(sql: Exec, ids: readonly number[]): Promise<Map<number, DecisionTrace>> {
  const out = new Map<number, DecisionTrace>();
  if (!ids.length) return out;
  const rs = await sql.execute({ sql: `SELECT ${jsonObjectAgg(sql, "id", jsonValue(sql, "payload"))} AS traces FROM decision_traces WHERE id IN (${placeholders(ids)})`, args: [...ids] });
  for (const [id, trace] of Object.entries(JSON.parse(String(rs.rows[0].traces)) as Record<string, DecisionTrace>)) out.set(Number(id), trace);
  return out;
}

/** The signals run `runId` computed for the customer's window, or null. */
export async function signalsOfRun(sql: Exec, userId: string, window: WindowId, runId: number): Promise<unknown> {
  const r = (await sql.execute({ sql: `SELECT payload FROM signal_snapshots WHERE user_id = ? AND "window" = ? AND run_id = ?`, args: [userId, window, runId] })).rows[0];
  return r ? JSON.parse(String(r.payload)) : null;
}

/** The latest decision run `runId` made for the customer's window (even one that chose nothing), or null. */
export async function decisionOfRun(sql: Exec, userId: string, window: WindowId, runId: number): Promise<DecisionTrace | null> {
  const r = (await sql.execute({ sql: `SELECT payload FROM decision_traces WHERE user_id = ? AND "window" = ? AND run_id = ? ORDER BY id DESC LIMIT 1`, args: [userId, window, runId] })).rows[0];
  return r ? (JSON.parse(String(r.payload)) as DecisionTrace) : null;
}

/** The decision trace a recommendation was chosen in, or null (consent revoked, or none stored). */
export async function traceOfRecommendation(db: Pick<Db, "recommendation">, recommendationId: number): Promise<DecisionTrace | null> {
  const rec = await db.recommendation.findUnique({ where: { id: recommendationId }, select: { user_id: true, trace: { select: { payload: true, user_id: true } } } });
  // The trace must belong to the recommendation's customer (it always does; never show another's).
  if (!rec?.trace || rec.trace.user_id !== rec.user_id) return null;
  return JSON.parse(rec.trace.payload) as DecisionTrace;
}
