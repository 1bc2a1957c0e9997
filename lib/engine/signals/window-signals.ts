// Per-window signals (SPEC §3.1) built from a prepared customer. Each block is a small pure
// function; computeWindowSignals assembles them.
import { isoFromDay } from "../../data/dates";
import type { EngineConfig } from "../config";
import type { WindowId } from "../types";
import { coefficientOfVariation, historyDays, inRange, isSpend, median, perMonth, round1, round2, streamKey, windowBounds, type Prepared, type WindowBounds } from "./prepare";
import { detectRecurringStreams, steadyCadence } from "./recurring";
import type { CardSignal, CreditSignals, FeeCount, FeeSignals, IncomeSignals, IncomeSource, PayFrequency, SavingsSignals, SpendSignals, SubscriptionSignals, Sufficiency, Unavailable, WindowSignals } from "./types";

/** The sum of known values, or null when there are none or any is unknown: unknown is never zero. */
function sumKnown(values: Array<number | null>): number | null {
  if (!values.length || values.some((v) => v === null)) return null;
  return values.reduce<number>((a, v) => a + v!, 0);
}

/** a ÷ b to one decimal, or null when either is unknown or b is not positive. */
function ratio1(a: number | null, b: number | null): number | null {
  return a === null || b === null || b <= 0 ? null : round1(a / b);
}

export function spendSignals(p: Prepared, b: WindowBounds, config: EngineConfig): SpendSignals {
  let total = 0;
  let count = 0;
  for (const t of p.txs) {
    if (!inRange(t, b.start, b.end) || !isSpend(t, p.accounts.get(t.account_id))) continue;
    total += t.amount_cents;
    count++;
  }
  return { total_cents: total, monthly_cents: perMonth(total, b.coveredDays, config), transaction_count: count };
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
    subscription_share_pct: spend.monthly_cents !== null && spend.monthly_cents > 0 ? round1((monthlySubs / spend.monthly_cents) * 100) : null,
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
      return { account_id: a.account_id, name: a.name, mask: a.mask, subtype: a.subtype, balance_cents: a.current_cents, net_inflow_cents: net };
    });
  const balance = sumKnown(accounts.map((a) => a.balance_cents));
  const net = accounts.reduce((s, a) => s + a.net_inflow_cents, 0);
  const startBalance = balance === null ? null : balance - net;
  return {
    has_savings_account: accounts.length > 0,
    accounts,
    balance_cents: balance,
    net_inflow_cents: net,
    net_inflow_monthly_cents: accounts.length ? perMonth(net, b.coveredDays, config) : null,
    // Growth needs history: with no transaction at all the window shows no change, not 0% growth.
    growth_rate_pct: b.coveredDays > 0 && startBalance !== null && startBalance > 0 ? round1((net / startBalance) * 100) : null,
    emergency_fund_months: ratio1(balance, spend.monthly_cents),
  };
}

export function creditSignals(p: Prepared, b: WindowBounds, config: EngineConfig): CreditSignals {
  const slack = 1 + config.credit.minimumPaymentSlack;
  const cards: CardSignal[] = [...p.accounts.values()]
    .filter((a) => a.type === "credit")
    .sort((x, y) => (x.account_id < y.account_id ? -1 : 1))
    .map((a) => {
      const liab = p.credit.get(a.account_id);
      const balance = a.current_cents;
      const limit = a.limit_cents && a.limit_cents > 0 ? a.limit_cents : null;
      // Interest is charged once per statement cycle: each interest line is one cycle's charge.
      let interest = 0;
      let charges = 0;
      for (const t of p.txs) {
        if (t.account_id === a.account_id && t.pfc_detailed === "BANK_FEES_INTEREST_CHARGE" && t.amount_cents > 0 && inRange(t, b.start, b.end)) {
          interest += t.amount_cents;
          charges++;
        }
      }
      // Cycles the window's covered history spans (a cycle without a charge charged nothing),
      // never fewer than the charges seen: one statement's interest is one cycle's, not a window's.
      let cycles = interest > 0 ? Math.max(charges, Math.round(b.coveredDays / config.daysPerMonth)) : 0;
      // A statement issued in the window reports one cycle's interest even when no interest line was sent.
      if (interest === 0 && liab?.last_statement_issue_date && liab.last_statement_issue_date >= isoFromDay(b.start) && liab.last_statement_issue_date <= isoFromDay(b.end)) {
        interest = liab.aprs.reduce((s, apr) => s + (apr.interest_charge_amount_cents ?? 0), 0);
        cycles = interest > 0 ? 1 : 0;
      }
      const min = liab?.minimum_payment_cents ?? null;
      const paid = liab?.last_payment_cents ?? null;
      const owed = liab?.last_statement_balance_cents ?? balance;
      const minimumOnly = min !== null && min > 0 && paid !== null && paid > 0 && paid <= min * slack && owed !== null && owed > paid;
      return {
        account_id: a.account_id,
        name: a.name,
        mask: a.mask,
        balance_cents: balance,
        limit_cents: limit,
        // Floor keeps the shown whole percent consistent with ≥ thresholds (49.9% shows 49%).
        utilization_pct: limit !== null && balance !== null ? Math.floor((Math.max(balance, 0) * 100) / limit) : null,
        minimum_payment_only: minimumOnly,
        minimum_payment_cents: min,
        last_payment_cents: paid,
        interest_cents: interest,
        interest_cycles: cycles,
        interest_monthly_cents: cycles > 0 ? Math.round(interest / cycles) : 0,
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
    utilization_unknown_count: cards.filter((c) => c.utilization_pct === null).length,
    utilization_flags: { at_30: maxPct !== null && maxPct >= f30, at_50: maxPct !== null && maxPct >= f50, at_80: maxPct !== null && maxPct >= f80 },
    minimum_payment_only: cards.some((c) => c.minimum_payment_only),
    interest_cents: interest,
    interest_monthly_cents: cards.reduce((s, c) => s + c.interest_monthly_cents, 0),
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

interface SourceAcc {
  key: string;
  name: string;
  total: number;
  byDay: Map<number, number>;
}

/**
 * One income source (SPEC §3.1): its cadence from recurring.ts's steadyCadence (the bills'
 * rule, one missed payment tolerated). Its pay rate is the most recent deposit × payments a
 * month (30.4375 ÷ the cadence's nominal days; 2 for semi-monthly pay) while the source keeps
 * that cadence and has not lapsed (its last deposit within a cadence + tolerance of the window's
 * end); otherwise it has no rate and its total counts over the months covered.
 */
function incomeSource(src: SourceAcc, end: number, config: EngineConfig): { source: IncomeSource; gaps: number[] } {
  const days = [...src.byDay.keys()].sort((x, y) => x - y);
  const gaps = days.slice(1).map((d, i) => d - days[i]);
  const med = median(gaps);
  const frequency = payFrequency(days, gaps, med);
  const last = days[days.length - 1];
  const typical = src.byDay.get(last)!;
  const steady = gaps.length ? steadyCadence(gaps, config) : null;
  let rate: number | null = null;
  if (steady) {
    const nominal = config.recurring.cadences[steady.cadence][2];
    if (end - last <= nominal + config.recurring.gapToleranceDays[steady.cadence]) {
      rate = Math.round(typical * (frequency === "semi_monthly" ? 2 : config.daysPerMonth / nominal));
    }
  }
  return { source: { key: src.key, name: src.name, pay_events: days.length, total_cents: src.total, frequency, median_pay_gap_days: med, typical_amount_cents: typical, monthly_rate_cents: rate }, gaps };
}

export function incomeSignals(p: Prepared, b: WindowBounds, spend: SpendSignals, config: EngineConfig): IncomeSignals {
  let payroll = 0;
  let other = 0;
  let total = 0;
  const groups = new Map<string, SourceAcc>();
  const keys = new Map<string, string>();
  const monthly = new Array<number>(Math.max(1, Math.round(b.lookbackCoveredDays / 30))).fill(0);
  for (const t of p.txs) {
    if (t.amount_cents >= 0 || t.pfc_primary !== "INCOME" || NOT_EARNED_INCOME.has(t.pfc_detailed) || !inRange(t, b.lookbackStart, b.end)) continue;
    if (p.accounts.get(t.account_id)?.type !== "depository") continue;
    if (t.pfc_detailed === "INCOME_WAGES") payroll++;
    else other++;
    total -= t.amount_cents;
    const key = streamKey(t, keys);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name: "", total: 0, byDay: new Map() }));
    g.name = t.merchant_name ?? t.name;
    g.total -= t.amount_cents;
    g.byDay.set(t.day, (g.byDay.get(t.day) ?? 0) - t.amount_cents);
    const bucket = Math.min(monthly.length - 1, Math.floor((b.end - t.day) / 30));
    monthly[bucket] -= t.amount_cents;
  }
  const found = [...groups.values()].map((g) => incomeSource(g, b.end, config)).sort((x, y) => y.source.total_cents - x.source.total_cents || (x.source.key < y.source.key ? -1 : 1));
  const sources = found.map((f) => f.source);
  const main = sources[0];
  const cv = found.length ? coefficientOfVariation(found[0].gaps) : null;
  // While the main source keeps its cadence, an empty 30-day bucket at either end of the lookback
  // is the calendar (a payday a day before the lookback, the next one not yet due), not a month
  // without income: only the buckets between the first and last paid ones count.
  let buckets = monthly;
  if (main && main.monthly_rate_cents !== null) {
    const paid = monthly.flatMap((v, i) => (v !== 0 ? [i] : []));
    buckets = monthly.slice(paid[0], paid[paid.length - 1] + 1);
  }
  const incomeCv = total > 0 ? coefficientOfVariation(buckets) : null;
  // Pay rate for sources with a cadence, the rest averaged over the months covered.
  const averaged = perMonth(sources.reduce((a, x) => a + (x.monthly_rate_cents === null ? x.total_cents : 0), 0), b.lookbackCoveredDays, config);
  const monthlyIncome = averaged === null ? null : averaged + sources.reduce((a, x) => a + (x.monthly_rate_cents ?? 0), 0);
  const checking = sumKnown([...p.accounts.values()].filter((a) => a.type === "depository" && a.subtype === "checking").map((a) => a.current_cents));
  return {
    payroll_deposits: payroll,
    other_income_deposits: other,
    sources,
    pay_events: main?.pay_events ?? 0,
    frequency: main?.frequency ?? "none",
    median_pay_gap_days: main?.median_pay_gap_days ?? null,
    pay_gap_variability: cv === null ? null : round2(cv),
    income_variability: incomeCv === null ? null : round2(incomeCv),
    total_income_cents: total,
    monthly_income_cents: monthlyIncome,
    checking_balance_cents: checking,
    buffer_months: ratio1(checking, spend.monthly_cents),
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

/**
 * Sufficiency (SPEC §3.1): judged by the history the window and its lookback cover and by
 * activity, not by a count of transactions. Every signal is computed regardless; the ones that
 * could not be are listed with the reason.
 */
export function sufficiency(p: Prepared, b: WindowBounds, s: Omit<WindowSignals, "sufficiency">, config: EngineConfig): Sufficiency {
  const w = config.windows[b.window];
  const history = historyDays(p);
  const inWindow = p.txs.filter((t) => inRange(t, b.start, b.end)).length;
  const inLookback = p.txs.some((t) => inRange(t, Math.min(b.start, b.lookbackStart), b.end));
  const reasons: string[] = [];
  if (history < w.minHistoryDays) reasons.push(`only ${days(history)} of history; the ${b.window} window needs ${w.minHistoryDays} to see recurring charges and pay`);
  else if (!inLookback) reasons.push(`no settled transactions in the last ${Math.max(w.days, w.lookbackDays)} days`);
  return { sufficient: reasons.length === 0, history_days: history, transactions_in_window: inWindow, reasons, unavailable: unavailable(s, config) };
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The signals left unknown, each with the reason a reviewer needs. */
function unavailable(s: Omit<WindowSignals, "sufficiency">, config: EngineConfig): Unavailable[] {
  const out: Unavailable[] = [];
  const short = (covered: number) => `only ${days(covered)} of history; a monthly figure needs ${config.perMonth.minCoveredDays}`;
  if (s.spend.monthly_cents === null) out.push({ signal: "spend.monthly_cents", reason: `${short(s.covered_days)} (spend.total_cents is the total over those days)` });
  if (s.income.monthly_income_cents === null) out.push({ signal: "income.monthly_income_cents", reason: `${short(s.lookback_covered_days)} (income.total_income_cents is the total)` });
  if (s.income.median_pay_gap_days === null) out.push({ signal: "income.median_pay_gap_days", reason: `${s.income.pay_events === 0 ? "no" : "only one"} pay deposit in the lookback; a gap needs two` });
  const checking = s.income.checking_balance_cents === null;
  if (checking) out.push({ signal: "income.checking_balance_cents", reason: "no checking account, or a checking account without a balance from the institution" });
  if (s.income.buffer_months === null) out.push({ signal: "income.buffer_months", reason: checking ? "the checking balance is unknown" : "monthly spend is unknown or zero" });
  if (s.savings.has_savings_account) {
    const noBalance = s.savings.balance_cents === null;
    if (noBalance) out.push({ signal: "savings.balance_cents", reason: "a savings account has no balance from the institution" });
    if (s.savings.net_inflow_monthly_cents === null) out.push({ signal: "savings.net_inflow_monthly_cents", reason: short(s.covered_days) });
    if (s.savings.growth_rate_pct === null) out.push({ signal: "savings.growth_rate_pct", reason: noBalance ? "the savings balance is unknown" : s.covered_days === 0 ? "no transactions yet: there is no history to grow over" : "the balance at the window's start was not positive" });
    if (s.savings.emergency_fund_months === null) out.push({ signal: "savings.emergency_fund_months", reason: noBalance ? "the savings balance is unknown" : "monthly spend is unknown or zero" });
  }
  for (const c of s.credit.cards) {
    if (c.utilization_pct !== null) continue;
    const why = c.balance_cents === null && c.limit_cents === null ? "no balance and no limit" : c.balance_cents === null ? "no balance" : "no limit";
    out.push({ signal: `credit.cards[${c.account_id}].utilization_pct`, reason: `the institution sent ${why} for this card` });
  }
  return out;
}

export function computeWindowSignals(p: Prepared, window: WindowId, config: EngineConfig): WindowSignals {
  const b = windowBounds(p, window, config);
  const spend = spendSignals(p, b, config);
  const rest = {
    window,
    as_of: isoFromDay(p.asOf),
    start: isoFromDay(b.start),
    lookback_start: isoFromDay(b.lookbackStart),
    currency: p.currency,
    excluded_currencies: p.excluded,
    covered_days: b.coveredDays,
    lookback_covered_days: b.lookbackCoveredDays,
    spend,
    subscriptions: subscriptionSignals(p, b, spend, config),
    savings: savingsSignals(p, b, spend, config),
    credit: creditSignals(p, b, config),
    income: incomeSignals(p, b, spend, config),
    fees: feeSignals(p, b, config),
  };
  const { window: w, as_of, start, lookback_start, currency, excluded_currencies, covered_days, lookback_covered_days, ...signals } = rest;
  // Key order as shown to staff: the window, its sufficiency, then the signal families.
  return { window: w, as_of, start, lookback_start, currency, excluded_currencies, covered_days, lookback_covered_days, sufficiency: sufficiency(p, b, rest, config), ...signals };
}
