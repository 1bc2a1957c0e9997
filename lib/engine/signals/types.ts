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
  account_id: string;
}

export interface SubscriptionSignals {
  streams: RecurringStream[];
  subscription_count: number;
  monthly_subscription_cents: number;
  /** Monthly subscription spend as a percentage of monthly spend, one decimal. */
  subscription_share_pct: number | null;
  bill_count: number;
  monthly_bill_cents: number;
}

export interface SavingsAccountSignal {
  account_id: string;
  name: string;
  mask: string | null;
  subtype: string;
  balance_cents: number;
  net_inflow_cents: number;
}

export interface SavingsSignals {
  has_savings_account: boolean;
  accounts: SavingsAccountSignal[];
  balance_cents: number;
  net_inflow_cents: number;
  net_inflow_monthly_cents: number;
  /** Net inflow ÷ balance at the window's start, percent, one decimal; null when the start balance is not positive. */
  growth_rate_pct: number | null;
  /** Savings balance ÷ average monthly spend, one decimal; null without spend. */
  emergency_fund_months: number | null;
}

export interface CardSignal {
  account_id: string;
  name: string;
  mask: string | null;
  balance_cents: number;
  limit_cents: number | null;
  /** balance ÷ limit, percent, whole number; null without a limit. */
  utilization_pct: number | null;
  minimum_payment_only: boolean;
  minimum_payment_cents: number | null;
  last_payment_cents: number | null;
  interest_cents: number;
  interest_monthly_cents: number;
  is_overdue: boolean;
  purchase_apr_pct: number | null;
}

export interface CreditSignals {
  cards: CardSignal[];
  card_count: number;
  max_utilization_pct: number | null;
  /** Account id of the card with the highest utilisation. */
  max_utilization_account_id: string | null;
  utilization_flags: { at_30: boolean; at_50: boolean; at_80: boolean };
  minimum_payment_only: boolean;
  interest_cents: number;
  interest_monthly_cents: number;
  overdue: boolean;
}

export type PayFrequency = "weekly" | "biweekly" | "semi_monthly" | "monthly" | "irregular" | "none";

export interface IncomeSignals {
  payroll_deposits: number;
  other_income_deposits: number;
  pay_events: number;
  frequency: PayFrequency;
  median_pay_gap_days: number | null;
  /** Coefficient of variation of the gaps between pay, two decimals (0 = perfectly regular). */
  pay_gap_variability: number | null;
  /** Coefficient of variation of monthly income, two decimals. */
  income_variability: number | null;
  monthly_income_cents: number;
  checking_balance_cents: number;
  /** Checking balance ÷ average monthly spend, one decimal; null without spend. */
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
  total_cents: number;
  monthly_cents: number;
  transaction_count: number;
}

export interface Sufficiency {
  sufficient: boolean;
  history_days: number;
  transactions_in_window: number;
  reasons: string[];
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
  sufficiency: Sufficiency;
  spend: SpendSignals;
  subscriptions: SubscriptionSignals;
  savings: SavingsSignals;
  credit: CreditSignals;
  income: IncomeSignals;
  fees: FeeSignals;
}
