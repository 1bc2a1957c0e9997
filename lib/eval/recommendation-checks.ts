// Per-recommendation checks: explainable (cites data), faithful (every cited number equals the
// stored signal), relevant (item fits the customer's personas) and auditable (complete trace).
import { verifyCitations } from "../engine/recommend/triggers";
import type { WindowId } from "../engine/types";
import type { StoredRecommendation, StoredTrace, StoredWindow } from "./types";

/** Why a trace is not complete. A trace is complete when none of these applies. */
export const TRACE_PROBLEMS = {
  no_trace_id: "the recommendation points to no decision trace",
  trace_not_found: "the decision trace it points to does not exist",
  other_customer: "the decision trace belongs to another customer",
  malformed: "the decision trace is not a JSON object",
  no_engine_version: "the trace records no engine version",
  no_config_hash: "the trace records no config hash",
  as_of_mismatch: "the trace's asOf differs from the recommendation's",
  window_mismatch: "the trace's window differs from the recommendation's",
  no_persona: "the trace records no persona criteria",
  cited_signal_not_recorded: "a cited number is missing from, or differs in, the trace's signal values",
  no_chosen_candidate: "the trace has no candidate for this item with decision \"chosen\"",
} as const;
export type TraceProblem = keyof typeof TRACE_PROBLEMS;

export interface RecommendationVerdict {
  id: number;
  content_id: string;
  kind: StoredRecommendation["kind"];
  /** A non-empty rationale with at least one citation. */
  explained: boolean;
  citations: number;
  /** Cited signal paths whose value differs from the stored signals (every one when none were stored). */
  unfaithful: string[];
  relevant: boolean;
  /** Empty when the trace is complete. */
  trace_problems: TraceProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown) => typeof v === "string" && v.length > 0;

export function traceProblems(rec: StoredRecommendation, ctx: { user_id: string; as_of: string; window: WindowId; traces: readonly StoredTrace[] }): TraceProblem[] {
  if (rec.trace_id === null) return ["no_trace_id"];
  const trace = ctx.traces.find((t) => t.id === rec.trace_id);
  if (!trace) return ["trace_not_found"];
  if (trace.user_id !== ctx.user_id) return ["other_customer"];
  const p = trace.payload;
  if (!isObject(p)) return ["malformed"];
  const problems: TraceProblem[] = [];
  if (!nonEmpty(p.engine_version)) problems.push("no_engine_version");
  if (!nonEmpty(p.config_hash)) problems.push("no_config_hash");
  if (p.as_of !== ctx.as_of) problems.push("as_of_mismatch");
  if (p.window !== ctx.window) problems.push("window_mismatch");
  if (!isObject(p.persona) || !Array.isArray(p.persona.criteria)) problems.push("no_persona");
  const used = isObject(p.signals_used) ? p.signals_used : {};
  if (rec.citations.some((c) => !(c.signal in used) || used[c.signal] !== c.value)) problems.push("cited_signal_not_recorded");
  const candidates = Array.isArray(p.candidates) ? p.candidates : [];
  if (!candidates.some((c) => isObject(c) && c.content_id === rec.content_id && c.decision === "chosen")) problems.push("no_chosen_candidate");
  return problems;
}

export function checkRecommendation(rec: StoredRecommendation, w: StoredWindow, ctx: { user_id: string; as_of: string; window: WindowId }): RecommendationVerdict {
  const personas = w.persona ? [w.persona.primary, ...w.persona.secondary].filter((p) => p !== null) : [];
  // Without stored signals nothing can be checked, so nothing counts as faithful.
  const unfaithful = w.signals ? verifyCitations(w.signals, rec.citations) : rec.citations;
  return {
    id: rec.id,
    content_id: rec.content_id,
    kind: rec.kind,
    explained: rec.rationale.trim().length > 0 && rec.citations.length > 0,
    citations: rec.citations.length,
    unfaithful: unfaithful.map((c) => c.signal),
    relevant: personas.some((p) => rec.item_personas.includes(p)),
    trace_problems: traceProblems(rec, { ...ctx, traces: w.traces }),
  };
}
