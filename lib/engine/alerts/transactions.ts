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

/** Outflows that are spending, over the alerts' history, grouped by merchant and by category. */
function spendGroups(ctx: AlertContext) {
  const byMerchant = new Map<string, PreparedTx[]>();
  const byCategory = new Map<string, PreparedTx[]>();
  for (const t of ctx.p.txs) {
    if (t.day < ctx.bounds.lookbackStart || t.pfc_primary === "BANK_FEES" || !isSpend(t, ctx.p.accounts.get(t.account_id))) continue;
    const m = byMerchant.get(t.stream_key);
    if (m) m.push(t);
    else byMerchant.set(t.stream_key, [t]);
    const c = byCategory.get(t.pfc_primary);
    if (c) c.push(t);
    else byCategory.set(t.pfc_primary, [t]);
  }
  return { byMerchant, byCategory };
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
  const { byMerchant, byCategory } = spendGroups(ctx);
  const recent: PreparedTx[] = [];
  for (const g of byMerchant.values()) for (const t of g) if (t.day >= from) recent.push(t);
  recent.sort((x, y) => x.day - y.day || (x.transaction_id < y.transaction_id ? -1 : 1));
  const inBurst = bursts(ctx, recent, emit);
  const histories = new Map<readonly PreparedTx[], History>();
  const historyOf = (g: readonly PreparedTx[]) => histories.get(g) ?? histories.set(g, history(g)).get(g)!;
  for (const t of recent) {
    if (inBurst.has(t.transaction_id)) continue;
    unusualAmount(ctx, t, historyOf(byMerchant.get(t.stream_key)!), () => historyOf(byCategory.get(t.pfc_primary)!), emit);
  }
  for (const g of byMerchant.values()) duplicates(ctx, g, from, emit);
}

function unusualAmount(ctx: AlertContext, t: PreparedTx, merchant: History, category: () => History, emit: Emit): void {
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
  if (med <= 0 || t.amount_cents < a.unusualMultiple * med || t.amount_cents - med < a.unusualMinDifferenceCents) return;
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
      inputs: { pattern: "amount", basis, transaction_id: t.transaction_id, merchant: merchantOf(t), category: t.pfc_primary, date: t.date, amount_cents: t.amount_cents, median_cents: med, prior_count: prior.length, prior_max_cents: max, multiple },
      thresholds: pick(a, ["lookbackDays", "historyDays", "unusualMinPrior", "unusualMultiple", "unusualMinDifferenceCents", "unusualOverMaxMultiple", "newMerchantHistoryDays"]),
      rule: `A recent charge at least ${a.unusualMultiple}× and ${cents(a.unusualMinDifferenceCents, currency)} above the median, and ${a.unusualOverMaxMultiple}× the largest, of at least ${a.unusualMinPrior} earlier charges at the merchant over the last ${a.historyDays} days (the category's, for a merchant never seen before)`,
      currency,
      transaction_ids: [t.transaction_id],
      needs_review: true,
    }),
  );
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

/** Same merchant, same amount, within config.alerts.duplicateDays — unless such repeats are this merchant's routine. */
function duplicates(ctx: AlertContext, group: readonly PreparedTx[], from: number, emit: Emit): void {
  const a = ctx.config.alerts;
  const currency = ctx.currency;
  const claimed = new Map<string, PreparedTx[]>(); // tx id → its cluster
  const clusters: PreparedTx[][] = [];
  for (let i = 1; i < group.length; i++) {
    const t = group[i];
    for (let j = i - 1; j >= 0 && t.day - group[j].day <= a.duplicateDays; j--) {
      const u = group[j];
      if (u.amount_cents !== t.amount_cents) continue;
      let cluster = claimed.get(u.transaction_id);
      if (!cluster) clusters.push((cluster = [u]));
      cluster.push(t);
      claimed.set(u.transaction_id, cluster);
      claimed.set(t.transaction_id, cluster);
      break;
    }
  }
  // repeatsBefore[k]: charges among the first k that came within duplicateDays of the one before.
  const repeatsBefore = [0];
  for (let i = 0; i < group.length; i++) repeatsBefore.push(repeatsBefore[i] + (i > 0 && group[i].day - group[i - 1].day <= a.duplicateDays ? 1 : 0));
  for (const cluster of clusters) {
    const [first, second] = cluster;
    if (second.day < from) continue;
    // Routine repeats: charges at this merchant within the gap of the one before, before this cluster.
    const repeats = repeatsBefore[countBefore({ group }, first.day)];
    if (repeats >= a.duplicateRoutineRepeats) continue;
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
        inputs: { merchant: merchantOf(first), charge_count: cluster.length, amount_cents: first.amount_cents, first_date: first.date, last_date: last.date, earlier_repeats: repeats },
        thresholds: pick(a, ["duplicateDays", "duplicateRoutineRepeats", "lookbackDays"]),
        rule: `Charges of the same amount at the same merchant within ${a.duplicateDays} day(s), where such repeats happened fewer than ${a.duplicateRoutineRepeats} times before`,
        notes: [`${repeats} earlier repeat(s) at this merchant within ${a.duplicateDays} day(s) of the charge before`],
        currency,
        transaction_ids: cluster.map((t) => t.transaction_id),
        needs_review: true,
      }),
    );
  }
}
