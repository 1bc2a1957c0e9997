// A customer's signals, personas and current recommendations per window: the shape SPEC §6
// gives for `spendsense show --json` and the API returns.
import { DEFAULT_CONFIG, type DecisionTrace } from "../engine";
import { addDays, dayFromIso } from "../data/dates";
import { tenureDays } from "../engine/personas/transitions";
import type { PersonaId } from "../engine/types";
import { WINDOWS, type WindowId } from "../engine/types";
import type { Sql } from "../db/sql";
import { ConsentRequiredError, NotFoundError } from "./errors";

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
}

export async function customerView(sql: Sql, userId: string, windows: readonly WindowId[] = WINDOWS, opts: ViewOptions = {}): Promise<CustomerView> {
  const c = await sql.execute({ sql: "SELECT user_id, consent FROM customers WHERE user_id = ?", args: [userId] });
  if (!c.rows.length) throw new NotFoundError(`no customer with id "${userId}"`);
  if (Number(c.rows[0].consent) !== 1) throw new ConsentRequiredError(`customer "${userId}" has not consented: nothing is computed or shown until they opt in`);
  const view: CustomerView = { user_id: userId, consent: true, windows: {} };
  for (const w of windows) {
    const snap = await sql.execute({ sql: `SELECT as_of${opts.recommendationsOnly ? "" : ", payload"} FROM signal_snapshots WHERE user_id = ? AND "window" = ? ORDER BY as_of DESC LIMIT 1`, args: [userId, w] });
    if (!snap.rows.length) {
      view.windows[w] = { as_of: null, signals: null, persona: null, recommendations: [] };
      continue;
    }
    const asOf = String(snap.rows[0].as_of);
    const [pa, ov] = opts.recommendationsOnly
      ? [{ rows: [] }, { rows: [] }]
      : await Promise.all([
          sql.execute({ sql: `SELECT * FROM persona_assignments WHERE user_id = ? AND "window" = ? AND as_of <= ? ORDER BY as_of DESC`, args: [userId, w, asOf] }),
          sql.execute({ sql: `SELECT * FROM persona_overrides WHERE user_id = ? AND "window" = ? AND as_of = ? ORDER BY id DESC LIMIT 1`, args: [userId, w, asOf] }),
        ]);
    const p = pa.rows[0]?.as_of === asOf ? pa.rows[0] : undefined;
    const o = ov.rows[0];
    const history = pa.rows.map((r) => ({ as_of: String(r.as_of), primary: r.primary_persona === null ? null : String(r.primary_persona), strength: String(r.strength), transition_kind: String(r.transition_kind) }));
    // Current = still live (not rejected, withdrawn, superseded or overridden), made within the no-repeat period before the latest run.
    const recs = await sql.execute({
      sql: `SELECT r.id, r.kind, r.content_id, r.title, r.rationale, r.citations, r.disclaimer, r.status, r.source, r.as_of, r.trace_id FROM recommendations r
            WHERE r.user_id = ? AND r."window" = ? AND r.as_of > ? AND r.as_of <= ? AND r.status NOT IN ('rejected', 'withdrawn', 'superseded', 'overridden')
            ORDER BY r.as_of DESC, r.kind, r.rank, r.id`,
      args: [userId, w, addDays(asOf, -DEFAULT_CONFIG.recommend.noRepeatDays), asOf],
    });
    // Each trace is read and parsed once, however many items share it.
    const traceIds = [...new Set(recs.rows.filter((r) => r.trace_id !== null).map((r) => Number(r.trace_id)))];
    const traces = new Map<number, DecisionTrace>();
    if (traceIds.length) {
      const rs = await sql.execute({ sql: `SELECT id, payload FROM decision_traces WHERE id IN (${traceIds.map(() => "?").join(", ")})`, args: traceIds });
      for (const t of rs.rows) traces.set(Number(t.id), JSON.parse(String(t.payload)));
    }
    view.windows[w] = {
      as_of: asOf,
      signals: opts.recommendationsOnly ? null : JSON.parse(String(snap.rows[0].payload)),
      persona: p
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
        : null,
      recommendations: recs.rows.map((r) => {
        const citations = JSON.parse(String(r.citations));
        const trace = r.trace_id === null ? undefined : traces.get(Number(r.trace_id));
        return {
          id: Number(r.id),
          kind: String(r.kind),
          content_id: String(r.content_id),
          title: String(r.title),
          rationale: String(r.rationale),
          citations,
          disclaimer: String(r.disclaimer),
          status: String(r.status),
          source: String(r.source),
          as_of: String(r.as_of),
          trace: trace ? itemTrace(Number(r.trace_id), trace, String(r.content_id), citations) : null,
        };
      }),
    };
    if (opts.fullTrace) {
      // The latest run's decision for the window, even when it chose nothing.
      const latest = await sql.execute({ sql: `SELECT payload FROM decision_traces WHERE user_id = ? AND "window" = ? AND as_of = ? ORDER BY id DESC LIMIT 1`, args: [userId, w, asOf] });
      view.windows[w]!.decision = latest.rows.length ? JSON.parse(String(latest.rows[0].payload)) : null;
    }
  }
  return view;
}
