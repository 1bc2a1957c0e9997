// Aggregates for analysts (SPEC §4): counts and distributions only, never a name or a single
// customer. Everything reads the current results (./current-results) at the newest current run's asOf.
import type { Db } from "../client";
import { jsonNumber, prismaRawSql } from "../dialect";
import { ELIGIBLE_RESULT, standingPerAsOf, standingSql } from "./current-results";
import { DEFAULT_CONFIG } from "../../engine/config";
import { detectTransition } from "../../engine/personas/transitions";
import type { PersonaId } from "../../engine/types";

export interface Bucket {
  label: string;
  count: number;
}

export interface Insights {
  as_of: string | null;
  personaMix: Array<{ window: string; persona: string; count: number }>;
  /** Changes of primary persona (30d window) between consecutive assignments, over every run up to this one. */
  transitions: Transitions;
  utilization: Bucket[];
  subscriptionSpend: Bucket[];
  bufferMonths: Bucket[];
}

export interface Transitions {
  rows: Array<{ from: string; to: string; kind: "positive" | "negative" | "newly_matched" | "no_longer_matched"; count: number }>;
  /** The assignment dates the histories cover, oldest first. */
  dates: string[];
  /** Customers with at least two assignments (the only ones who can have changed). */
  customersWithHistory: number;
}

/**
 * Transitions computed from the customers' persona histories: every change of primary persona
 * between one assignment date and the next, with its direction (towards a healthier persona is
 * positive, by the engine's priority order).
 */
export function transitionsFromHistory(history: ReadonlyArray<{ user_id: string; as_of: string; primary: string | null }>): Transitions {
  const byCustomer = new Map<string, Array<{ as_of: string; primary: string | null }>>();
  for (const h of history) {
    const list = byCustomer.get(h.user_id);
    if (list) list.push(h);
    else byCustomer.set(h.user_id, [h]);
  }
  const counts = new Map<string, Transitions["rows"][number]>();
  let customersWithHistory = 0;
  for (const list of byCustomer.values()) {
    list.sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : 0));
    if (list.length > 1) customersWithHistory++;
    for (let i = 1; i < list.length; i++) {
      const from = list[i - 1]!.primary;
      const to = list[i]!.primary;
      if (from === to) continue;
      const kind = from === null ? "newly_matched" : to === null ? "no_longer_matched" : (detectTransition(from as PersonaId, to as PersonaId, DEFAULT_CONFIG).kind as "positive" | "negative");
      const key = `${from ?? "none"}>${to ?? "none"}`;
      const row = counts.get(key) ?? { from: from ?? "none", to: to ?? "none", kind, count: 0 };
      row.count++;
      counts.set(key, row);
    }
  }
  const rows = [...counts.values()].sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1));
  return { rows, dates: [...new Set(history.map((h) => h.as_of))].sort(), customersWithHistory };
}

/**
 * Customers per window and primary persona at an as-of (null for no persona), each counted once:
 * the run standing for that as-of (a re-run at the same as-of keeps the earlier run's rows).
 */
export async function personaMix(db: Db, asOf: string, window?: string): Promise<Array<{ window: string; persona: string | null; count: number }>> {
  const rows = await db.$queryRawUnsafe<Array<{ window: string; persona: string | null; n: number | bigint }>>(
    prismaRawSql(db, `SELECT pa."window" AS window, pa.primary_persona AS persona, COUNT(*) AS n FROM persona_assignments pa
     WHERE pa.as_of = ? ${window ? `AND pa."window" = ?` : ""} AND ${standingSql("pa")}
     GROUP BY pa."window", pa.primary_persona ORDER BY pa."window", pa.primary_persona`),
    asOf,
    ...(window ? [window] : []),
  );
  return rows.map((r) => ({ window: String(r.window), persona: r.persona, count: Number(r.n) }));
}

/** Counts of a numeric signal (30d window) in [edge, next edge) buckets; null values are their own bucket. */
async function distribution(db: Db, asOf: string, path: string, edges: number[], label: (lo: number, hi: number | null) => string): Promise<Bucket[]> {
  const cases = edges.map((lo, i) => {
    const hi = edges[i + 1];
    return `WHEN v >= ${lo}${hi === undefined ? "" : ` AND v < ${hi}`} THEN ${i}`;
  });
  const rows = await db.$queryRawUnsafe<Array<{ b: number | bigint | null; n: number | bigint }>>(
    prismaRawSql(
      db,
      `SELECT CASE ${cases.join(" ")} END AS b, COUNT(*) AS n
       FROM (SELECT ${jsonNumber(db, "payload", path)} AS v FROM signal_snapshots s WHERE "window" = '30d' AND as_of = ? AND sufficient = TRUE AND ${standingSql("s")}) AS signal
       WHERE v IS NOT NULL GROUP BY b`,
    ),
    asOf,
  );
  const counts = new Map(rows.map((r) => [Number(r.b), Number(r.n)]));
  return edges.map((lo, i) => ({ label: label(lo, edges[i + 1] ?? null), count: counts.get(i) ?? 0 }));
}

export async function getInsights(db: Db): Promise<Insights> {
  const run = await db.engineRun.findFirst({ where: ELIGIBLE_RESULT.run, orderBy: { id: "desc" }, select: { as_of: true } });
  if (!run) return { as_of: null, personaMix: [], transitions: transitionsFromHistory([]), utilization: [], subscriptionSpend: [], bufferMonths: [] };
  const asOf = run.as_of;
  const [mix, transitions, utilization, subscriptionSpend, bufferMonths] = await Promise.all([
    personaMix(db, asOf),
    db.personaAssignment.findMany({ where: { window: "30d", as_of: { lte: asOf }, ...ELIGIBLE_RESULT }, select: { user_id: true, as_of: true, run_id: true, primary_persona: true } }).then(standingPerAsOf),
    distribution(db, asOf, "$.credit.max_utilization_pct", [0, 10, 30, 50, 80, 100], (lo, hi) => (hi === null ? `${lo}%+` : `${lo}–${hi}%`)),
    distribution(db, asOf, "$.subscriptions.monthly_subscription_cents", [0, 1, 2500, 5000, 10000, 20000], (lo, hi) => (lo === 0 ? "none" : hi === null ? `$${lo / 100}+` : `$${lo / 100}–${hi / 100}`)),
    distribution(db, asOf, "$.income.buffer_months", [0, 0.5, 1, 2, 3, 6], (lo, hi) => (hi === null ? `${lo}+ mo` : `${lo}–${hi} mo`)),
  ]);
  return {
    as_of: asOf,
    personaMix: mix.map((m) => ({ ...m, persona: m.persona ?? "none" })),
    transitions: transitionsFromHistory(transitions.map((t) => ({ user_id: t.user_id, as_of: t.as_of, primary: t.primary_persona }))),
    utilization,
    subscriptionSpend,
    bufferMonths,
  };
}
