// Alerts about single recent transactions: a fee charged, an amount far outside the merchant's
// (or category's) history, bursts that look like card testing or an account takeover, and
// possible duplicate charges. "Recent" is config.alerts.lookbackDays up to asOf.
import { isoFromDay } from "../../data/dates";
import { isSpend, median, round1, type PreparedTx } from "../signals/prepare";
import type { AlertContext, Emit } from "./context";
import { buildAlert, categoryLabel, cents, day, pick } from "./message";

const REVIEW = "If you don't recognize it, you could contact your bank or the merchant.";
const REVIEW_MANY = "If you don't recognize them, you could contact your bank or the merchant.";

const FEE_LABELS: Record<string, string> = {
  BANK_FEES_OVERDRAFT_FEES: "overdraft fee",
  BANK_FEES_INSUFFICIENT_FUNDS: "insufficient funds fee",
  BANK_FEES_LATE_FEES: "late fee",
  BANK_FEES_ATM_FEES: "ATM fee",
  BANK_FEES_FOREIGN_TRANSACTION_FEES: "foreign transaction fee",
};
const PENALTY = new Set(["BANK_FEES_OVERDRAFT_FEES", "BANK_FEES_INSUFFICIENT_FUNDS", "BANK_FEES_LATE_FEES"]);

const merchantOf = (t: PreparedTx) => (t.merchant_name ?? t.name).replace(/\s+/g, " ").trim();

function accountLabel(ctx: AlertContext, accountId: string): string {
  const acc = ctx.p.accounts.get(accountId);
  if (!acc) return "your account";
  return acc.mask ? `${acc.name} ending in ${acc.mask}` : acc.name;
}

export function feeAlerts(ctx: AlertContext, emit: Emit): void {
  const { p, config, currency } = ctx;
  const from = p.asOf - config.alerts.lookbackDays + 1;
  for (const t of p.txs) {
    if (t.day < from || t.amount_cents <= 0) continue;
    if (t.pfc_primary !== "BANK_FEES" && t.merchant_kind !== "fee") continue;
    if (t.pfc_detailed === "BANK_FEES_INTEREST_CHARGE") continue; // interest is a credit signal, not a fee
    const label = FEE_LABELS[t.pfc_detailed] ?? "fee";
    emit(
      buildAlert({
        kind: "fee_charged",
        key: `fee_charged:${t.transaction_id}`,
        severity: PENALTY.has(t.pfc_detailed) ? "warning" : "info",
        event_date: t.date,
        title: "A fee was charged",
        message: `A ${cents(t.amount_cents, currency)} ${label} ("${t.name}") was charged on ${day(t.date)} to ${accountLabel(ctx, t.account_id)}.`,
        cite: [
          ["amount_cents", cents(t.amount_cents, currency)],
          ["date", day(t.date)],
        ],
        inputs: { transaction_id: t.transaction_id, account_id: t.account_id, amount_cents: t.amount_cents, date: t.date, name: t.name, pfc_detailed: t.pfc_detailed },
        thresholds: pick(config.alerts, ["lookbackDays"]),
        rule: `A bank fee (Plaid category BANK_FEES, or a fee merchant; interest excluded) charged within the last ${config.alerts.lookbackDays} days`,
        currency,
        transaction_ids: [t.transaction_id],
      }),
    );
  }
}

/** Outflows that are spending, over the alerts' history, grouped by merchant, by category and by detailed category. */
function spendGroups(ctx: AlertContext) {
  const byMerchant = new Map<string, PreparedTx[]>();
  const byCategory = new Map<string, PreparedTx[]>();
  const byDetailed = new Map<string, PreparedTx[]>();
  for (const t of ctx.p.txs) {
    if (t.day < ctx.bounds.lookbackStart || t.pfc_primary === "BANK_FEES" || !isSpend(t, ctx.p.accounts.get(t.account_id))) continue;
    const m = byMerchant.get(t.stream_key);
    if (m) m.push(t);
    else byMerchant.set(t.stream_key, [t]);
    const c = byCategory.get(t.pfc_primary);
    if (c) c.push(t);
    else byCategory.set(t.pfc_primary, [t]);
    const d = byDetailed.get(t.pfc_detailed);
    if (d) d.push(t);
    else byDetailed.set(t.pfc_detailed, [t]);
  }
  return { byMerchant, byCategory, byDetailed };
}

/**
 * A merchant's or category's earlier charges, oldest first, with the running maximum, so "how many
 * before this day, and the largest" is a binary search: a median (a sort) is taken only for a
 * charge above every earlier one, which is rare — detection stays O(n log n).
 */
interface History {
  group: readonly PreparedTx[];
  /** maxBefore[i]: the largest of group[0 … i-1]. */
  maxBefore: number[];
}

function history(group: readonly PreparedTx[]): History {
  const maxBefore = new Array<number>(group.length + 1);
  maxBefore[0] = 0;
  for (let i = 0; i < group.length; i++) maxBefore[i + 1] = Math.max(maxBefore[i], group[i].amount_cents);
  return { group, maxBefore };
}

/** How many of the group's charges fall on days before `day`. */
function countBefore(h: Pick<History, "group">, day: number): number {
  let lo = 0;
  let hi = h.group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.group[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function transactionAlerts(ctx: AlertContext, emit: Emit): void {
  const { p, config } = ctx;
  const a = config.alerts;
  const from = p.asOf - a.lookbackDays + 1;
  const { byMerchant, byCategory, byDetailed } = spendGroups(ctx);
  const recent: PreparedTx[] = [];
  for (const g of byMerchant.values()) for (const t of g) if (t.day >= from) recent.push(t);
  recent.sort((x, y) => x.day - y.day || (x.transaction_id < y.transaction_id ? -1 : 1));
  const inBurst = bursts(ctx, recent, emit);
  const histories = new Map<readonly PreparedTx[], History>();
  const historyOf = (g: readonly PreparedTx[]) => histories.get(g) ?? histories.set(g, history(g)).get(g)!;
  for (const t of recent) {
    if (inBurst.has(t.transaction_id)) continue;
    unusualAmount(ctx, t, historyOf(byMerchant.get(t.stream_key)!), () => historyOf(byCategory.get(t.pfc_primary)!), () => historyOf(byDetailed.get(t.pfc_detailed)!), emit);
  }
  // One alert per event: charges already reported as a burst (card testing, new-merchant burst) are not duplicates too.
  for (const g of byMerchant.values()) duplicates(ctx, g, from, inBurst, emit);
}

function unusualAmount(ctx: AlertContext, t: PreparedTx, merchant: History, category: () => History, detailed: () => History, emit: Emit): void {
  const a = ctx.config.alerts;
  const currency = ctx.currency;
  let basis: "merchant" | "category" = "merchant";
  let h = merchant;
  let n = countBefore(h, t.day);
  if (n === 0 && (ctx.firstSeen.get(t.stream_key) ?? t.day) >= t.day && ctx.knowsNewOn(t.day)) {
    basis = "category";
    h = category();
    n = countBefore(h, t.day);
  }
  if (n < a.unusualMinPrior) return;
  const max = h.maxBefore[n];
  if (t.amount_cents < a.unusualOverMaxMultiple * max) return;
  const prior = h.group.slice(0, n).map((x) => x.amount_cents);
  const med = Math.round(median(prior)!);
  if (med <= 0 || t.amount_cents < a.unusualMultiple * med) return;
  // The least difference that matters: $50, or less for a customer who spends less in the (detailed) category, e.g. coffee.
  const minDifference = Math.min(a.unusualMinDifferenceCents, Math.round(a.unusualMinDifferenceShare * monthlyCategorySpend(ctx, detailed(), t.day)));
  if (t.amount_cents - med < minDifference) return;
  // Dispersion: the merchant's own spread (robust, on a log scale) must not cover this amount.
  const spread = logSpread(prior, med);
  if (Math.log(t.amount_cents / med) < a.unusualSpreadMultiple * spread) return;
  const multiple = round1(t.amount_cents / med);
  const where = basis === "merchant" ? `your usual ${cents(med, currency)} there` : `your usual ${cents(med, currency)} for ${categoryLabel(t.pfc_primary)} (${merchantOf(t)} is a new merchant for you)`;
  emit(
    buildAlert({
      kind: "unusual_amount",
      key: `unusual_amount:${t.transaction_id}`,
      severity: "urgent",
      event_date: t.date,
      title: "Unusual charge amount",
      message: `A charge of ${cents(t.amount_cents, currency)} at ${merchantOf(t)} on ${day(t.date)} is ${multiple} times ${where}, the median of ${prior.length} earlier charges.`,
      suggestion: REVIEW,
      cite: [
        ["amount_cents", cents(t.amount_cents, currency)],
        ["date", day(t.date)],
        ["multiple", String(multiple)],
        ["median_cents", cents(med, currency)],
        ["prior_count", String(prior.length)],
      ],
      inputs: { pattern: "amount", basis, transaction_id: t.transaction_id, merchant: merchantOf(t), category: t.pfc_primary, date: t.date, amount_cents: t.amount_cents, median_cents: med, prior_count: prior.length, prior_max_cents: max, multiple, min_difference_cents: minDifference, log_spread: Math.round(spread * 1000) / 1000 },
      thresholds: pick(a, ["lookbackDays", "historyDays", "unusualMinPrior", "unusualMultiple", "unusualMinDifferenceCents", "unusualMinDifferenceShare", "unusualOverMaxMultiple", "unusualSpreadMultiple", "newMerchantHistoryDays"]),
      rule: `A recent charge at least ${a.unusualMultiple}× the median, ${a.unusualOverMaxMultiple}× the largest and ${a.unusualSpreadMultiple} robust deviations (log scale) above the median of at least ${a.unusualMinPrior} earlier charges at the merchant over the last ${a.historyDays} days (the category's, for a merchant never seen before), and above that median by ${cents(a.unusualMinDifferenceCents, currency)} or ${Math.round(a.unusualMinDifferenceShare * 100)}% of the customer's monthly spend in its detailed category (${t.pfc_detailed}), whichever is less`,
      currency,
      transaction_ids: [t.transaction_id],
      needs_review: true,
    }),
  );
}

/** 1.4826 × the median absolute deviation of the amounts' logarithms from the median's: a robust standard deviation on a log scale (0 for a fixed price). */
function logSpread(amounts: readonly number[], med: number): number {
  const m = Math.log(med);
  return 1.4826 * (median(amounts.filter((x) => x > 0).map((x) => Math.abs(Math.log(x) - m))) ?? 0);
}

/** The customer's spend per month (30.4375 days) in a category (Plaid detailed) before `day`, over the alerts' history within their continuous history. */
function monthlyCategorySpend(ctx: AlertContext, category: History, day: number): number {
  const n = countBefore(category, day);
  if (!n) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) total += category.group[i].amount_cents;
  const start = Math.max(ctx.bounds.lookbackStart, ctx.p.firstDay ?? category.group[0].day, category.group[0].day);
  return (total * 30.4375) / Math.max(30.4375, day - start);
}

/** Card-testing and new-merchant bursts among recent charges; returns the ids they cover. */
function bursts(ctx: AlertContext, recent: readonly PreparedTx[], emit: Emit): Set<string> {
  const a = ctx.config.alerts;
  const currency = ctx.currency;
  const covered = new Set<string>();
  const isNewSince = (t: PreparedTx, start: number) => (ctx.firstSeen.get(t.stream_key) ?? t.day) >= start && ctx.knowsNewOn(start);
  // Card testing: tiny charges at merchants not seen before the burst, within a few days.
  const tiny = recent.filter((t) => t.amount_cents <= a.cardTestingMaxCents && isNewSince(t, t.day - a.cardTestingDays + 1));
  for (let i = 0; i < tiny.length; ) {
    let j = i;
    while (j < tiny.length && tiny[j].day - tiny[i].day < a.cardTestingDays && isNewSince(tiny[j], tiny[i].day)) j++;
    const group = tiny.slice(i, j);
    if (group.length < a.cardTestingCount) {
      i++;
      continue;
    }
    i = j;
    const total = group.reduce((s, t) => s + t.amount_cents, 0);
    const first = group[0];
    const last = group[group.length - 1];
    const merchants = [...new Set(group.map(merchantOf))];
    for (const t of group) covered.add(t.transaction_id);
    const span = first.date === last.date ? day(first.date) : `${day(first.date)} to ${day(last.date)}`;
    emit(
      buildAlert({
        kind: "unusual_amount",
        key: `unusual_amount:card_testing:${first.transaction_id}`,
        severity: "urgent",
        event_date: first.date,
        title: "Several small charges at new merchants",
        message: `${group.length} small charges of ${cents(a.cardTestingMaxCents, currency)} or less, ${cents(total, currency)} in total, were made on ${span} at ${merchants.length === 1 ? "a merchant" : "merchants"} new to you (${merchants.join(", ")}). Small test charges can come before larger ones.`,
        suggestion: REVIEW_MANY,
        cite: [
          ["charge_count", String(group.length)],
          ["total_cents", cents(total, currency)],
          ["first_date", day(first.date)],
        ],
        inputs: { pattern: "card_testing", charge_count: group.length, total_cents: total, first_date: first.date, last_date: last.date, merchants: merchants.join(", ") },
        thresholds: pick(a, ["cardTestingCount", "cardTestingMaxCents", "cardTestingDays", "newMerchantHistoryDays"]),
        rule: `At least ${a.cardTestingCount} charges of at most ${cents(a.cardTestingMaxCents, currency)} within ${a.cardTestingDays} days at merchants with no earlier charge`,
        currency,
        transaction_ids: group.map((t) => t.transaction_id),
        needs_review: true,
      }),
    );
  }
  // New-merchant burst: several charges in one day at merchants first seen that day, a large total.
  const byDay = new Map<number, PreparedTx[]>();
  for (const t of recent) {
    if (covered.has(t.transaction_id) || ctx.firstSeen.get(t.stream_key) !== t.day || !ctx.knowsNewOn(t.day)) continue;
    const list = byDay.get(t.day);
    if (list) list.push(t);
    else byDay.set(t.day, [t]);
  }
  for (const [d, group] of byDay) {
    const total = group.reduce((s, t) => s + t.amount_cents, 0);
    if (group.length < a.burstCount || total < a.burstMinTotalCents) continue;
    const merchants = [...new Set(group.map(merchantOf))];
    for (const t of group) covered.add(t.transaction_id);
    const date = isoFromDay(d);
    emit(
      buildAlert({
        kind: "unusual_amount",
        key: `unusual_amount:new_merchant_burst:${group[0].transaction_id}`,
        severity: "urgent",
        event_date: date,
        title: "Several charges at new merchants",
        message: `${group.length} charges totalling ${cents(total, currency)} were made on ${day(date)} at merchants new to you (${merchants.join(", ")}).`,
        suggestion: REVIEW_MANY,
        cite: [
          ["charge_count", String(group.length)],
          ["total_cents", cents(total, currency)],
          ["date", day(date)],
        ],
        inputs: { pattern: "new_merchant_burst", charge_count: group.length, total_cents: total, date, merchants: merchants.join(", ") },
        thresholds: pick(a, ["burstCount", "burstMinTotalCents", "newMerchantHistoryDays"]),
        rule: `At least ${a.burstCount} charges in one day at merchants with no earlier charge, totalling at least ${cents(a.burstMinTotalCents, currency)}`,
        currency,
        transaction_ids: group.map((t) => t.transaction_id),
        needs_review: true,
      }),
    );
  }
  return covered;
}

/** Cash withdrawals (Plaid TRANSFER_OUT, e.g. TRANSFER_OUT_WITHDRAWAL at an ATM) are not purchases: two equal withdrawals are not a duplicate charge. */
const isPurchase = (t: PreparedTx) => t.pfc_primary !== "TRANSFER_OUT";

/**
 * Same merchant, same amount, same account (a charge posted twice; equal charges on two cards of a
 * household are two purchases), within config.alerts.duplicateDays — unless same-amount repeats are
 * ordinary at this merchant for this customer: earlier same-amount repeats within the gap (a
 * routine), or earlier charges of exactly this amount (a fixed fare or price).
 */
function duplicates(ctx: AlertContext, all: readonly PreparedTx[], from: number, inBurst: ReadonlySet<string>, emit: Emit): void {
  const a = ctx.config.alerts;
  const currency = ctx.currency;
  const group = all.filter(isPurchase);
  const claimed = new Map<string, PreparedTx[]>(); // tx id → its cluster
  const clusters: PreparedTx[][] = [];
  // repeatsBefore[k]: charges among the first k that repeated the amount of an earlier one within duplicateDays.
  const repeatsBefore = [0];
  for (let i = 0; i < group.length; i++) {
    const t = group[i];
    let repeat = false;
    for (let j = i - 1; j >= 0 && t.day - group[j].day <= a.duplicateDays; j--) {
      const u = group[j];
      if (u.amount_cents !== t.amount_cents || u.account_id !== t.account_id) continue;
      repeat = true;
      let cluster = claimed.get(u.transaction_id);
      if (!cluster) clusters.push((cluster = [u]));
      cluster.push(t);
      claimed.set(u.transaction_id, cluster);
      claimed.set(t.transaction_id, cluster);
      break;
    }
    repeatsBefore.push(repeatsBefore[i] + (repeat ? 1 : 0));
  }
  for (const cluster of clusters) {
    const [first, second] = cluster;
    if (second.day < from || cluster.some((t) => inBurst.has(t.transaction_id))) continue;
    const before = countBefore({ group }, first.day);
    // Routine: same-amount repeats at this merchant within the gap, before this cluster.
    const repeats = repeatsBefore[before];
    if (repeats >= a.duplicateRoutineRepeats) continue;
    // Fixed price: earlier charges at this merchant of exactly this amount.
    let sameAmount = 0;
    for (let k = 0; k < before; k++) if (group[k].amount_cents === first.amount_cents) sameAmount++;
    if (sameAmount >= a.duplicateFixedPriceCharges) continue;
    const last = cluster[cluster.length - 1];
    const dates = [...new Set(cluster.map((t) => day(t.date)))];
    emit(
      buildAlert({
        kind: "duplicate_charge",
        key: `duplicate_charge:${second.transaction_id}`,
        severity: "warning",
        event_date: second.date,
        title: "Possible duplicate charge",
        message: `${cluster.length} charges of ${cents(first.amount_cents, currency)} at ${merchantOf(first)} on ${dates.join(" and ")}.`,
        suggestion: "If you made only one purchase, you could contact the merchant or your bank.",
        cite: [
          ["charge_count", String(cluster.length)],
          ["amount_cents", cents(first.amount_cents, currency)],
          ["first_date", day(first.date)],
        ],
        inputs: { merchant: merchantOf(first), charge_count: cluster.length, amount_cents: first.amount_cents, first_date: first.date, last_date: last.date, earlier_repeats: repeats, earlier_same_amount: sameAmount },
        thresholds: pick(a, ["duplicateDays", "duplicateRoutineRepeats", "duplicateFixedPriceCharges", "lookbackDays"]),
        rule: `Purchases (not cash withdrawals) of the same amount at the same merchant on the same account within ${a.duplicateDays} day(s), where same-amount repeats happened fewer than ${a.duplicateRoutineRepeats} times before and fewer than ${a.duplicateFixedPriceCharges} earlier charges there were of this amount`,
        notes: [`${repeats} earlier same-amount repeat(s) at this merchant within ${a.duplicateDays} day(s); ${sameAmount} earlier charge(s) of this amount`],
        currency,
        transaction_ids: cluster.map((t) => t.transaction_id),
        needs_review: true,
      }),
    );
  }
}
