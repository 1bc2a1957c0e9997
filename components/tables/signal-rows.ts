// How a window's signals read on the staff customer page. An unknown value (null) reads
// "unknown" — never $0, and never a dash that could pass for zero (issue 12); money is to the cent.
import { exactMoney, percent } from "@/lib/engine/recommend/format";
import type { WindowSignals } from "@/lib/engine/signals/types";
import { plural } from "@/lib/labels";

const known = (v: number | null | undefined, f: (n: number) => string) => (v === null || v === undefined ? "unknown" : f(v));
/** A monthly figure, or — without a month of history — the total over the days covered. */
const monthly = (s: WindowSignals, perMonth: number | null, total: number, days: number) =>
  perMonth === null ? `unknown (${exactMoney(total, s.currency)} over ${plural(days, "day")})` : exactMoney(perMonth, s.currency);

/** The staff page's signal rows: a label and how one window's signals read in it. */
export const SIGNAL_ROWS: ReadonlyArray<readonly [label: string, read: (s: WindowSignals) => string]> = [
  ["Data sufficient", (s) => (s.sufficiency.sufficient ? `yes (${s.sufficiency.history_days} days of history)` : `no: ${s.sufficiency.reasons.join("; ")}`)],
  ["Not computed", (s) => (s.sufficiency.unavailable ?? []).map((u) => `${u.signal}: ${u.reason}`).join("; ") || "—"],
  ["Monthly spend", (s) => monthly(s, s.spend.monthly_cents, s.spend.total_cents, s.covered_days ?? 0)],
  ["Subscriptions", (s) => `${s.subscriptions.subscription_count} · ${exactMoney(s.subscriptions.monthly_subscription_cents, s.currency)}/mo · ${known(s.subscriptions.subscription_share_pct, percent)} of spend`],
  ["Bills", (s) => `${s.subscriptions.bill_count} · ${exactMoney(s.subscriptions.monthly_bill_cents, s.currency)}/mo`],
  ["Max card utilization", (s) => (s.credit.card_count === 0 ? "no cards" : `${known(s.credit.max_utilization_pct, percent)}${s.credit.utilization_unknown_count ? ` (${plural(s.credit.utilization_unknown_count, "card")} unknown)` : ""}`)],
  ["Card interest per statement", (s) => exactMoney(s.credit.interest_monthly_cents, s.currency)],
  ["Minimum payments only", (s) => (s.credit.minimum_payment_only ? "yes" : "no")],
  ["Overdue", (s) => (s.credit.overdue ? "yes" : "no")],
  ["Pay frequency · median gap", (s) => `${s.income.frequency} · ${known(s.income.median_pay_gap_days, (n) => `${n} days`)}`],
  ["Monthly income", (s) => monthly(s, s.income.monthly_income_cents, s.income.total_income_cents ?? 0, s.lookback_covered_days ?? 0)],
  ["Checking balance", (s) => known(s.income.checking_balance_cents, (n) => exactMoney(n, s.currency))],
  ["Cash-flow buffer", (s) => known(s.income.buffer_months, (n) => `${n} months`)],
  ["Savings balance", (s) => (s.savings.has_savings_account ? known(s.savings.balance_cents, (n) => exactMoney(n, s.currency)) : "no savings account")],
  ["Savings inflow per month", (s) => (s.savings.has_savings_account ? monthly(s, s.savings.net_inflow_monthly_cents, s.savings.net_inflow_cents, s.covered_days ?? 0) : "no savings account")],
  ["Savings growth", (s) => known(s.savings.growth_rate_pct, percent)],
  ["Emergency fund", (s) => known(s.savings.emergency_fund_months, (n) => `${n} months`)],
  ["Other currencies (left out)", (s) => (s.excluded_currencies?.length ? s.excluded_currencies.map((x) => `${x.currency}: ${plural(x.accounts, "account")}, ${plural(x.transactions, "transaction")} totaling ${exactMoney(x.amount_cents, x.currency)}`).join("; ") : "none")],
  ["Overdraft / NSF / late fees", (s) => `${s.fees.penalty.count} · ${exactMoney(s.fees.penalty.cents, s.currency)}`],
];
