// Budget status and suggestions (issue 15): pure functions of the prepared input at an explicit
// asOf. A budget covers the calendar month containing asOf and renews on the 1st. Spend in a
// category = settled outflows on personal accounts in the main currency whose PFC primary is the
// category (isSpend: transfers and card payments never count), refunds in the category netting
// off. A month the customer's continuous history does not cover is unknown, never $0.
import { dayFromParts, daysInMonth, isoFromDay, partsFromDay, type Day } from "../../data/dates";
import { categoryLabel } from "../../labels";
import type { EngineConfig } from "../config";
import { exactMoney } from "../recommend/format";
import { isSpend, median, round1, type Prepared, type PreparedTx } from "../signals/prepare";
import type { BudgetInput, BudgetMonth, BudgetStatus, BudgetSuggestion } from "./types";

export type { BudgetInput, BudgetMonth, BudgetStatus, BudgetSuggestion } from "./types";

interface Month {
  period: string;
  start: Day;
  end: Day;
  days: number;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The calendar month `offset` months from the one containing `day` (0 = that month, -1 = the one before). */
export function monthOf(day: Day, offset = 0): Month {
  const { y, m } = partsFromDay(day);
  const idx = y * 12 + (m - 1) + offset;
  const yy = Math.floor(idx / 12);
  const mm = idx - yy * 12 + 1;
  const days = daysInMonth(yy, mm);
  const start = dayFromParts(yy, mm, 1);
  return { period: `${yy}-${String(mm).padStart(2, "0")}`, start, end: start + days - 1, days };
}

/**
 * What a transaction adds to its category's budget spend: the amount of an outflow that is
 * spending, the (negative) amount of a refund that would have been spending had it gone out, else 0.
 */
export function budgetAmount(t: PreparedTx, p: Prepared): number {
  const account = p.accounts.get(t.account_id);
  if (t.amount_cents > 0) return isSpend(t, account) ? t.amount_cents : 0;
  if (t.amount_cents < 0) return isSpend({ ...t, amount_cents: -t.amount_cents }, account) ? t.amount_cents : 0;
  return 0;
}

/** Net spend per category from `from` to `to` (inclusive). */
function spendByCategory(p: Prepared, from: Day, to: Day): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of p.txs) {
    if (t.day < from) continue;
    if (t.day > to) break; // txs are oldest first
    const amount = budgetAmount(t, p);
    if (amount !== 0) out.set(t.pfc_primary, (out.get(t.pfc_primary) ?? 0) + amount);
  }
  return out;
}

/** Whether the continuous history covers the whole month (a month it starts inside is partly unknown). */
const covered = (p: Prepared, month: Month) => p.firstDay !== null && p.firstDay <= month.start;

/** The full months before asOf's month that the history covers, oldest first, with the notes on those it does not. */
function historyMonths(p: Prepared, count: number): { months: Month[]; missing: Month[] } {
  const months: Month[] = [];
  const missing: Month[] = [];
  for (let k = count; k >= 1; k--) {
    const m = monthOf(p.asOf, -k);
    (covered(p, m) ? months : missing).push(m);
  }
  return { months, missing };
}

function historyNote(p: Prepared, count: number, missing: Month[]): string | null {
  if (!missing.length) return null;
  const since = p.firstDay === null ? "there are no settled transactions on record" : `the customer's history starts ${isoFromDay(p.firstDay)}`;
  return `History covers ${count - missing.length} of ${count} earlier months: ${missing.map((m) => m.period).join(", ")} left out (${since}), unknown rather than $0.`;
}

export function budgetStatuses(p: Prepared, budgets: readonly BudgetInput[], config: EngineConfig): BudgetStatus[] {
  const usable = budgets.filter((b) => b.currency === p.currency);
  if (!usable.length) return [];
  const { historyMonths: count, minDaysForProjection } = config.budgets;
  const period = monthOf(p.asOf);
  const current = spendByCategory(p, period.start, p.asOf);
  const { months, missing } = historyMonths(p, count);
  const history = months.map((m) => ({ month: m, spend: spendByCategory(p, m.start, m.end) }));
  const daysElapsed = p.asOf - period.start + 1;
  // Spend before the history starts is unknown: the pace is taken over the days that are known.
  const knownFrom = p.firstDay === null ? null : Math.max(period.start, p.firstDay);
  const knownDays = knownFrom === null ? 0 : p.asOf - knownFrom + 1;

  return [...usable]
    .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : a.budget_id < b.budget_id ? -1 : 1))
    .map((b) => {
      const notes: string[] = [];
      const spent = current.get(b.category) ?? 0;
      if (knownFrom === null) notes.push("No settled transactions on record: spending this month is not known yet.");
      else if (knownFrom > period.start) notes.push(`The customer's history starts ${isoFromDay(knownFrom)}: spending from ${isoFromDay(period.start)} before that is not known.`);
      if (spent < 0) notes.push("Refunds this month exceed purchases in this category.");
      let projected: number | null = null;
      if (knownDays < minDaysForProjection) {
        notes.push(`No month-end projection: it needs ${minDaysForProjection} days of the month, ${knownDays} so far.`);
      } else {
        projected = Math.round((spent / knownDays) * period.days);
      }
      const amount = b.amount_cents;
      const status: BudgetStatus["status"] = spent > amount ? "over" : projected !== null && projected > amount ? "at_risk" : "on_track";
      const note = historyNote(p, count, missing);
      if (note) notes.push(note);
      return {
        budget_id: b.budget_id,
        category: b.category,
        currency: b.currency,
        period: period.period,
        period_start: isoFromDay(period.start),
        period_end: isoFromDay(period.end),
        amount_cents: amount,
        spent_cents: spent,
        remaining_cents: amount - spent,
        percent_used: amount === 0 ? null : round1((spent / amount) * 100),
        projected_cents: projected,
        days_elapsed: daysElapsed,
        days_in_period: period.days,
        status,
        history: history.map((h) => ({ period: h.month.period, spent_cents: h.spend.get(b.category) ?? 0 })),
        notes,
      };
    });
}

/** Budgets the engine cannot give a status for, with the reason (a currency other than the customer's main one). */
export function unavailableBudgets(p: Prepared, budgets: readonly BudgetInput[]): { budget_id: string; reason: string }[] {
  return budgets
    .filter((b) => b.currency !== p.currency)
    .map((b) => ({ budget_id: b.budget_id, reason: `The budget is in ${b.currency} but the customer's transactions are in ${p.currency}: spending is not known in ${b.currency}.` }));
}

export interface BudgetSuggestionsResult {
  suggestions: BudgetSuggestion[];
  /** Why a category or the whole customer got no suggestion. */
  notes: string[];
}

const monthName = (period: string) => MONTH_NAMES[Number(period.slice(5, 7)) - 1];

function listMonths(months: BudgetMonth[], currency: string): string {
  const parts = months.map((m) => `${exactMoney(m.spent_cents, currency)} in ${monthName(m.period)} ${m.period.slice(0, 4)}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts.join("");
}

/** Suggestions with the reasons for the ones not made. */
export function budgetSuggestions(p: Prepared, config: EngineConfig): BudgetSuggestionsResult {
  const { months: count, bufferPercent } = config.budgets.suggestion;
  const { months, missing } = historyMonths(p, count);
  if (missing.length) {
    return { suggestions: [], notes: [`No suggestions: they need ${count} full months of history. ${historyNote(p, count, missing)}`] };
  }
  const spends = months.map((m) => spendByCategory(p, m.start, m.end));
  const categories = [...new Set(spends.flatMap((s) => [...s.keys()]))].sort();
  const suggestions: BudgetSuggestion[] = [];
  const notes: string[] = [];
  for (const category of categories) {
    const ms: BudgetMonth[] = months.map((m, i) => ({ period: m.period, spent_cents: spends[i].get(category) ?? 0 }));
    const mid = median(ms.map((m) => m.spent_cents)) as number;
    const label = categoryLabel(category);
    if (mid <= 0) {
      const active = ms.filter((m) => m.spent_cents > 0).length;
      notes.push(`${label}: spending in ${active} of ${count} months gives a median of ${exactMoney(Math.max(0, mid), p.currency)}; no suggestion.`);
      continue;
    }
    // Integer arithmetic: median × (100 + buffer) is whole cents × 100; round up to a whole unit (100 cents).
    const amount = Math.ceil((mid * (100 + bufferPercent)) / 10000) * 100;
    const medianCents = Math.round(mid);
    suggestions.push({
      category,
      currency: p.currency,
      amount_cents: amount,
      months: ms,
      median_cents: medianCents,
      buffer_percent: bufferPercent,
      explanation:
        `${label} spending was ${listMonths(ms, p.currency)}: a median of ${exactMoney(medianCents, p.currency)} a month. ` +
        `With a ${bufferPercent}% buffer, rounded up to a whole ${p.currency === "USD" ? "dollar" : "unit"}: ${exactMoney(amount, p.currency)} a month.`,
    });
  }
  return { suggestions, notes };
}

export function suggestBudgets(p: Prepared, config: EngineConfig): BudgetSuggestion[] {
  return budgetSuggestions(p, config).suggestions;
}
