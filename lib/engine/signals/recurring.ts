// Recurring streams (SPEC §3.1): outflows grouped by merchant that repeat ≥3 times on a steady
// cadence with steady amounts. Fees, interest, transfers and card payments are never streams.
import { addMonths, isoFromDay, type Day } from "../../data/dates";
import type { EngineConfig } from "../config";
import type { Prepared, PreparedTx, WindowBounds } from "./prepare";
import { median } from "./prepare";
import type { Cadence, RecurringStream } from "./types";

const NEVER_STREAMS = new Set(["TRANSFER_IN", "TRANSFER_OUT", "INCOME", "BANK_FEES"]);
const NOT_MERCHANT_KINDS = new Set(["income", "transfer", "fee"]);
/** Obligations: rent, utilities, phone/internet, insurance, loan payments. */
const BILL_PRIMARIES = new Set(["RENT_AND_UTILITIES", "LOAN_PAYMENTS"]);
const BILL_DETAILED = new Set(["GENERAL_SERVICES_INSURANCE", "GENERAL_SERVICES_CHILDCARE", "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT"]);

function classify(t: PreparedTx): "subscription" | "bill" {
  if (t.merchant_kind === "bill") return "bill";
  if (t.merchant_kind === "subscription") return "subscription";
  return BILL_PRIMARIES.has(t.pfc_primary) || BILL_DETAILED.has(t.pfc_detailed) ? "bill" : "subscription";
}

function cadenceOf(gap: number, config: EngineConfig): Cadence | null {
  for (const [name, [lo, hi]] of Object.entries(config.recurring.cadences)) if (gap >= lo && gap <= hi) return name as Cadence;
  return null;
}

/**
 * The cadence the gaps keep, tolerating one missed occurrence (SPEC §3.1: a year-long mortgage
 * stays a stream when one month's payment is missing): every gap sits within the cadence's
 * tolerance of the median, except at most one gap of about two cadences (config.recurring.maxMissedOccurrences).
 */
export function steadyCadence(gaps: number[], config: EngineConfig): { cadence: Cadence; missed: number } | null {
  const rc = config.recurring;
  const fits = (values: number[]) => {
    const med = median(values)!;
    const cadence = cadenceOf(med, config);
    return cadence && values.every((g) => Math.abs(g - med) <= rc.gapToleranceDays[cadence]) ? { cadence, med } : null;
  };
  const all = fits(gaps);
  if (all) return { cadence: all.cadence, missed: 0 };
  if (rc.maxMissedOccurrences < 1 || gaps.length < 2) return null;
  const longest = gaps.reduce((best, g, i) => (g > gaps[best] ? i : best), 0);
  const rest = fits(gaps.filter((_, i) => i !== longest));
  if (!rest || Math.abs(gaps[longest] - 2 * rest.med) > rc.gapToleranceDays[rest.cadence]) return null;
  return { cadence: rest.cadence, missed: 1 };
}

export function nextExpected(last: Day, cadence: Cadence): Day {
  switch (cadence) {
    case "weekly":
      return last + 7;
    case "biweekly":
      return last + 14;
    case "monthly":
      return addMonths(last, 1);
    case "quarterly":
      return addMonths(last, 3);
    case "annual":
      return addMonths(last, 12);
  }
}

export function detectRecurringStreams(p: Prepared, b: WindowBounds, config: EngineConfig): RecurringStream[] {
  const groups = new Map<string, PreparedTx[]>();
  for (const t of p.txs) {
    if (t.day < b.lookbackStart || t.day > b.end || t.amount_cents <= 0) continue;
    const account = p.accounts.get(t.account_id);
    if (!account || (account.type !== "depository" && account.type !== "credit")) continue;
    if (NEVER_STREAMS.has(t.pfc_primary) || t.pfc_detailed === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT") continue;
    if (t.merchant_kind && NOT_MERCHANT_KINDS.has(t.merchant_kind)) continue;
    const key = t.stream_key;
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }

  const rc = config.recurring;
  const streams: RecurringStream[] = [];
  for (const [key, txs] of groups) {
    if (txs.length < rc.minOccurrences) continue;
    const gaps = txs.slice(1).map((t, i) => t.day - txs[i].day);
    const steady = steadyCadence(gaps, config);
    if (!steady) continue;
    const { cadence, missed } = steady;
    const tol = rc.gapToleranceDays[cadence];
    // A lapsed stream (no charge for longer than its cadence allows) is no longer recurring.
    const nominal = rc.cadences[cadence][2];
    if (b.end - txs[txs.length - 1].day > nominal + tol) continue;

    const priceChanges: RecurringStream["price_changes"] = [];
    let price = txs[0].amount_cents;
    for (const t of txs.slice(1)) {
      if (Math.abs(t.amount_cents - price) > rc.amountTolerance * price) {
        priceChanges.push({ date: t.date, from_cents: price, to_cents: t.amount_cents });
        price = t.amount_cents;
      }
    }
    if (priceChanges.length > rc.maxPriceChanges) continue;
    const last = txs[txs.length - 1];
    const typical = last.amount_cents;
    streams.push({
      key,
      merchant: last.merchant_name ?? titleCase(key),
      class: classify(last),
      cadence,
      count: txs.length,
      typical_amount_cents: typical,
      monthly_cents: Math.round((typical * config.daysPerMonth) / nominal),
      first_date: txs[0].date,
      last_date: last.date,
      next_expected_date: isoFromDay(nextExpected(last.day, cadence)),
      price_changes: priceChanges,
      missed_occurrences: missed,
      account_id: last.account_id,
    });
  }
  // Largest first, then by key: output never depends on input order.
  return streams.sort((a, b) => b.monthly_cents - a.monthly_cents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}
