// Budget adherence for analysts (issue 15): how many budgets are on track, at risk or over, per
// currency and category, over every customer's CURRENT run (./current-results). Counts only, never
// a customer. A customer who revoked consent has no stored statuses (revocation deletes them).
import type { BudgetStatus } from "../../engine/budgets/types";
import type { Sql } from "../sql";
import { CURRENT_CUSTOMER_RUNS } from "./current-results";

export type AdherenceStatus = BudgetStatus["status"];
export const ADHERENCE_STATUSES: readonly AdherenceStatus[] = ["on_track", "at_risk", "over"];

export type StatusCounts = Record<AdherenceStatus, number>;

export interface CategoryAdherence {
  category: string;
  total: number;
  counts: StatusCounts;
}

export interface CurrencyAdherence {
  currency: string;
  total: number;
  counts: StatusCounts;
  /** Most budgets first, then by category code. */
  categories: CategoryAdherence[];
}

export interface BudgetAdherence {
  /** Live (not deleted) budgets of consenting customers, whether or not a run computed them yet. */
  budgetsSet: number;
  /** Customers whose current run computed at least one budget. */
  customers: number;
  /** The as-of dates of those runs (oldest, newest), or null when none. */
  asOf: { from: string; to: string } | null;
  currencies: CurrencyAdherence[];
}

const zero = (): StatusCounts => ({ on_track: 0, at_risk: 0, over: 0 });

export async function budgetAdherenceRows(sql: Pick<Sql, "execute">): Promise<BudgetAdherence> {
  const [set, scope, rows] = await Promise.all([
    sql.execute(`SELECT COUNT(*) AS n FROM budgets b JOIN customers c ON c.user_id = b.user_id WHERE b.deleted_at IS NULL AND c.consent = TRUE`),
    sql.execute(`SELECT COUNT(DISTINCT bs.user_id) AS n, MIN(bs.as_of) AS lo, MAX(bs.as_of) AS hi FROM budget_statuses bs
                 JOIN ${CURRENT_CUSTOMER_RUNS} cr ON cr.user_id = bs.user_id AND cr.run_id = bs.run_id`),
    sql.execute(`SELECT bs.currency, bs.category, bs.status, COUNT(*) AS n FROM budget_statuses bs
                 JOIN ${CURRENT_CUSTOMER_RUNS} cr ON cr.user_id = bs.user_id AND cr.run_id = bs.run_id
                 GROUP BY bs.currency, bs.category, bs.status ORDER BY bs.currency, bs.category, bs.status`),
  ]);
  const byCurrency = new Map<string, { total: number; counts: StatusCounts; categories: Map<string, CategoryAdherence> }>();
  for (const r of rows.rows) {
    const currency = String(r.currency);
    const category = String(r.category);
    const status = String(r.status) as AdherenceStatus;
    if (!ADHERENCE_STATUSES.includes(status)) throw new Error(`budget_statuses holds an unknown status "${status}"`);
    const n = Number(r.n);
    const cur = byCurrency.get(currency) ?? { total: 0, counts: zero(), categories: new Map() };
    byCurrency.set(currency, cur);
    const cat = cur.categories.get(category) ?? { category, total: 0, counts: zero() };
    cur.categories.set(category, cat);
    cur.total += n;
    cur.counts[status] += n;
    cat.total += n;
    cat.counts[status] += n;
  }
  const s = scope.rows[0];
  return {
    budgetsSet: Number(set.rows[0].n),
    customers: Number(s?.n ?? 0),
    asOf: s && s.lo !== null && s.hi !== null ? { from: String(s.lo), to: String(s.hi) } : null,
    currencies: [...byCurrency.entries()].map(([currency, c]) => ({
      currency,
      total: c.total,
      counts: c.counts,
      categories: [...c.categories.values()].sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : 1)),
    })),
  };
}
