// The analyst page's "Budgets" section (issue 15): how many budgets are on track, at risk or over
// across every customer's current run, per currency and category. Counts and shares only.
import { ADHERENCE_STATUSES, type BudgetAdherence, type StatusCounts } from "@/lib/services/budgets";
import { budgetStatusLabel, categoryLabel, plural } from "@/lib/labels";

export interface AdherenceCell {
  status: string;
  label: string;
  count: number;
  /** Whole percent of the row's budgets, e.g. "40%". */
  share: string;
}

export interface AdherenceRow {
  label: string;
  total: number;
  cells: AdherenceCell[];
}

export function shareOf(count: number, total: number): string {
  return total ? `${Math.round((count * 100) / total)}%` : "—";
}

function cells(counts: StatusCounts, total: number): AdherenceCell[] {
  return ADHERENCE_STATUSES.map((s) => ({ status: s, label: budgetStatusLabel(s), count: counts[s], share: shareOf(counts[s], total) }));
}

/** The rows the section shows per currency: all categories first, then each category (most budgets first). */
export function adherenceRows(a: BudgetAdherence): Array<{ currency: string; total: AdherenceRow; categories: AdherenceRow[] }> {
  return a.currencies.map((c) => ({
    currency: c.currency,
    total: { label: "All categories", total: c.total, cells: cells(c.counts, c.total) },
    categories: c.categories.map((k) => ({ label: categoryLabel(k.category), total: k.total, cells: cells(k.counts, k.total) })),
  }));
}

/** The empty state in words, or null when there is something to show. */
export function adherenceEmpty(a: BudgetAdherence): string | null {
  if (a.currencies.length) return null;
  return a.budgetsSet === 0 ? "No budgets have been set." : "No run has computed budgets yet: they appear after the next engine run.";
}

export function BudgetAdherenceSection({ adherence }: { adherence: BudgetAdherence }) {
  const empty = adherenceEmpty(adherence);
  return (
    <section aria-labelledby="budgets" className="min-w-0 space-y-2">
      <h2 id="budgets" className="text-lg font-semibold">Budgets</h2>
      {empty ? (
        <p className="text-sm text-slate-600" data-testid="budgets-empty">{empty}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="budgets-scope">
            This month&apos;s status of every budget in the customers&apos; current runs: {plural(adherence.customers, "customer")}
            {adherence.asOf ? `, as of ${adherence.asOf.from === adherence.asOf.to ? adherence.asOf.from : `${adherence.asOf.from} to ${adherence.asOf.to}`}` : ""}. Counts only.
          </p>
          {adherenceRows(adherence).map((c) => (
            <div key={c.currency} className="min-w-0 space-y-2" data-testid={`budgets-${c.currency}`}>
              <p className="text-sm" data-testid="budgets-summary">
                {plural(c.total.total, "budget")} in {c.currency}: {c.total.cells.map((x) => `${x.count} ${x.label.toLowerCase()} (${x.share})`).join(", ")}.
              </p>
              <table className="w-full table-fixed text-sm" data-testid="budgets-table">
                <caption className="sr-only">Budgets in {c.currency} by category and status: count and share of the category&apos;s budgets</caption>
                <thead>
                  <tr className="border-b text-left">
                    <th scope="col" className="w-2/5 py-1 pr-2 font-medium">Category</th>
                    {c.total.cells.map((x) => (
                      <th key={x.status} scope="col" className="py-1 pr-2 text-right font-medium">{x.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[c.total, ...c.categories].map((r, i) => (
                    <tr key={r.label} className={`border-b border-slate-100 ${i === 0 ? "font-medium" : ""}`}>
                      <th scope="row" className={`break-words py-1 pr-2 text-left ${i === 0 ? "font-medium" : "font-normal"}`}>
                        {r.label} <span className="text-slate-500">({r.total})</span>
                      </th>
                      {r.cells.map((x) => (
                        <td key={x.status} className="py-1 pr-2 text-right tabular-nums">
                          {x.count} <span className="block text-xs text-slate-500 sm:inline">{x.share}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
