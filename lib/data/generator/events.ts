// Ground-truth events for the alert detectors (issue 15): with `--fraud-rate` / `--anomaly-rate`
// the generator injects labelled fraud (duplicate charges, card-testing bursts, account-takeover
// bursts) and anomalies (out-of-pattern amounts, subscription price increases, new
// subscriptions, upcoming overdrafts) into a share of customers. Every draw comes from the
// customer's own "events" stream, so customers without an event — and every customer when both
// rates are 0 — come out exactly as before. Injected transactions go into the ledger before the
// card cycles and pay are settled (the overdraft drain after pay), so balances still match.
import { MERCHANTS, type MerchantSeed } from "../merchants";
import { addMonths, dayOfMonthIn, nextBusinessDay, partsFromDay, type Day } from "../dates";
import { BUSINESS_MERCHANTS } from "./business";
import type { Household } from "./household";
import type { DraftTxn, PaymentChannel } from "./ledger";
import { Rng } from "./prng";
import { SUBSCRIPTION_OFFERS } from "./subscriptions";

export const FRAUD_KINDS = ["duplicate", "card_testing", "takeover"] as const;
export const ANOMALY_KINDS = ["out_of_pattern", "price_increase", "new_subscription", "overdraft"] as const;
export type EventKind = (typeof FRAUD_KINDS)[number] | (typeof ANOMALY_KINDS)[number];

/** The alert kind a detector should raise for each event (lib/engine/alerts/types.ts). */
export const EXPECTED_ALERT = {
  duplicate: "duplicate_charge",
  card_testing: "unusual_amount",
  takeover: "unusual_amount",
  out_of_pattern: "unusual_amount",
  price_increase: "price_increase",
  new_subscription: "new_recurring",
  overdraft: "low_balance_forecast",
} as const satisfies Record<EventKind, string>;

/** How far back from asOf injected events are placed (they stay clear of the pending days). */
export const RECENT_DAYS = 28;
/** The forecast horizon of an overdraft event, in days after asOf. */
export const FORECAST_DAYS = 14;

export interface EventDraft {
  kind: EventKind;
  /** "injected" by a rate; "natural": a situation the ordinary generator made (overdrafts only). */
  source: "injected" | "natural";
  day: Day;
  txns: DraftTxn[];
}

export interface EventRates {
  anomalyRate?: number;
  fraudRate?: number;
}

export const eventsEnabled = (r: EventRates) => (r.anomalyRate ?? 0) > 0 || (r.fraudRate ?? 0) > 0;

/** What one customer gets: decided up front so the pre-pay and post-pay steps agree. */
export interface EventPlan {
  rng: Rng;
  fraud: (typeof FRAUD_KINDS)[number] | null;
  anomaly: (typeof ANOMALY_KINDS)[number] | null;
  events: EventDraft[];
}

export function planEvents(seed: number, index: number, rates: EventRates): EventPlan {
  const rng = Rng.for(seed, index, "events");
  const fraud = rng.chance(rates.fraudRate ?? 0) ? rng.pick(FRAUD_KINDS) : null;
  const anomaly = rng.chance(rates.anomalyRate ?? 0) ? rng.pick(ANOMALY_KINDS) : null;
  return { rng, fraud, anomaly, events: [] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const usedMerchants = (h: Household) => new Set(h.ledger.txns.map((t) => t.merchant));
const SHOPS = MERCHANTS.filter((m) => m.kind === "everyday" && !BUSINESS_MERCHANTS.has(m) && (m.pfc_primary === "GENERAL_MERCHANDISE" || m.pfc_primary === "ENTERTAINMENT" || m.pfc_primary === "TRAVEL"));

function push(h: Household, acct: number, authDay: Day, lag: number, cents: number, merchant: MerchantSeed, channel: PaymentChannel, name = merchant.aliases[0]): DraftTxn {
  const t: DraftTxn = { acct, day: authDay + lag, authDay, cents, name, merchant, showMerchant: true, channel, pending: false };
  h.ledger.txns.push(t);
  return t;
}

/** The last posted day an injected purchase may take (the last PENDING_DAYS are still pending). */
const lastPosted = (h: Household) => h.end - 3;
const spendAcct = (h: Household) => (h.cards.length > 0 ? h.cards[0] : h.checking);
const personal = (h: Household) => new Set([h.checking, ...h.cards]);

function duplicate(h: Household, rng: Rng): EventDraft | null {
  const own = personal(h);
  const pool = h.ledger.txns.filter((t) => !t.pending && own.has(t.acct) && t.merchant.kind === "everyday" && t.day >= h.end - RECENT_DAYS && t.day < lastPosted(h));
  if (!pool.length) return null;
  const o = rng.pick(pool);
  const copy = push(h, o.acct, o.authDay ?? o.day, o.day - (o.authDay ?? o.day) + (rng.chance(0.5) ? 0 : 1), o.cents, o.merchant, o.channel, o.name);
  return { kind: "duplicate", source: "injected", day: copy.day, txns: [o, copy] };
}

function cardTesting(h: Household, rng: Rng): EventDraft | null {
  const used = usedMerchants(h);
  const shops = SHOPS.filter((m) => !used.has(m));
  if (!shops.length) return null;
  const merchant = rng.pick(shops);
  const day = rng.int(h.end - RECENT_DAYS, lastPosted(h) - 1);
  const txns = Array.from({ length: rng.int(3, 6) }, () => push(h, spendAcct(h), day + rng.int(0, 1), 0, rng.int(50, 199), merchant, "online"));
  return { kind: "card_testing", source: "injected", day, txns };
}

function takeover(h: Household, rng: Rng): EventDraft | null {
  const used = usedMerchants(h);
  const shops = rng.sample(SHOPS.filter((m) => !used.has(m)), rng.int(3, 5));
  if (shops.length < 3) return null;
  const day = rng.int(h.end - RECENT_DAYS, lastPosted(h));
  const txns = shops.map((m) => push(h, spendAcct(h), day, 0, rng.int(300, 1200) * 100 - rng.pick([0, 1, 5]), m, "online"));
  return { kind: "takeover", source: "injected", day, txns };
}

function outOfPattern(h: Household, rng: Rng): EventDraft | null {
  const own = personal(h);
  const byMerchant = new Map<MerchantSeed, DraftTxn[]>();
  for (const t of h.ledger.txns) {
    if (t.pending || !own.has(t.acct) || t.merchant.kind !== "everyday" || t.cents <= 0 || t.day >= h.end - RECENT_DAYS) continue;
    const list = byMerchant.get(t.merchant) ?? [];
    list.push(t);
    byMerchant.set(t.merchant, list);
  }
  const regular = [...byMerchant.values()].filter((l) => l.length >= 5);
  if (!regular.length) return null;
  const history = rng.pick(regular);
  const last = history[history.length - 1];
  const day = rng.int(h.end - RECENT_DAYS, lastPosted(h));
  const t = push(h, last.acct, day, 0, Math.round(median(history.map((x) => x.cents)) * rng.range(5, 8)), last.merchant, last.channel, last.name);
  return { kind: "out_of_pattern", source: "injected", day, txns: [t] };
}

function subscriptionsOf(h: Household): DraftTxn[][] {
  const byMerchant = new Map<MerchantSeed, DraftTxn[]>();
  for (const t of h.ledger.txns) {
    if (t.merchant.kind !== "subscription") continue;
    const list = byMerchant.get(t.merchant) ?? [];
    list.push(t);
    byMerchant.set(t.merchant, list);
  }
  return [...byMerchant.values()];
}

function priceIncrease(h: Household, rng: Rng): EventDraft | null {
  const steady = subscriptionsOf(h).filter((l) => l.length >= 3 && l.every((t) => t.cents === l[0].cents) && l[l.length - 1].day >= h.end - RECENT_DAYS);
  if (!steady.length) return newSubscription(h, rng);
  const charges = rng.pick(steady);
  const last = charges[charges.length - 1];
  last.cents = Math.max(last.cents + 100, Math.round((last.cents * rng.range(1.15, 1.4)) / 100) * 100 - 1);
  return { kind: "price_increase", source: "injected", day: last.day, txns: [last] };
}

/** A service the customer never had, charged monthly three times (what makes a stream), the first within the last three months. */
function newSubscription(h: Household, rng: Rng): EventDraft | null {
  const used = usedMerchants(h);
  const offers = SUBSCRIPTION_OFFERS.filter((o) => !used.has(o.merchant));
  if (!offers.length) return null;
  const o = rng.pick(offers);
  const first = rng.int(h.end - 85, h.end - 63);
  const acct = spendAcct(h);
  const txns = [0, 1, 2].map((k) => push(h, acct, addMonths(first, k), 0, o.cents, o.merchant, "online"));
  return { kind: "new_subscription", source: "injected", day: first, txns };
}

/** Injects the plan's events that must be in place before card cycles and pay are settled. */
export function injectBeforePay(h: Household, plan: EventPlan, naturalPriceRise: DraftTxn[]): void {
  const { rng } = plan;
  if (naturalPriceRise.length) plan.events.push({ kind: "price_increase", source: "natural", day: naturalPriceRise[0].day, txns: naturalPriceRise });
  const make = { duplicate, card_testing: cardTesting, takeover, out_of_pattern: outOfPattern, price_increase: priceIncrease, new_subscription: newSubscription };
  for (const kind of [plan.fraud, plan.anomaly]) {
    if (kind === null || kind === "overdraft") continue;
    const e = make[kind](h, rng);
    if (e) plan.events.push(e);
  }
}

/** What the forecast projects: bills (rent, utilities, loans), subscriptions and pay — not card payments, transfers or cash. */
const PROJECTED = new Set(["bill", "subscription", "income"]);

/** The next date of a monthly item after `after`: its day of month (the earliest seen, as weekends only push dates later), on a business day. */
function nextMonthly(days: Day[], after: Day): Day {
  const dom = days.slice(-3).reduce((m, d) => Math.min(m, partsFromDay(d).d), 31);
  for (let k = 0; ; k++) {
    const d = nextBusinessDay(dayOfMonthIn(addMonths(days[days.length - 1], k), dom));
    if (d > after) return d;
  }
}

/**
 * The checking balance over the FORECAST_DAYS after asOf: today's balance plus the account's
 * recurring items (same payee, ≥ 3 posted in the last 100 days) — monthly ones (gaps of 26–35
 * days) on their day of the month, weekly and biweekly ones (steady gaps within 2 days) at their
 * gap — each at its last amount. Returns the first day the balance is below zero, if any (an
 * account already overdrawn today is not an upcoming overdraft: none).
 */
export function forecastChecking(txns: readonly DraftTxn[], acct: number, end: Day, balance: number): { low: number; firstBelowZero: Day | null } {
  const byPayee = new Map<string, DraftTxn[]>();
  for (const t of txns) {
    if (t.acct !== acct || t.pending || t.day < end - 100 || !PROJECTED.has(t.merchant.kind)) continue;
    const list = byPayee.get(t.merchant.entity_id) ?? [];
    list.push(t);
    byPayee.set(t.merchant.entity_id, list);
  }
  const deltas = new Map<Day, number>();
  const add = (d: Day, cents: number) => deltas.set(d, (deltas.get(d) ?? 0) - cents);
  for (const list of byPayee.values()) {
    if (list.length < 3) continue;
    const days = list.map((t) => t.day).sort((a, b) => a - b);
    const gaps = days.slice(1).map((d, i) => d - days[i]);
    const last = list.reduce((a, b) => (b.day > a.day ? b : a));
    if (gaps.every((g) => g >= 26 && g <= 35)) {
      const d = nextMonthly(days, end);
      if (d <= end + FORECAST_DAYS) add(d, last.cents);
      continue;
    }
    const gap = median(gaps);
    if (gap < 6 || gap > 16 || gaps.some((g) => Math.abs(g - gap) > 2)) continue;
    for (let d = days[days.length - 1] + gap; d <= end + FORECAST_DAYS; d += gap) if (d > end) add(d, last.cents);
  }
  let run = 0;
  let low = 0;
  let firstBelowZero: Day | null = null;
  for (let d = end + 1; d <= end + FORECAST_DAYS; d++) {
    run += deltas.get(d) ?? 0;
    low = Math.min(low, run);
    if (firstBelowZero === null && balance >= 0 && balance + run < 0) firstBelowZero = d;
  }
  return { low, firstBelowZero };
}

const INVESTMENT = MERCHANTS.find((m) => m.canonical_name === "Investment Transfer")!;

/**
 * After pay: an overdraft event moves money out of checking (a transfer to a brokerage outside the
 * bundle) the day before asOf, so that the upcoming recurring bills take the balance below zero
 * before the next pay arrives. Then every customer's checking is checked the same way: a
 * situation the ordinary generator made is labelled too, as "natural".
 */
export function injectAfterPay(h: Household, plan: EventPlan, checkingBalance: () => number): void {
  if (plan.anomaly === "overdraft") {
    const balance = checkingBalance();
    const { low } = forecastChecking(h.ledger.txns, h.checking, h.end, balance);
    if (low <= -5000 && balance > 0) {
      const shortBy = Math.round(-low * plan.rng.range(0.15, 0.5));
      const drain = balance + low + shortBy;
      if (drain > 0) {
        const t: DraftTxn = { acct: h.checking, day: h.end - 1, authDay: h.end - 1, cents: drain, name: plan.rng.pick(INVESTMENT.aliases), merchant: INVESTMENT, showMerchant: false, channel: "other", pending: false };
        h.ledger.txns.push(t);
        const f = forecastChecking(h.ledger.txns, h.checking, h.end, checkingBalance());
        if (f.firstBelowZero !== null) plan.events.push({ kind: "overdraft", source: "injected", day: f.firstBelowZero, txns: [] });
        return;
      }
    }
  }
  const f = forecastChecking(h.ledger.txns, h.checking, h.end, checkingBalance());
  if (f.firstBelowZero !== null) plan.events.push({ kind: "overdraft", source: "natural", day: f.firstBelowZero, txns: [] });
}
