// What "good" means for each evaluation metric (SPEC §7), in one place. Targets were set from
// what the product promises, not from what the engine happens to reach: a metric below its
// target is reported and explained, never adjusted away.

/** Bumped when the metrics document changes shape (the insights page and downloads read it back). */
export const EVAL_SCHEMA = "spendsense.eval/1";

export const EVAL_TARGETS = {
  /** Consenting customers with a matched persona and ≥ 3 detected behaviours. */
  coverage: 0.8,
  /** Recommendations whose rationale cites at least one data point. */
  explainability: 1,
  /** Citing recommendations whose every cited number equals the stored signal. */
  faithfulness: 1,
  /** Recommendations whose item is tagged for the customer's primary or a secondary persona. */
  relevance: 0.9,
  /** Generator label = engine's persona (primary, "none" for no match, or insufficient data). */
  persona_accuracy: 0.8,
  /** Recommendations with a complete decision trace. */
  auditability: 1,
  /** Customers whose stored personas equal a fresh computation over the same data. */
  reproducibility: 1,
  /** Worst parity ratio (group rate ÷ best group's rate) among groups of at least MIN_GROUP_SIZE. */
  offer_access_parity: 0.8,
  persona_assigned_parity: 0.8,
  /** Pure engine time per customer, both windows, in milliseconds (at most). */
  latency_p50_ms: 25,
  latency_p95_ms: 100,
  latency_p99_ms: 250,
} as const;

export type TargetId = keyof typeof EVAL_TARGETS;

/** The four-fifths rule: a group's rate under 0.8 × the best group's rate is flagged. */
export const PARITY_THRESHOLD = 0.8;

/** Groups smaller than this are reported and flagged like any other, but noted as too small to trust. */
export const MIN_GROUP_SIZE = 30;

/** Behaviours a customer needs (besides a matched persona) to count as covered. */
export const MIN_BEHAVIOURS = 3;

/** Demographic columns on `customers` that fairness is measured across. */
export const FAIRNESS_DIMENSIONS = ["age_band", "gender", "region", "income_tier"] as const;
export type Dimension = (typeof FAIRNESS_DIMENSIONS)[number];

/** Upper edges (ms) of the latency histogram's buckets; the last bucket is open-ended. */
export const LATENCY_BUCKETS_MS = [2, 5, 10, 20, 50, 100, 250];
