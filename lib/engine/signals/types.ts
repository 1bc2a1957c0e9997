import type { ExcludedCurrency } from "../currency";
import type { WindowId } from "../types";

export type Cadence = "weekly" | "biweekly" | "monthly" | "quarterly" | "annual";

export interface RecurringStream {
  /** Grouping key: Plaid merchant_entity_id, else the normalised merchant name. */
  key: string;
  merchant: string;
  class: "subscription" | "bill";
  cadence: Cadence;
  count: number;
  /** The most recent price, in cents. */
  typical_amount_cents: number;
  /** typical amount expressed per month. */
  monthly_cents: number;
  first_date: string;
  last_date: string;
  next_expected_date: string;
  price_changes: Array<{ date: string; from_cents: number; to_cents: number }>;
  /** Expected charges that did not come (at most one is tolerated: a gap of two cadences). */
  missed_occurrences: number;
  account_id: string;
}

export interface SubscriptionSignals {
  streams: RecurringStream[];
  subscription_count: number;
  monthly_subscription_cents: number;
  /** Monthly subscription spend as a percentage of monthly spend, one decimal; null when monthly spend is unknown or zero. */
  subscription_share_pct: number | null;
  bill_count: number;
  monthly_bill_cents: number;
}

export interface SavingsAccountSignal {
  account_id: string;
  name: string;
  mask: string | null;
  subtype: string;
  /** null: the institution sent no balance (unknown, never zero). */
  balance_cents: number | null;
  net_inflow_cents: number;
}

export interface SavingsSignals {
  has_savings_account: boolean;
  accounts: SavingsAccountSignal[];
  /** Sum of the savings balances; null without a savings account or when any balance is unknown. */
  balance_cents: number | null;
  net_inflow_cents: number;
  /** null without enough covered history for a monthly figure (config.perMonth). */
  net_inflow_monthly_cents: number | null;
  /** Net inflow ÷ balance at the window's start, percent, one decimal; null when a balance is unknown, the start balance is not positive, or there is no history at all. */
  growth_rate_pct: number | null;
  /** Savings balance ÷ average monthly spend, one decimal; null when either is unknown or spend is zero. */
  emergency_fund_months: number | null;
}

export interface CardSignal {
  account_id: string;
  name: string;
  mask: string | null;
  /** null: the institution sent no balance (unknown, never zero). */
  balance_cents: number | null;
  limit_cents: number | null;
  /** balance ÷ limit, percent, whole number; null when the balance or the limit is unknown. */
  utilization_pct: number | null;
  minimum_payment_only: boolean;
  minimum_payment_cents: number | null;
  last_payment_cents: number | null;
  interest_cents: number;
  /** Statement cycles the interest figure spans (each interest charge is one cycle's; a statement's figure is one cycle). */
  interest_cycles: number;
  /** Interest per statement cycle: interest ÷ cycles (never a window scaled up or down). */
  interest_monthly_cents: number;
  is_overdue: boolean;
  purchase_apr_pct: number | null;
}

export interface CreditSignals {
  cards: CardSignal[];
  card_count: number;
  /** The highest known utilisation; null when no card has a known one. */
  max_utilization_pct: number | null;
  /** Cards whose utilisation is unknown (no balance or no limit): "every card under 30%" cannot be judged while any exist. */
  utilization_unknown_count: number;
  /** Account id of the card with the highest utilisation. */
  max_utilization_account_id: string | null;
  utilization_flags: { at_30: boolean; at_50: boolean; at_80: boolean };
  minimum_payment_only: boolean;
  interest_cents: number;
  interest_monthly_cents: number;
  overdue: boolean;
}

export type PayFrequency = "weekly" | "biweekly" | "semi_monthly" | "monthly" | "irregular" | "none";

/** One payer (Plaid merchant_entity_id, else the normalised payer name) over the lookback. */
export interface IncomeSource {
  key: string;
  name: string;
  /** Days this source paid on. */
  pay_events: number;
  total_cents: number;
  frequency: PayFrequency;
  median_pay_gap_days: number | null;
  /** The most recent deposit (a day's deposits from this source added together). */
  typical_amount_cents: number;
  /** Its pay rate (typical amount × payments a month) when it keeps a cadence and is not lapsed; else null (its total counts over the months covered). */
  monthly_rate_cents: number | null;
}

export interface IncomeSignals {
  payroll_deposits: number;
  other_income_deposits: number;
  /** Every income source, largest total first (then by key); the first is the main source. */
  sources: IncomeSource[];
  /** Days the main source paid on. */
  pay_events: number;
  /** The main source's pay frequency and median gap: several payers are never pooled into one cadence. */
  frequency: PayFrequency;
  median_pay_gap_days: number | null;
  /** Coefficient of variation of the main source's gaps between pay, two decimals (0 = perfectly regular). */
  pay_gap_variability: number | null;
  /** Coefficient of variation of income per 30-day bucket, two decimals; while the main source keeps its cadence, empty buckets at either end of the lookback (calendar, not missing pay) are left out. */
  income_variability: number | null;
  /** Income over the lookback the history covers. */
  total_income_cents: number;
  /**
   * Each source's pay rate where it keeps a cadence (IncomeSource.monthly_rate_cents), plus the
   * other sources' total over the months covered; null without enough covered history for a
   * monthly figure (config.perMonth).
   */
  monthly_income_cents: number | null;
  /** null without a checking account or when a checking balance is unknown. */
  checking_balance_cents: number | null;
  /** Checking balance ÷ average monthly spend, one decimal; null when either is unknown or spend is zero. */
  buffer_months: number | null;
}

export interface FeeCount {
  count: number;
  cents: number;
}

export interface FeeSignals {
  overdraft: FeeCount;
  insufficient_funds: FeeCount;
  late: FeeCount;
  atm: FeeCount;
  /** Overdraft + insufficient funds + late: the fees the Fee Fighter persona counts. */
  penalty: FeeCount;
  total: FeeCount;
}

export interface SpendSignals {
  /** Spend over the days of the window the history covers (WindowSignals.covered_days). */
  total_cents: number;
  /** null without enough covered history for a monthly figure (config.perMonth): read total_cents instead. */
  monthly_cents: number | null;
  transaction_count: number;
}

/** A signal that could not be computed, and why (the rest of the window is still computed). */
export interface Unavailable {
  signal: string;
  reason: string;
}

export interface Sufficiency {
  /** Enough covered history and activity to assign a persona and recommend. */
  sufficient: boolean;
  history_days: number;
  transactions_in_window: number;
  /** Why the window is insufficient (empty when sufficient). */
  reasons: string[];
  /** Signals left unknown, each with its reason. */
  unavailable: Unavailable[];
}

export interface WindowSignals {
  window: WindowId;
  as_of: string;
  start: string;
  lookback_start: string;
  /** Every money signal is in this currency (absent in snapshots stored before it was kept: USD). */
  currency?: string;
  /** Money in other currencies, left out of every sum; absent or empty when there was none. */
  excluded_currencies?: ExcludedCurrency[];
  /** Days of the window the customer's history covers (≤ the window's length). */
  covered_days: number;
  /** Days of the lookback the customer's history covers. */
  lookback_covered_days: number;
  sufficiency: Sufficiency;
  spend: SpendSignals;
  subscriptions: SubscriptionSignals;
  savings: SavingsSignals;
  credit: CreditSignals;
  income: IncomeSignals;
  fees: FeeSignals;
}
