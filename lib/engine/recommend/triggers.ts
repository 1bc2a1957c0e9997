// Each trigger: when it fires, and the sentence it contributes to a rationale, citing the
// customer's own numbers. Every cited number is a signal value named by its path (checked by
// verifyCitations), so a reviewer can trace it to the data.
import type { EngineConfig } from "../config";
import { readSignal } from "../signal-path";
import type { CardSignal, WindowSignals } from "../signals/types";
import type { TriggerId } from "./content";
import { money, monthDay, months, percent, plural } from "./format";

export interface Citation {
  /** Path into the window's signals (lib/engine/signal-path.ts). */
  signal: string;
  value: number | boolean | string;
  /** How the value reads in the rationale. */
  display: string;
}

export interface TriggerResult {
  sentence: string;
  citations: Citation[];
  /** Names from the customer's data in the sentence (card, merchant): not judged by the tone check. */
  names?: string[];
}

type Trigger = (s: WindowSignals, config: EngineConfig) => TriggerResult | null;

/** The span the data behind a window's totals covers: "over the last 5 months" when that is all there is. */
function span(s: WindowSignals): string {
  const days = s.covered_days;
  const full = s.window === "30d" ? 30 : 180;
  if (days >= full) return s.window === "30d" ? "in the last 30 days" : "over the last 6 months";
  const months = Math.floor(days / 30);
  return months >= 2 ? `over the last ${months} months` : `over the last ${days} day${days === 1 ? "" : "s"}`;
}
const perMonth = (s: WindowSignals) => (s.window === "30d" ? "this month" : "a month on average");

/** Renders a money signal in the currency the window's signals are in. */
const moneyIn = (s: WindowSignals) => (cents: number) => money(cents, s.currency);

/** An unknown signal (null) is never cited: it has no display, and a sentence citing it is dropped (see fireTrigger). */
function cite(s: WindowSignals, signal: string, display: (v: never) => string): Citation {
  const value = readSignal(s, signal) as number | boolean | string | null | undefined;
  if (value === null || value === undefined) return { signal, value: null as never, display: "unknown" };
  return { signal, value, display: display(value as never) };
}

/** A trigger's sentence, or null when it does not fire or would cite an unknown value. */
export function fireTrigger(id: TriggerId, s: WindowSignals, config: EngineConfig): TriggerResult | null {
  const r = TRIGGERS[id](s, config);
  return r && r.citations.every((c) => c.value !== null && c.value !== undefined) ? r : null;
}

function worstCard(s: WindowSignals): CardSignal | null {
  return s.credit.cards.find((c) => c.account_id === s.credit.max_utilization_account_id) ?? null;
}

function cardName(c: CardSignal): string {
  return c.mask ? `${c.name} ending in ${c.mask}` : c.name;
}

function utilization(s: WindowSignals, min: number): TriggerResult | null {
  const c = worstCard(s);
  if (!c || c.utilization_pct === null || c.utilization_pct < min || c.limit_cents === null) return null;
  const base = `credit.cards[${c.account_id}]`;
  const pct = cite(s, `${base}.utilization_pct`, percent);
  const bal = cite(s, `${base}.balance_cents`, moneyIn(s));
  const lim = cite(s, `${base}.limit_cents`, moneyIn(s));
  return {
    sentence: `We noticed your ${cardName(c)} is at ${pct.display} utilization (${bal.display} of a ${lim.display} limit).`,
    citations: [pct, bal, lim],
    names: [cardName(c)],
  };
}

export const TRIGGERS: Record<TriggerId, Trigger> = {
  credit_utilization_high: (s, cfg) => utilization(s, cfg.credit.utilizationFlags[1]),
  credit_utilization_elevated: (s, cfg) => utilization(s, cfg.credit.utilizationFlags[0]),
  credit_interest: (s) => {
    if (s.credit.interest_cents <= 0) return null;
    const c = cite(s, "credit.interest_monthly_cents", moneyIn(s));
    return { sentence: `Your cards charged about ${c.display} in interest ${perMonth(s)}.`, citations: [c] };
  },
  credit_minimum_only: (s) => {
    const card = s.credit.cards.find((c) => c.minimum_payment_only);
    if (!card) return null;
    const base = `credit.cards[${card.account_id}]`;
    const paid = cite(s, `${base}.last_payment_cents`, moneyIn(s));
    const min = cite(s, `${base}.minimum_payment_cents`, moneyIn(s));
    const bal = cite(s, `${base}.balance_cents`, moneyIn(s));
    return {
      sentence: `Your last payment on your ${cardName(card)} was ${paid.display}, close to the ${min.display} minimum, while ${bal.display} is still owed.`,
      citations: [paid, min, bal],
      names: [cardName(card)],
    };
  },
  credit_overdue: (s) => {
    const card = s.credit.cards.find((c) => c.is_overdue);
    if (!card) return null;
    const od = cite(s, `credit.cards[${card.account_id}].is_overdue`, () => "past due");
    return { sentence: `A payment on your ${cardName(card)} is marked ${od.display}.`, citations: [od], names: [cardName(card)] };
  },
  income_irregular: (s, cfg) => {
    const gap = s.income.median_pay_gap_days;
    if (gap === null || gap <= cfg.personas.variable_income.medianGapDays) return null;
    const g = cite(s, "income.median_pay_gap_days", (v: number) => `${Math.round(v)} days`);
    const n = cite(s, "income.pay_events", (v: number) => plural(v, "deposit"));
    return { sentence: `Your pay arrived in ${n.display} over the last ${s.lookback_covered_days} days, typically about ${g.display} apart.`, citations: [g, n] };
  },
  income_low_buffer: (s, cfg) => {
    const b = s.income.buffer_months;
    if (b === null || b >= cfg.personas.variable_income.bufferMonths) return null;
    const bal = cite(s, "income.checking_balance_cents", moneyIn(s));
    const buf = cite(s, "income.buffer_months", (v: number) => (v === 0 ? "less than a tenth of a month" : `${months(v)}`));
    const spend = cite(s, "spend.monthly_cents", moneyIn(s));
    return { sentence: `Your checking balance of ${bal.display} covers about ${buf.display} of your typical spending (${spend.display} a month).`, citations: [bal, buf, spend] };
  },
  fees_overdraft: (s) => {
    const od = s.fees.overdraft.count + s.fees.insufficient_funds.count;
    if (od === 0) return null;
    const c = cite(s, "fees.penalty.count", (v: number) => plural(v, "overdraft, insufficient-funds or late fee"));
    const amt = cite(s, "fees.penalty.cents", moneyIn(s));
    return { sentence: `You were charged ${c.display} totaling ${amt.display} ${span(s)}.`, citations: [c, amt] };
  },
  fees_late: (s) => {
    if (s.fees.late.count === 0) return null;
    const c = cite(s, "fees.late.count", (v: number) => plural(v, "late fee"));
    const amt = cite(s, "fees.late.cents", moneyIn(s));
    return { sentence: `You paid ${c.display} totaling ${amt.display} ${span(s)}.`, citations: [c, amt] };
  },
  fees_atm: (s) => {
    if (s.fees.atm.count === 0) return null;
    const c = cite(s, "fees.atm.count", (v: number) => plural(v, "ATM fee"));
    const amt = cite(s, "fees.atm.cents", moneyIn(s));
    return { sentence: `You paid ${c.display} totaling ${amt.display} ${span(s)}.`, citations: [c, amt] };
  },
  subscriptions_many: (s, cfg) => {
    if (s.subscriptions.subscription_count < cfg.personas.subscription_heavy.count) return null;
    const n = cite(s, "subscriptions.subscription_count", (v: number) => plural(v, "recurring subscription"));
    const m = cite(s, "subscriptions.monthly_subscription_cents", moneyIn(s));
    return { sentence: `We found ${n.display} adding up to about ${m.display} a month.`, citations: [n, m] };
  },
  subscriptions_share: (s, cfg) => {
    const share = s.subscriptions.subscription_share_pct;
    if (share === null || share < cfg.personas.subscription_heavy.sharePct) return null;
    const c = cite(s, "subscriptions.subscription_share_pct", percent);
    return { sentence: `Subscriptions make up about ${c.display} of your spending.`, citations: [c] };
  },
  subscriptions_price_increase: (s) => {
    const stream = s.subscriptions.streams.find((x) => x.class === "subscription" && x.price_changes.some((p) => p.to_cents > p.from_cents));
    if (!stream) return null;
    const i = stream.price_changes.findIndex((p) => p.to_cents > p.from_cents);
    const base = `subscriptions.streams[${stream.key}].price_changes[${i}]`;
    const from = cite(s, `${base}.from_cents`, moneyIn(s));
    const to = cite(s, `${base}.to_cents`, moneyIn(s));
    const date = cite(s, `${base}.date`, (v: string) => monthDay(v));
    return { sentence: `Your ${stream.merchant} charge went from ${from.display} to ${to.display} on ${date.display}.`, citations: [from, to, date], names: [stream.merchant] };
  },
  savings_growing: (s) => {
    if (s.savings.net_inflow_cents <= 0) return null;
    // Without a month of history the total over the days covered is cited, not a monthly figure.
    const monthly = s.savings.net_inflow_monthly_cents !== null;
    const m = monthly ? cite(s, "savings.net_inflow_monthly_cents", moneyIn(s)) : cite(s, "savings.net_inflow_cents", moneyIn(s));
    const cites = [m];
    let sentence = monthly ? `You've added about ${m.display} a month to savings ${span(s)}` : `You've added ${m.display} to savings ${span(s)}`;
    if (s.savings.growth_rate_pct !== null) {
      const g = cite(s, "savings.growth_rate_pct", percent);
      cites.push(g);
      sentence += `, growing your balance by ${g.display}`;
    }
    return { sentence: `${sentence}.`, citations: cites };
  },
  savings_low_emergency_fund: (s) => {
    const ef = s.savings.emergency_fund_months;
    if (ef === null || ef >= 3) return null;
    const bal = cite(s, "savings.balance_cents", moneyIn(s));
    const m = cite(s, "savings.emergency_fund_months", (v: number) => months(v));
    return { sentence: `Your savings of ${bal.display} would cover about ${m.display} of your typical spending.`, citations: [bal, m] };
  },
  savings_no_account: (s) => {
    if (s.savings.has_savings_account) return null;
    const c = cite(s, "savings.has_savings_account", () => "none linked");
    return { sentence: "We didn't find a savings account among your linked accounts.", citations: [c] };
  },
  savings_healthy_buffer: (s) => {
    const ef = s.savings.emergency_fund_months;
    if (ef === null || ef < 3) return null;
    const bal = cite(s, "savings.balance_cents", moneyIn(s));
    const m = cite(s, "savings.emergency_fund_months", (v: number) => months(v));
    return { sentence: `Your savings of ${bal.display} cover about ${m.display} of your typical spending.`, citations: [bal, m] };
  },
  bills_recurring: (s) => {
    if (s.subscriptions.bill_count === 0) return null;
    const n = cite(s, "subscriptions.bill_count", (v: number) => plural(v, "recurring bill"));
    const m = cite(s, "subscriptions.monthly_bill_cents", moneyIn(s));
    return { sentence: `We found ${n.display} adding up to about ${m.display} a month.`, citations: [n, m] };
  },
};

/** Every citation must equal the signal it names, and a known one: a rationale never invents a number or cites an unknown. */
export function verifyCitations(s: WindowSignals, citations: Citation[]): Citation[] {
  return citations.filter((c) => c.value === null || c.value === undefined || readSignal(s, c.signal) !== c.value);
}
