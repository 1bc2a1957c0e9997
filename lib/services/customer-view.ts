// A customer's signals, personas and current recommendations per window: the shape SPEC §6
// gives for `spendsense show --json` and the API returns.
import { DEFAULT_CONFIG, type DecisionTrace } from "../engine";
import { addDays, dayFromIso } from "../data/dates";
import { tenureDays } from "../engine/personas/transitions";
import type { PersonaId } from "../engine/types";
import { WINDOWS, type WindowId } from "../engine/types";
import { customerConsent } from "../db/customer-data";
import { jsonArrayAgg, jsonObjectAgg, jsonValue } from "../db/dialect";
import { placeholders, type Sql } from "../db/sql";
import { currentResultsFor, ELIGIBLE_RUN_IDS, standingSql } from "../db/queries/current-results";
import { assertConsenting } from "./errors";

export interface CustomerView {
  user_id: string;
  consent: boolean;
  windows: Partial<Record<WindowId, WindowView>>;
}

export interface WindowView {
  as_of: string | null;
  signals: unknown;
  persona: {
    primary: string | null;
    secondary: string[];
    strength: string;
    criteria: unknown[];
    reason: string;
    transition: { from: string | null; kind: string; celebration: string | null };
    /** Days since the current primary persona was first assigned (unbroken run). */
    tenure_days: number | null;
    history: Array<{ as_of: string; primary: string | null; strength: string; transition_kind: string }>;
    /** A reviewer's override of this assignment, if any (the engine's primary stays above). */
    override: { persona: string; from: string | null; justification: string; actor: string; at: string } | null;
  } | null;
  recommendations: Array<{
    id: number;
    kind: string;
    content_id: string;
    title: string;
    rationale: string;
    citations: unknown[];
    disclaimer: string;
    status: string;
    /** "engine", or "override" when a reviewer swapped this item in. */
    source: string;
    as_of: string;
    /** This item's part of the decision: its candidate entry (score, triggers, checks, why), the persona and the signal values it read. */
    trace: ItemTrace | null;
  }>;
  /** The window's whole decision trace — every candidate and why it was chosen or left out (only with `fullTrace`). */
  decision?: DecisionTrace | null;
}

export interface ItemTrace extends Omit<DecisionTrace, "candidates"> {
  trace_id: number;
  candidate: DecisionTrace["candidates"][number] | null;
}

/** One item's slice of a window's decision trace: what a reviewer needs to replay that item. */
function itemTrace(traceId: number, t: DecisionTrace, contentId: string, citations: Array<{ signal: string }>): ItemTrace {
  const { candidates, signals_used, ...rest } = t;
  const read = new Set([...t.persona.criteria.map((c) => c.signal), ...citations.map((c) => c.signal)]);
  return {
    trace_id: traceId,
    ...rest,
    signals_used: Object.fromEntries(Object.entries(signals_used).filter(([k]) => read.has(k))),
    candidate: candidates.find((c) => c.content_id === contentId) ?? null,
  };
}

export interface ViewOptions {
  /** Also the window's whole decision trace (the staff page). */
  fullTrace?: boolean;
  /** Leave out signals and personas (null) when only recommendations are wanted (the API's recommendations read). */
  recommendationsOnly?: boolean;
  /** Leave out recommendations (empty) when only signals and personas are wanted (the API's profile read). */
  withoutRecommendations?: boolean;
  /** Leave out each item's slice of the decision trace (null), and the read of the traces. */
  withoutItemTraces?: boolean;
}

const HIDDEN = ["rejected", "withdrawn", "superseded", "overridden"];

export async function customerView(sql: Sql, userId: string, windows: readonly WindowId[] = WINDOWS, opts: ViewOptions = {}): Promise<CustomerView> {
  // The customer and their consent, then the current results per window (lib/db/queries/current-results).
  assertConsenting(userId, await customerConsent(sql, userId));
  const current = (await currentResultsFor(sql, [userId])).get(userId) ?? {};
  const latest = Object.fromEntries(Object.entries(current).map(([w, r]) => [w, r.as_of])) as Partial<Record<WindowId, string>>;
  const runOf = (w: WindowId) => current[w]!.run_id;
  const computed = windows.filter((w) => latest[w] !== undefined);
  const recommendations = opts.withoutRecommendations ? new Map() : await currentRecommendations(sql, userId, computed.map((w) => [w, latest[w]!] as const), !opts.withoutItemTraces);
  const view: CustomerView = { user_id: userId, consent: true, windows: {} };
  for (const w of windows) {
    const asOf = latest[w];
    if (asOf === undefined) {
      view.windows[w] = { as_of: null, signals: null, persona: null, recommendations: [] };
      continue;
    }
    view.windows[w] = { as_of: asOf, signals: null, persona: null, recommendations: recommendations.get(w) ?? [] };
    if (opts.recommendationsOnly) continue;
    const [snap, pa, ov] = await Promise.all([
      sql.execute({ sql: `SELECT payload FROM signal_snapshots WHERE user_id = ? AND "window" = ? AND run_id = ?`, args: [userId, w, runOf(w)] }),
      sql.execute({ sql: `SELECT * FROM persona_assignments pa WHERE user_id = ? AND "window" = ? AND as_of <= ? AND ${standingSql("pa")} ORDER BY as_of DESC`, args: [userId, w, asOf] }),
      sql.execute({ sql: `SELECT * FROM persona_overrides WHERE user_id = ? AND "window" = ? AND as_of = ? ORDER BY id DESC LIMIT 1`, args: [userId, w, asOf] }),
    ]);
    const p = pa.rows[0]?.as_of === asOf ? pa.rows[0] : undefined;
    const o = ov.rows[0];
    const history = pa.rows.map((r) => ({ as_of: String(r.as_of), primary: r.primary_persona === null ? null : String(r.primary_persona), strength: String(r.strength), transition_kind: String(r.transition_kind) }));
    view.windows[w]!.signals = JSON.parse(String(snap.rows[0].payload));
    view.windows[w]!.persona = p
      ? {
          primary: p.primary_persona === null ? null : String(p.primary_persona),
          secondary: JSON.parse(String(p.secondary)),
          strength: String(p.strength),
          criteria: JSON.parse(String(p.criteria)),
          reason: String(p.reason),
          transition: { from: p.transition_from === null ? null : String(p.transition_from), kind: String(p.transition_kind), celebration: p.celebration === null ? null : String(p.celebration) },
          tenure_days: tenureDays(history.map((h) => ({ as_of: h.as_of, primary: h.primary as PersonaId | null })), dayFromIso),
          history: history.slice(0, 12),
          override: o ? { persona: String(o.persona), from: o.from_persona === null ? null : String(o.from_persona), justification: String(o.justification), actor: String(o.actor), at: new Date(String(o.created_at)).toISOString() } : null,
        }
      : null;
    if (opts.fullTrace) {
      // The latest run's decision for the window, even when it chose nothing.
      const latestTrace = await sql.execute({ sql: `SELECT payload FROM decision_traces WHERE user_id = ? AND "window" = ? AND run_id = ? ORDER BY id DESC LIMIT 1`, args: [userId, w, runOf(w)] });
      view.windows[w]!.decision = latestTrace.rows.length ? JSON.parse(String(latestTrace.rows[0].payload)) : null;
    }
  }
  return view;
}

/**
 * Current recommendations per window — still live (not rejected, withdrawn, superseded or
 * overridden) and made within the no-repeat period up to the window's latest run — each with its
 * slice of the decision trace. Two reads for every window together, rows as one JSON document
 * (much cheaper than row objects on this hot path of the API).
 */
async function currentRecommendations(sql: Sql, userId: string, windows: ReadonlyArray<readonly [WindowId, string]>, withTraces: boolean): Promise<Map<WindowId, WindowView["recommendations"]>> {
  const out = new Map<WindowId, WindowView["recommendations"]>();
  if (!windows.length) return out;
  const rs = await sql.execute({
    sql: `SELECT ${jsonArrayAgg(sql, ["id", '"window"', "kind", "content_id", "title", "rationale", jsonValue(sql, "citations"), "disclaimer", "status", "source", "as_of", "trace_id"], '"window", as_of DESC, kind, rank, id')} AS rows
          FROM (SELECT * FROM recommendations WHERE user_id = ? AND (${windows.map(() => `("window" = ? AND as_of > ? AND as_of <= ?)`).join(" OR ")})
                AND status NOT IN (${placeholders(HIDDEN)}) AND run_id IN ${ELIGIBLE_RUN_IDS} ORDER BY "window", as_of DESC, kind, rank, id) r`,
    args: [userId, ...windows.flatMap(([w, asOf]) => [w, addDays(asOf, -DEFAULT_CONFIG.recommend.noRepeatDays), asOf]), ...HIDDEN],
  });
  type Row = [number, WindowId, string, string, string, string, Array<{ signal: string }>, string, string, string, string, number | null];
  const rows = JSON.parse(String(rs.rows[0].rows)) as Row[];
  // Each trace is read and parsed once, however many items share it.
  const traceIds = withTraces ? [...new Set(rows.map((r) => r[11]).filter((id): id is number => id !== null))] : [];
  const traces = new Map<number, DecisionTrace>();
  if (traceIds.length) {
    const t = await sql.execute({ sql: `SELECT ${jsonObjectAgg(sql, "id", jsonValue(sql, "payload"))} AS traces FROM decision_traces WHERE id IN (${placeholders(traceIds)})`, args: traceIds });
    for (const [id, trace] of Object.entries(JSON.parse(String(t.rows[0].traces)) as Record<string, DecisionTrace>)) traces.set(Number(id), trace);
  }
  for (const [id, window, kind, content_id, title, rationale, citations, disclaimer, status, source, as_of, trace_id] of rows) {
    const trace = trace_id === null ? undefined : traces.get(trace_id);
    const list = out.get(window) ?? [];
    list.push({ id, kind, content_id, title, rationale, citations, disclaimer, status, source, as_of, trace: trace ? itemTrace(trace_id!, trace, content_id, citations) : null });
    out.set(window, list);
  }
  return out;
}
