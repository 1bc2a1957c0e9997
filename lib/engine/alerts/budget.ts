// Budget alerts: the month's budget 80% used (budget_80) or used up (budget_100), from the
// statuses budgets/index.ts computed at asOf. One alert per budget and month: the highest level reached.
import type { BudgetStatus } from "../budgets/types";
import type { AlertContext, Emit } from "./context";
import { buildAlert, categoryLabel, cents, pick } from "./message";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function budgetAlerts(ctx: AlertContext, budgets: readonly BudgetStatus[], emit: Emit): void {
  const a = ctx.config.alerts;
  for (const b of budgets) {
    if (b.percent_used === null || b.percent_used < a.budgetWarnPct) continue;
    const over = b.percent_used >= a.budgetOverPct;
    const kind = over ? "budget_100" : "budget_80";
    const c = b.currency;
    const month = MONTHS[Number(b.period.slice(5, 7)) - 1];
    const left = b.remaining_cents >= 0 ? `${cents(b.remaining_cents, c)} left` : `${cents(-b.remaining_cents, c)} over`;
    emit(
      buildAlert({
        kind,
        key: `${kind}:${b.budget_id}:${b.period}`,
        severity: over ? "warning" : "info",
        event_date: `${b.period_start.slice(0, 8)}${String(Math.min(b.days_elapsed, b.days_in_period)).padStart(2, "0")}`,
        title: over ? "Budget used up" : "Budget 80% used",
        message: `You have used ${b.percent_used}% of your ${categoryLabel(b.category)} budget for ${month}: ${cents(b.spent_cents, c)} of ${cents(b.amount_cents, c)}, ${left}.`,
        cite: [
          ["percent_used", `${b.percent_used}%`],
          ["spent_cents", cents(b.spent_cents, c)],
          ["amount_cents", cents(b.amount_cents, c)],
          ["remaining_cents", b.remaining_cents >= 0 ? cents(b.remaining_cents, c) : cents(-b.remaining_cents, c)],
        ],
        inputs: { budget_id: b.budget_id, category: b.category, period: b.period, amount_cents: b.amount_cents, spent_cents: b.spent_cents, remaining_cents: b.remaining_cents, percent_used: b.percent_used, projected_cents: b.projected_cents },
        thresholds: pick(a, ["budgetWarnPct", "budgetOverPct"]),
        rule: over ? `Spending in the category this month reached ${a.budgetOverPct}% of the budget` : `Spending in the category this month reached ${a.budgetWarnPct}% of the budget`,
        currency: c,
      }),
    );
  }
}
