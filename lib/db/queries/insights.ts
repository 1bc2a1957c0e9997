// Aggregates for analysts (SPEC §4): counts and distributions only, never a name or a single
// customer. Everything reads the current results (./current-results) at the newest current run's asOf.
import type { Db } from "../client";
import { ELIGIBLE_RESULT, ELIGIBLE_RUN_IDS } from "./current-results";

export interface Bucket {
  label: string;
  count: number;
}

export interface Insights {
  as_of: string | null;
  personaMix: Array<{ window: string; persona: string; count: number }>;
  transitions: Array<{ from: string; to: string; kind: string; count: number }>;
  utilization: Bucket[];
  subscriptionSpend: Bucket[];
  bufferMonths: Bucket[];
}

/** Counts of a numeric signal (30d window) in [edge, next edge) buckets; null values are their own bucket. */
async function distribution(db: Db, asOf: string, path: string, edges: number[], label: (lo: number, hi: number | null) => string): Promise<Bucket[]> {
  const cases = edges.map((lo, i) => {
    const hi = edges[i + 1];
    return `WHEN v >= ${lo}${hi === undefined ? "" : ` AND v < ${hi}`} THEN ${i}`;
  });
  const rows = await db.$queryRawUnsafe<Array<{ b: number | bigint | null; n: number | bigint }>>(
    `SELECT CASE ${cases.join(" ")} END AS b, COUNT(*) AS n
     FROM (SELECT json_extract(payload, ?) AS v FROM signal_snapshots WHERE "window" = '30d' AND as_of = ? AND sufficient = 1 AND run_id IN ${ELIGIBLE_RUN_IDS})
     WHERE v IS NOT NULL GROUP BY b`,
    path,
    asOf,
  );
  const counts = new Map(rows.map((r) => [Number(r.b), Number(r.n)]));
  return edges.map((lo, i) => ({ label: label(lo, edges[i + 1] ?? null), count: counts.get(i) ?? 0 }));
}

export async function getInsights(db: Db): Promise<Insights> {
  const run = await db.engineRun.findFirst({ where: ELIGIBLE_RESULT.run, orderBy: { id: "desc" }, select: { as_of: true } });
  if (!run) return { as_of: null, personaMix: [], transitions: [], utilization: [], subscriptionSpend: [], bufferMonths: [] };
  const asOf = run.as_of;
  const [mix, transitions, utilization, subscriptionSpend, bufferMonths] = await Promise.all([
    db.personaAssignment.groupBy({ by: ["window", "primary_persona"], where: { as_of: asOf, ...ELIGIBLE_RESULT }, _count: { _all: true }, orderBy: [{ window: "asc" }, { primary_persona: "asc" }] }),
    db.personaAssignment.groupBy({
      by: ["transition_from", "primary_persona", "transition_kind"],
      where: { as_of: asOf, ...ELIGIBLE_RESULT, window: "30d", transition_kind: { in: ["positive", "negative"] } },
      _count: { _all: true },
      orderBy: [{ transition_from: "asc" }, { primary_persona: "asc" }],
    }),
    distribution(db, asOf, "$.credit.max_utilization_pct", [0, 10, 30, 50, 80, 100], (lo, hi) => (hi === null ? `${lo}%+` : `${lo}–${hi}%`)),
    distribution(db, asOf, "$.subscriptions.monthly_subscription_cents", [0, 1, 2500, 5000, 10000, 20000], (lo, hi) => (lo === 0 ? "none" : hi === null ? `$${lo / 100}+` : `$${lo / 100}–${hi / 100}`)),
    distribution(db, asOf, "$.income.buffer_months", [0, 0.5, 1, 2, 3, 6], (lo, hi) => (hi === null ? `${lo}+ mo` : `${lo}–${hi} mo`)),
  ]);
  return {
    as_of: asOf,
    personaMix: mix.map((m) => ({ window: m.window, persona: m.primary_persona ?? "none", count: m._count._all })),
    transitions: transitions.map((t) => ({ from: t.transition_from ?? "none", to: t.primary_persona ?? "none", kind: t.transition_kind, count: t._count._all })),
    utilization,
    subscriptionSpend,
    bufferMonths,
  };
}
