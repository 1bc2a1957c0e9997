// Per-window signals (SPEC §3.1) built from a prepared customer. Each block is a small pure
// function; computeWindowSignals assembles them.
import { isoFromDay } from "../../data/dates";
import type { EngineConfig } from "../config";
import type { WindowId } from "../types";
import { coefficientOfVariation, inRange, isSpend, median, round1, round2, windowBounds, type Prepared, type WindowBounds } from "./prepare";
import { detectRecurringStreams } from "./recurring";
import type { CardSignal, CreditSignals, FeeCount, FeeSignals, IncomeSignals, PayFrequency, SavingsSignals, SpendSignals, SubscriptionSignals, Sufficiency, WindowSignals } from "./types";

export function spendSignals(p: Prepared, b: WindowBounds): SpendSignals {
  let total = 0;
  let count = 0;
  for (const t of p.txs) {
    if (!inRange(t, b.start, b.end) || !isSpend(t, p.accounts.get(t.account_id))) continue;
    total += t.amount_cents;
    count++;
  }
  return { total_cents: total, monthly_cents: Math.round(total / b.months), transaction_count: count };
}

export function subscriptionSignals(p: Prepared, b: WindowBounds, spend: SpendSignals, config: EngineConfig): SubscriptionSignals {
  const streams = detectRecurringStreams(p, b, config);
  const subs = streams.filter((s) => s.class === "subscription");
  const bills = streams.filter((s) => s.class === "bill");
  const monthlySubs = subs.reduce((a, s) => a + s.monthly_cents, 0);
  return {
    streams,
    subscription_count: subs.length,
    monthly_subscription_cents: monthlySubs,
    subscription_share_pct: spend.monthly_cents > 0 ? round1((monthlySubs / spend.monthly_cents) * 100) : null,
    bill_count: bills.length,
    monthly_bill_cents: bills.reduce((a, s) => a + s.monthly_cents, 0),
  };
}

export function savingsSignals(p: Prepared, b: WindowBounds, spend: SpendSignals, config: EngineConfig): SavingsSignals {
  const subtypes: readonly string[] = config.savings.subtypes;
  const accounts = [...p.accounts.values()]
    .filter((a) => a.type === "depository" && subtypes.includes(a.subtype))
    .sort((x, y) => (x.account_id < y.account_id ? -1 : 1))
    .map((a) => {
      let net = 0;
      for (const t of p.txs) if (t.account_id === a.account_id && inRange(t, b.start, b.end)) net -= t.amount_cents;
      return { account_id: a.account_id, name: a.name, mask: a.mask, subtype: a.subtype, balance_cents: a.current_cents ?? 0, net_inflow_cents: net };
    });
  const balance = accounts.reduce((s, a) => s + a.balance_cents, 0);
  const net = accounts.reduce((s, a) => s + a.net_inflow_cents, 0);
  const startBalance = balance - net;
  return {
    has_savings_account: accounts.length > 0,
    accounts,
    balance_cents: balance,
    net_inflow_cents: net,
    net_inflow_monthly_cents: Math.round(net / b.months),
    growth_rate_pct: accounts.length && startBalance > 0 ? round1((net / startBalance) * 100) : null,
    emergency_fund_months: accounts.length && spend.monthly_cents > 0 ? round1(balance / spend.monthly_cents) : null,
  };
}

export function creditSignals(p: Prepared, b: WindowBounds, config: EngineConfig): CreditSignals {
  const slack = 1 + config.credit.minimumPaymentSlack;
  const cards: CardSignal[] = [...p.accounts.values()]
    .filter((a) => a.type === "credit")
    .sort((x, y) => (x.account_id < y.account_id ? -1 : 1))
    .map((a) => {
      const liab = p.credit.get(a.account_id);
      const balance = a.current_cents ?? 0;
      const limit = a.limit_cents && a.limit_cents > 0 ? a.limit_cents : null;
      let interest = 0;
      for (const t of p.txs) {
        if (t.account_id === a.account_id && t.pfc_detailed === "BANK_FEES_INTEREST_CHARGE" && t.amount_cents > 0 && inRange(t, b.start, b.end)) interest += t.amount_cents;
      }
      // A statement issued in the window reports interest even when no interest line was sent.
      if (interest === 0 && liab?.last_statement_issue_date && liab.last_statement_issue_date >= isoFromDay(b.start) && liab.last_statement_issue_date <= isoFromDay(b.end)) {
        interest = liab.aprs.reduce((s, apr) => s + (apr.interest_charge_amount_cents ?? 0), 0);
      }
      const min = liab?.minimum_payment_cents ?? null;
      const paid = liab?.last_payment_cents ?? null;
      const owed = liab?.last_statement_balance_cents ?? balance;
      const minimumOnly = min !== null && min > 0 && paid !== null && paid > 0 && paid <= min * slack && owed > paid;
      return {
        account_id: a.account_id,
        name: a.name,
        mask: a.mask,
        balance_cents: balance,
        limit_cents: limit,
        // Floor keeps the shown whole percent consistent with ≥ thresholds (49.9% shows 49%).
        utilization_pct: limit ? Math.floor((Math.max(balance, 0) * 100) / limit) : null,
        minimum_payment_only: minimumOnly,
        minimum_payment_cents: min,
        last_payment_cents: paid,
        interest_cents: interest,
        interest_monthly_cents: Math.round(interest / b.months),
        is_overdue: liab?.is_overdue === true,
        purchase_apr_pct: liab?.aprs.find((x) => x.apr_type === "purchase_apr")?.apr_percentage ?? null,
      };
    });
  let max: CardSignal | null = null;
  for (const c of cards) if (c.utilization_pct !== null && (max === null || c.utilization_pct > max.utilization_pct!)) max = c;
  const [f30, f50, f80] = config.credit.utilizationFlags;
  const maxPct = max?.utilization_pct ?? null;
  const interest = cards.reduce((s, c) => s + c.interest_cents, 0);
  return {
    cards,
    card_count: cards.length,
    max_utilization_pct: maxPct,
    max_utilization_account_id: max?.account_id ?? null,
    utilization_flags: { at_30: maxPct !== null && maxPct >= f30, at_50: maxPct !== null && maxPct >= f50, at_80: maxPct !== null && maxPct >= f80 },
    minimum_payment_only: cards.some((c) => c.minimum_payment_only),
    interest_cents: interest,
    interest_monthly_cents: Math.round(interest / b.months),
    overdue: cards.some((c) => c.is_overdue),
  };
}

const NOT_EARNED_INCOME = new Set(["INCOME_INTEREST_EARNED", "INCOME_DIVIDENDS", "INCOME_TAX_REFUND"]);

function payFrequency(days: number[], gaps: number[], med: number | null): PayFrequency {
  if (days.length === 0) return "none";
  if (med === null) return "irregular";
  if (med <= 9) return "weekly";
  if (med <= 17) {
    // Semi-monthly pay lands on two fixed days of the month (e.g. 1st and 15th, moved off weekends).
    const doms = days.map((d) => Number(isoFromDay(d).slice(8, 10)));
    const early = doms.filter((x) => x <= 5 || x >= 28).length;
    const mid = doms.filter((x) => x >= 12 && x <= 18).length;
    return early + mid === doms.length && early > 0 && mid > 0 && gaps.every((g) => g >= 10) ? "semi_monthly" : "biweekly";
  }
  if (med <= 35) return "monthly";
  return "irregular";
}

export function incomeSignals(p: Prepared, b: WindowBounds, spend: SpendSignals): IncomeSignals {
  let payroll = 0;
  let other = 0;
  let total = 0;
  const byDay = new Map<number, number>();
  const monthly = new Array<number>(Math.max(1, Math.round(b.lookbackMonths))).fill(0);
  for (const t of p.txs) {
    if (t.amount_cents >= 0 || t.pfc_primary !== "INCOME" || NOT_EARNED_INCOME.has(t.pfc_detailed) || !inRange(t, b.lookbackStart, b.end)) continue;
    if (p.accounts.get(t.account_id)?.type !== "depository") continue;
    if (t.pfc_detailed === "INCOME_WAGES") payroll++;
    else other++;
    total -= t.amount_cents;
    byDay.set(t.day, (byDay.get(t.day) ?? 0) - t.amount_cents);
    const bucket = Math.min(monthly.length - 1, Math.floor((b.end - t.day) / 30));
    monthly[bucket] -= t.amount_cents;
  }
  const days = [...byDay.keys()].sort((x, y) => x - y);
  const gaps = days.slice(1).map((d, i) => d - days[i]);
  const med = median(gaps);
  const cv = coefficientOfVariation(gaps);
  const incomeCv = total > 0 ? coefficientOfVariation(monthly) : null;
  const checking = [...p.accounts.values()].filter((a) => a.type === "depository" && a.subtype === "checking").reduce((s, a) => s + (a.current_cents ?? 0), 0);
  return {
    payroll_deposits: payroll,
    other_income_deposits: other,
    pay_events: days.length,
    frequency: payFrequency(days, gaps, med),
    median_pay_gap_days: med,
    pay_gap_variability: cv === null ? null : round2(cv),
    income_variability: incomeCv === null ? null : round2(incomeCv),
    monthly_income_cents: Math.round(total / b.lookbackMonths),
    checking_balance_cents: checking,
    buffer_months: spend.monthly_cents > 0 ? round1(checking / spend.monthly_cents) : null,
  };
}

export function feeSignals(p: Prepared, b: WindowBounds, config: EngineConfig): FeeSignals {
  const late = new RegExp(config.fees.lateFeePattern, "i");
  const zero = (): FeeCount => ({ count: 0, cents: 0 });
  const f = { overdraft: zero(), insufficient_funds: zero(), late: zero(), atm: zero(), penalty: zero(), total: zero() };
  for (const t of p.txs) {
    if (t.pfc_primary !== "BANK_FEES" || t.amount_cents <= 0 || !inRange(t, b.start, b.end)) continue;
    if (t.pfc_detailed === "BANK_FEES_INTEREST_CHARGE") continue; // interest is a credit signal, not a fee
    const kind =
      t.pfc_detailed === "BANK_FEES_OVERDRAFT_FEES"
        ? "overdraft"
        : t.pfc_detailed === "BANK_FEES_INSUFFICIENT_FUNDS"
          ? "insufficient_funds"
          : t.pfc_detailed === "BANK_FEES_LATE_FEES" || late.test(t.name)
            ? "late"
            : t.pfc_detailed === "BANK_FEES_ATM_FEES"
              ? "atm"
              : null;
    f.total.count++;
    f.total.cents += t.amount_cents;
    if (!kind) continue;
    f[kind].count++;
    f[kind].cents += t.amount_cents;
    if (kind !== "atm") {
      f.penalty.count++;
      f.penalty.cents += t.amount_cents;
    }
  }
  return f;
}

export function sufficiency(p: Prepared, b: WindowBounds, config: EngineConfig): Sufficiency {
  const w = config.windows[b.window];
  const historyDays = p.firstDay === null ? 0 : p.asOf - p.firstDay + 1;
  const inWindow = p.txs.filter((t) => inRange(t, b.start, b.end)).length;
  const reasons: string[] = [];
  if (historyDays < w.minHistoryDays) reasons.push(`only ${historyDays} day${historyDays === 1 ? "" : "s"} of history; the ${b.window} window needs ${w.minHistoryDays}`);
  if (inWindow < w.minTransactions) reasons.push(`only ${inWindow} settled transaction${inWindow === 1 ? "" : "s"} in the window; needs ${w.minTransactions}`);
  return { sufficient: reasons.length === 0, history_days: historyDays, transactions_in_window: inWindow, reasons };
}

export function computeWindowSignals(p: Prepared, window: WindowId, config: EngineConfig): WindowSignals {
  const b = windowBounds(p, window, config);
  const spend = spendSignals(p, b);
  return {
    window,
    as_of: isoFromDay(p.asOf),
    start: isoFromDay(b.start),
    lookback_start: isoFromDay(b.lookbackStart),
    currency: p.currency,
    excluded_currencies: p.excluded,
    sufficiency: sufficiency(p, b, config),
    spend,
    subscriptions: subscriptionSignals(p, b, spend, config),
    savings: savingsSignals(p, b, spend, config),
    credit: creditSignals(p, b, config),
    income: incomeSignals(p, b, spend),
    fees: feeSignals(p, b, config),
  };
}
