// A customer's signals, personas and current recommendations per window: the shape SPEC §6
// gives for `spendsense show --json` and the API returns.
import { DEFAULT_CONFIG, type DecisionTrace } from "../engine";
import { addDays, dayFromIso } from "../data/dates";
import { tenureDays } from "../engine/personas/transitions";
import type { PersonaId } from "../engine/types";
import { WINDOWS, type WindowId } from "../engine/types";
import { customerConsent } from "../db/customer-data";
import type { Sql } from "../db/sql";
import { currentResultsFor } from "../db/queries/current-results";
import { decisionOfRun, liveItems, signalsOfRun, tracesById } from "../db/queries/customer-view";
import { personaHistory, readCurrentPersonas, type CurrentPersona } from "../db/queries/personas";
import { assertConsenting } from "./errors";

export interface CustomerView {
  user_id: string;
  consent: boolean;
  windows: Partial<Record<WindowId, WindowView>>;
}

export interface WindowView {
  as_of: string | null;
  signals: unknown;
  persona: (Pick<CurrentPersona, "primary" | "secondary" | "strength" | "criteria" | "reason" | "transition"> & {
    /** Days since the current primary persona was first assigned (unbroken run). */
    tenure_days: number | null;
    history: Array<{ as_of: string; primary: string | null; strength: string; transition_kind: string }>;
    /** A reviewer's override of this assignment, if any (the engine's primary stays above). */
    override: { persona: string; from: string | null; justification: string; actor: string; at: string } | null;
  }) | null;
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
  const computed = windows.filter((w) => current[w] !== undefined);
  const recommendations = opts.withoutRecommendations ? new Map() : await currentRecommendations(sql, userId, computed.map((w) => [w, current[w]!.as_of] as const), !opts.withoutItemTraces);
  const personas = opts.recommendationsOnly || !computed.length ? {} : await readCurrentPersonas(sql, userId);
  const view: CustomerView = { user_id: userId, consent: true, windows: {} };
  for (const w of windows) {
    const ref = current[w];
    if (ref === undefined) {
      view.windows[w] = { as_of: null, signals: null, persona: null, recommendations: [] };
      continue;
    }
    const asOf = ref.as_of;
    view.windows[w] = { as_of: asOf, signals: null, persona: null, recommendations: recommendations.get(w) ?? [] };
    if (opts.recommendationsOnly) continue;
    const [signals, history] = await Promise.all([signalsOfRun(sql, userId, w, ref.run_id), personaHistory(sql, userId, w, asOf)]);
    const p = personas[w];
    const o = p?.override;
    view.windows[w]!.signals = signals;
    view.windows[w]!.persona = p
      ? {
          primary: p.primary,
          secondary: p.secondary,
          strength: p.strength,
          criteria: p.criteria,
          reason: p.reason,
          transition: p.transition,
          tenure_days: tenureDays(history.map((h) => ({ as_of: h.as_of, primary: h.primary as PersonaId | null })), dayFromIso),
          history: history.slice(0, 12),
          override: o ? { persona: o.persona, from: o.from_persona, justification: o.justification, actor: o.actor, at: o.created_at } : null,
        }
      : null;
    // The latest run's decision for the window, even when it chose nothing.
    if (opts.fullTrace) view.windows[w]!.decision = await decisionOfRun(sql, userId, w, ref.run_id);
  }
  return view;
}

/**
 * Current recommendations per window — still live (not rejected, withdrawn, superseded or
 * overridden) and made within the no-repeat period up to the window's latest run — each with its
 * slice of the decision trace.
 */
async function currentRecommendations(sql: Sql, userId: string, windows: ReadonlyArray<readonly [WindowId, string]>, withTraces: boolean): Promise<Map<WindowId, WindowView["recommendations"]>> {
  const out = new Map<WindowId, WindowView["recommendations"]>();
  const rows = await liveItems(sql, userId, windows.map(([window, asOf]) => ({ window, from: addDays(asOf, -DEFAULT_CONFIG.recommend.noRepeatDays), to: asOf })), HIDDEN);
  const traces = withTraces ? await tracesById(sql, [...new Set(rows.map((r) => r.trace_id).filter((id): id is number => id !== null))]) : new Map<number, DecisionTrace>();
  for (const { trace_id, window, ...r } of rows) {
    const trace = trace_id === null ? undefined : traces.get(trace_id);
    const list = out.get(window) ?? [];
    list.push({ ...r, trace: trace ? itemTrace(trace_id!, trace, r.content_id, r.citations) : null });
    out.set(window, list);
  }
  return out;
}
