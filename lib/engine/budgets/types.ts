// Budgets (issue 15): a monthly amount per Plaid personal-finance-category primary, set by staff
// or the API, or suggested from the customer's own history. Status is computed by the pure engine
// at an explicit asOf for the calendar month that contains it.

/** A budget as stored: what the engine is given (RunContext.budgets). */
export interface BudgetInput {
  budget_id: string;
  /** Plaid PFC primary, e.g. FOOD_AND_DRINK. */
  category: string;
  /** The monthly amount, integer cents. */
  amount_cents: number;
  currency: string;
}

export interface BudgetMonth {
  /** YYYY-MM */
  period: string;
  spent_cents: number;
}

export interface BudgetStatus {
  budget_id: string;
  category: string;
  currency: string;
  /** The calendar month containing asOf, YYYY-MM (budgets renew each month). */
  period: string;
  period_start: string;
  period_end: string;
  amount_cents: number;
  /** Settled outflows in the category from period_start to asOf (refunds net off). */
  spent_cents: number;
  /** amount − spent; negative when over. */
  remaining_cents: number;
  /** spent / amount × 100, one decimal; null when the amount is 0. */
  percent_used: number | null;
  /** Month-end spend at the pace so far (spent / days elapsed × days in month); null before enough days (config). */
  projected_cents: number | null;
  days_elapsed: number;
  days_in_period: number;
  status: "on_track" | "at_risk" | "over";
  /** Earlier full months, oldest first (up to config.budgets.historyMonths), for month-on-month. */
  history: BudgetMonth[];
  /** Why the figures are what they are (e.g. "history covers 2 of 3 months"). */
  notes: string[];
}

export interface BudgetSuggestion {
  category: string;
  currency: string;
  /** median of the last full months' spend plus the buffer, rounded up to a whole dollar (in cents). */
  amount_cents: number;
  months: BudgetMonth[];
  median_cents: number;
  buffer_percent: number;
  /** Plain words: "Your median Groceries spend over Aug–Oct was $412.30; with a 10% buffer: $454.00". */
  explanation: string;
}
