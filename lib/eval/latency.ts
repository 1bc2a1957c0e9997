// Latency summary of per-customer engine times the caller measured (pure engine, both windows).
import { round } from "./numbers";
import { LATENCY_BUCKETS_MS } from "./targets";

export interface LatencySummary {
  customers: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  histogram: Array<{ bucket: string; customers: number }>;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p of them at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function summariseLatency(ms: readonly number[]): LatencySummary | null {
  if (!ms.length) return null;
  const sorted = [...ms].sort((a, b) => a - b);
  const edges = LATENCY_BUCKETS_MS;
  const histogram = [...edges, Infinity].map((hi, i) => ({
    bucket: hi === Infinity ? `≥ ${edges[edges.length - 1]} ms` : `${i === 0 ? 0 : edges[i - 1]}–${hi} ms`,
    customers: sorted.filter((x) => x >= (i === 0 ? 0 : edges[i - 1]) && x < hi).length,
  }));
  return {
    customers: sorted.length,
    p50: round(percentile(sorted, 0.5), 2),
    p95: round(percentile(sorted, 0.95), 2),
    p99: round(percentile(sorted, 0.99), 2),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length, 2),
    max: round(sorted[sorted.length - 1], 2),
    histogram,
  };
}
