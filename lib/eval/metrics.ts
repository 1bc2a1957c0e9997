// The metrics document (metrics.json): a pure function of the customers' assessments, plus one
// clearly separated `measured` section (latency, wall-clock time) that the caller measured.
import { WINDOWS, type WindowId } from "../engine/types";
import type { CustomerAssessment, UncoveredReason } from "./assess";
import type { AlertKind } from "../engine/alerts/types";
import type { AlertKindMetrics, AlertMetrics } from "./alerts";
import { BEHAVIOURS, type BehaviourId } from "./behaviours";
import { fairness, type FairnessWindow } from "./fairness";
import { summariseLatency, type LatencySummary } from "./latency";
import { rate, tally } from "./numbers";
import { personaAccuracy, type ConfusionMatrix } from "./persona-accuracy";
import { TRACE_PROBLEMS, type TraceProblem } from "./recommendation-checks";
import { EVAL_SCHEMA, EVAL_TARGETS, type TargetId } from "./targets";

export const METRIC_LABELS: Record<TargetId, string> = {
  coverage: "Coverage",
  explainability: "Explainability",
  faithfulness: "Rationale faithfulness",
  relevance: "Relevance",
  persona_accuracy: "Persona accuracy",
  auditability: "Auditability",
  reproducibility: "Reproducibility",
  offer_access_parity: "Offer-access parity (worst group)",
  persona_assigned_parity: "Persona-assigned parity (worst group)",
  latency_p50_ms: "Latency p50 (ms)",
  latency_p95_ms: "Latency p95 (ms)",
  latency_p99_ms: "Latency p99 (ms)",
};

export interface MetricEntry {
  id: TargetId;
  label: string;
  window: WindowId | "all";
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number;
  goal: "at_least" | "at_most";
  /** null when there was nothing to measure. */
  meets: boolean | null;
}

export interface CoverageDetail {
  consenting: number;
  covered: number;
  uncovered: Record<UncoveredReason, number>;
  /** Of those with no matched persona, how many the generator labelled "none" too (healthy by design). */
  no_persona_labelled_none: number;
  /** Customers with each behaviour detected. */
  behaviours: Record<BehaviourId, number>;
  /** customers_by_behaviour_count[k]: customers with exactly k behaviours. */
  customers_by_behaviour_count: number[];
}

export interface RecommendationDetail {
  total: number;
  education: number;
  offers: number;
  unexplained: number;
  /** Recommendations with at least one citation, and how many of them cite a wrong number. */
  citing: number;
  unfaithful: number;
  citations: number;
  unfaithful_citations: number;
  /** Signal paths (ids masked as [*]) of unfaithful citations, most frequent first. */
  unfaithful_by_signal: Array<{ signal: string; count: number }>;
  irrelevant: number;
  irrelevant_offers: number;
  /** Irrelevant recommendations made to customers with no matched persona (weak or none). */
  irrelevant_without_matched_persona: number;
  irrelevant_by_item: Array<{ content_id: string; count: number }>;
  incomplete_traces: number;
  trace_problems: Record<TraceProblem, number>;
}

export interface EvalMetrics {
  /** Alert precision / recall per kind against the generator's events (issue 15); absent in documents made before alerts existed. */
  alerts?: Record<AlertKind, AlertKindMetrics>;
  /** What the alert figures rest on: customers, months covered, recall per event kind, examples of misses. */
  alert_truth?: Omit<AlertMetrics, "kinds">;
  schema: typeof EVAL_SCHEMA;
  as_of: string;
  engine_version: string;
  config_hash: string;
  customers: { selected: number; consenting: number; evaluated: number; without_results: number; labelled: number };
  targets: typeof EVAL_TARGETS;
  metrics: MetricEntry[];
  coverage: Record<WindowId, CoverageDetail>;
  recommendations: Record<WindowId, RecommendationDetail>;
  persona_accuracy: Record<WindowId, ConfusionMatrix>;
  fairness: Record<WindowId, FairnessWindow>;
  /** Machine- and moment-dependent; everything above is a pure function of the stored data. */
  measured: { generated_at: string; seconds: number; latency_ms: LatencySummary | null; metrics: MetricEntry[] };
}

export interface EvalMeta {
  as_of: string;
  engine_version: string;
  config_hash: string;
  /** Customers in scope (everyone, or --users) and how many of them consent. */
  selected: number;
  consenting: number;
}

export interface Measurements {
  generated_at: string;
  seconds: number;
  /** Pure engine time per customer (both windows), milliseconds. */
  latencies_ms: readonly number[];
}

function entry(id: TargetId, window: WindowId | "all", value: number | null, numerator: number | null = null, denominator: number | null = null): MetricEntry {
  const target = EVAL_TARGETS[id];
  const goal = id.startsWith("latency_") ? "at_most" : "at_least";
  const meets = value === null ? null : goal === "at_least" ? value >= target : value <= target;
  return { id, label: METRIC_LABELS[id], window, value, numerator, denominator, target, goal, meets };
}

const ratioEntry = (id: TargetId, window: WindowId, numerator: number, denominator: number) => entry(id, window, rate(numerator, denominator), numerator, denominator);

/** Most frequent first, then by key; the first `limit`. */
function ranked<K extends string>(keys: Iterable<string>, name: K, limit = 5): Array<Record<K, string> & { count: number }> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([k, count]) => ({ [name]: k, count }) as Record<K, string> & { count: number });
}

function coverageDetail(assessments: readonly CustomerAssessment[], window: WindowId): CoverageDetail {
  const ws = assessments.map((a) => a.windows[window]);
  const counts = Array<number>(BEHAVIOURS.length + 1).fill(0);
  for (const w of ws) counts[w.behaviours.length]++;
  return {
    consenting: ws.length,
    covered: ws.filter((w) => w.covered).length,
    uncovered: tally(["no_results", "insufficient_data", "no_persona", "few_behaviours"], ws.flatMap((w) => (w.uncovered ? [w.uncovered] : []))),
    no_persona_labelled_none: assessments.filter((a) => a.windows[window].uncovered === "no_persona" && a.label?.intended_persona === "none").length,
    behaviours: tally(
      BEHAVIOURS.map((b) => b.id),
      ws.flatMap((w) => w.behaviours),
    ),
    customers_by_behaviour_count: counts,
  };
}

function recommendationDetail(assessments: readonly CustomerAssessment[], window: WindowId): RecommendationDetail {
  const recs = assessments.flatMap((a) => a.windows[window].recommendations.map((r) => ({ r, matched: a.windows[window].matched.length > 0 })));
  const citing = recs.filter(({ r }) => r.explained);
  const irrelevant = recs.filter(({ r }) => !r.relevant);
  const unfaithfulPaths = recs.flatMap(({ r }) => r.unfaithful);
  return {
    total: recs.length,
    education: recs.filter(({ r }) => r.kind === "education").length,
    offers: recs.filter(({ r }) => r.kind === "offer").length,
    unexplained: recs.length - citing.length,
    citing: citing.length,
    unfaithful: citing.filter(({ r }) => r.unfaithful.length > 0).length,
    citations: recs.reduce((s, { r }) => s + r.citations, 0),
    unfaithful_citations: unfaithfulPaths.length,
    unfaithful_by_signal: ranked(
      unfaithfulPaths.map((p) => p.replace(/\[[^\]]*\]/g, "[*]")),
      "signal",
    ),
    irrelevant: irrelevant.length,
    irrelevant_offers: irrelevant.filter(({ r }) => r.kind === "offer").length,
    irrelevant_without_matched_persona: irrelevant.filter((x) => !x.matched).length,
    irrelevant_by_item: ranked(
      irrelevant.map(({ r }) => r.content_id),
      "content_id",
    ),
    incomplete_traces: recs.filter(({ r }) => r.trace_problems.length > 0).length,
    trace_problems: tally(
      Object.keys(TRACE_PROBLEMS) as TraceProblem[],
      recs.flatMap(({ r }) => r.trace_problems),
    ),
  };
}

export function buildMetrics(assessments: readonly CustomerAssessment[], meta: EvalMeta, measured: Measurements, alerts?: AlertMetrics): EvalMetrics {
  const sorted = [...assessments].sort((a, b) => (a.user_id < b.user_id ? -1 : 1));
  const coverage = {} as EvalMetrics["coverage"];
  const recommendations = {} as EvalMetrics["recommendations"];
  const accuracy = {} as EvalMetrics["persona_accuracy"];
  const fair = {} as EvalMetrics["fairness"];
  for (const w of WINDOWS) {
    coverage[w] = coverageDetail(sorted, w);
    recommendations[w] = recommendationDetail(sorted, w);
    accuracy[w] = personaAccuracy(sorted, w);
    fair[w] = fairness(sorted, w);
  }
  const metrics: MetricEntry[] = [];
  const perWindow = (fn: (w: WindowId) => MetricEntry) => WINDOWS.forEach((w) => metrics.push(fn(w)));
  perWindow((w) => ratioEntry("coverage", w, coverage[w].covered, coverage[w].consenting));
  perWindow((w) => ratioEntry("explainability", w, recommendations[w].citing, recommendations[w].total));
  perWindow((w) => ratioEntry("faithfulness", w, recommendations[w].citing - recommendations[w].unfaithful, recommendations[w].citing));
  perWindow((w) => ratioEntry("relevance", w, recommendations[w].total - recommendations[w].irrelevant, recommendations[w].total));
  perWindow((w) => ratioEntry("persona_accuracy", w, accuracy[w].correct, accuracy[w].total));
  perWindow((w) => ratioEntry("auditability", w, recommendations[w].total - recommendations[w].incomplete_traces, recommendations[w].total));
  perWindow((w) => {
    const checked = sorted.filter((a) => a.windows[w].reproduced !== null);
    return ratioEntry("reproducibility", w, checked.filter((a) => a.windows[w].reproduced).length, checked.length);
  });
  perWindow((w) => entry("offer_access_parity", w, fair[w].worst.offer_access?.ratio ?? null));
  perWindow((w) => entry("persona_assigned_parity", w, fair[w].worst.persona_assigned?.ratio ?? null));

  const latency = summariseLatency(measured.latencies_ms);
  const evaluated = sorted.filter((a) => WINDOWS.some((w) => a.windows[w].predicted !== null)).length;
  return {
    schema: EVAL_SCHEMA,
    as_of: meta.as_of,
    engine_version: meta.engine_version,
    config_hash: meta.config_hash,
    customers: { selected: meta.selected, consenting: meta.consenting, evaluated, without_results: meta.consenting - evaluated, labelled: sorted.filter((a) => a.label !== null).length },
    targets: EVAL_TARGETS,
    metrics,
    coverage,
    recommendations,
    persona_accuracy: accuracy,
    fairness: fair,
    ...(alerts ? { alerts: alerts.kinds, alert_truth: { customers: alerts.customers, months: alerts.months, events: alerts.events, examples: alerts.examples } } : {}),
    measured: {
      generated_at: measured.generated_at,
      seconds: Math.round(measured.seconds * 100) / 100,
      latency_ms: latency,
      metrics: latency ? [entry("latency_p50_ms", "all", latency.p50), entry("latency_p95_ms", "all", latency.p95), entry("latency_p99_ms", "all", latency.p99)] : [],
    },
  };
}

/** Every headline metric, measured ones last. */
export function allMetrics(m: EvalMetrics): MetricEntry[] {
  return [...m.metrics, ...m.measured.metrics];
}
