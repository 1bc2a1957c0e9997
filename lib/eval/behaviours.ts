// "Detected behaviours" for coverage (SPEC §7): one per signal family of SPEC §3.1, each a plain
// test over a window's signals that says the family found something to report about this
// customer. A customer with at least MIN_BEHAVIOURS of them (and a matched persona) is covered.
import type { WindowSignals } from "../engine/signals/types";

export interface Behaviour {
  id: "recurring_payments" | "savings" | "credit" | "income" | "fees";
  /** The definition, as the report prints it. */
  definition: string;
  detected: (s: WindowSignals) => boolean;
}

export type BehaviourId = Behaviour["id"];

export const BEHAVIOURS: readonly Behaviour[] = [
  {
    id: "recurring_payments",
    definition: "at least one recurring stream (subscription or bill) in the lookback",
    detected: (s) => s.subscriptions.subscription_count + s.subscriptions.bill_count > 0,
  },
  {
    id: "savings",
    definition: "a savings-like account (savings, money market, cash management, HSA) with a positive balance or money moving in or out",
    detected: (s) => s.savings.has_savings_account && ((s.savings.balance_cents ?? 0) > 0 || s.savings.net_inflow_cents !== 0),
  },
  {
    id: "credit",
    definition: "at least one personal credit card with a known utilisation (balance ÷ limit)",
    detected: (s) => s.credit.max_utilization_pct !== null,
  },
  {
    id: "income",
    definition: "at least one detected pay event (payroll or other regular income) in the lookback",
    detected: (s) => s.income.pay_events > 0,
  },
  {
    id: "fees",
    definition: "at least one overdraft, insufficient-funds, late or ATM fee in the window",
    detected: (s) => s.fees.total.count > 0,
  },
];

export function detectBehaviours(s: WindowSignals): BehaviourId[] {
  return BEHAVIOURS.filter((b) => b.detected(s)).map((b) => b.id);
}
