// Everything the signal detectors share for one customer: personal accounts only (business
// accounts never count), settled transactions only (pending never count), up to asOf.
import { dayFromIso, type Day } from "../../data/dates";
import { normaliseMerchant } from "../../data/merchant-normalise";
import type { EngineConfig } from "../config";
import { currencyOf, excludedCurrencies, mainCurrency, type ExcludedCurrency } from "../currency";
import type { CustomerInput, EngineAccount, EngineCreditLiability, EngineTransaction, WindowId } from "../types";

export interface PreparedTx extends EngineTransaction {
  day: Day;
  /** Merchant grouping key for outflows ("" for inflows): entity id, else the normalised name. */
  stream_key: string;
}

export interface Prepared {
  asOf: Day;
  /** Every amount below is in this currency (the customer's main one); the rest is in `excluded`. */
  currency: string;
  excluded: ExcludedCurrency[];
  accounts: Map<string, EngineAccount>;
  /** Settled transactions on personal accounts, oldest first (then by id), none after asOf. */
  txs: PreparedTx[];
  /**
   * First day of the customer's continuous history: the latest run of settled activity with no
   * quiet stretch longer than config.history.maxQuietDays (null without any transaction). An old
   * line before such a stretch is kept as a transaction but does not make the months after it covered.
   */
  firstDay: Day | null;
  credit: Map<string, EngineCreditLiability>;
}

export function prepare(input: CustomerInput, asOf: string, config: EngineConfig): Prepared {
  const asOfDay = dayFromIso(asOf);
  const personal = input.accounts.filter((a) => a.holder_category !== "business");
  const personalIds = new Set(personal.map((a) => a.account_id));
  // ISO dates compare as strings: each is parsed once, below.
  const settled = input.transactions.filter((t) => !t.pending && personalIds.has(t.account_id) && t.date <= asOf);
  // Amounts in different currencies are never added: keep the main one, report the rest.
  const currency = mainCurrency(personal, settled);
  const accounts = new Map(personal.filter((a) => currencyOf(a) === currency).map((a) => [a.account_id, a]));
  const excluded = excludedCurrencies(currency, personal, settled, new Set(accounts.keys()));
  const txs: PreparedTx[] = [];
  const keys = new Map<string, string>(); // the same descriptors repeat: normalise each once
  for (const t of settled) {
    if (!accounts.has(t.account_id) || currencyOf(t) !== currency) continue;
    const day = dayFromIso(t.date);
    // Built field by field: one object shape for every transaction keeps the detectors fast.
    txs.push({
      transaction_id: t.transaction_id,
      account_id: t.account_id,
      date: t.date,
      amount_cents: t.amount_cents,
      name: t.name,
      merchant_name: t.merchant_name,
      merchant_entity_id: t.merchant_entity_id,
      merchant_kind: t.merchant_kind,
      pfc_primary: t.pfc_primary,
      pfc_detailed: t.pfc_detailed,
      pending: t.pending,
      day,
      stream_key: t.amount_cents > 0 ? streamKey(t, keys) : "",
    });
  }
  // Services load in this order already; sorting only when needed keeps output order-independent.
  const before = (a: PreparedTx, b: PreparedTx) => a.day - b.day || (a.transaction_id < b.transaction_id ? -1 : a.transaction_id > b.transaction_id ? 1 : 0);
  if (txs.some((t, i) => i > 0 && before(txs[i - 1], t) > 0)) txs.sort(before);
  return {
    asOf: asOfDay,
    currency,
    excluded,
    accounts,
    txs,
    firstDay: continuousStart(txs, config.history.maxQuietDays),
    credit: new Map(input.credit.filter((c) => accounts.has(c.account_id)).map((c) => [c.account_id, c])),
  };
}

/** First day of the latest run of days with no gap between consecutive transactions longer than maxQuietDays. */
export function continuousStart(txs: readonly { day: Day }[], maxQuietDays: number): Day | null {
  if (!txs.length) return null;
  let start = txs[txs.length - 1].day;
  for (let i = txs.length - 1; i > 0 && start - txs[i - 1].day <= maxQuietDays; i--) start = txs[i - 1].day;
  return start;
}

export function streamKey(t: Pick<EngineTransaction, "merchant_entity_id" | "merchant_name" | "name">, memo?: Map<string, string>): string {
  if (t.merchant_entity_id) return `entity:${t.merchant_entity_id}`;
  const raw = t.merchant_name ?? t.name;
  let key = memo?.get(raw);
  if (key === undefined) {
    key = normaliseMerchant(raw);
    memo?.set(raw, key);
  }
  return key;
}

export interface WindowBounds {
  window: WindowId;
  start: Day;
  lookbackStart: Day;
  end: Day;
  days: number;
  /** Days of the window the customer's history covers. */
  coveredDays: number;
  lookbackDays: number;
  /** Days of the lookback the history covers. */
  lookbackCoveredDays: number;
}

export function windowBounds(p: Prepared, window: WindowId, config: EngineConfig): WindowBounds {
  const w = config.windows[window];
  const history = historyDays(p);
  // A customer with less history than the window is not averaged over days they had no account.
  return {
    window,
    start: p.asOf - w.days + 1,
    lookbackStart: p.asOf - w.lookbackDays + 1,
    end: p.asOf,
    days: w.days,
    coveredDays: Math.min(w.days, history),
    lookbackDays: w.lookbackDays,
    lookbackCoveredDays: Math.min(w.lookbackDays, history),
  };
}

/** Days from the start of the continuous history (Prepared.firstDay) to asOf, inclusive (0 without any). */
export function historyDays(p: Prepared): number {
  return p.firstDay === null ? 0 : p.asOf - p.firstDay + 1;
}

/**
 * A total expressed per month over the days it covers, or null when they are too few to make
 * a month of (config.perMonth): one day of data is never scaled up to a month.
 */
export function perMonth(total: number, coveredDays: number, config: EngineConfig): number | null {
  if (coveredDays < config.perMonth.minCoveredDays) return null;
  return Math.round((total * 30) / coveredDays);
}

export function inRange(t: PreparedTx, from: Day, to: Day): boolean {
  return t.day >= from && t.day <= to;
}


/** Money leaving the customer that is spending: not own-account transfers, not card payments. */
export function isSpend(t: PreparedTx, account: EngineAccount | undefined): boolean {
  if (t.amount_cents <= 0 || !account) return false;
  if (account.type !== "depository" && account.type !== "credit") return false;
  if (t.pfc_primary === "TRANSFER_IN" || t.pfc_primary === "INCOME") return false;
  if (t.pfc_primary === "TRANSFER_OUT" && t.pfc_detailed !== "TRANSFER_OUT_WITHDRAWAL") return false; // cash withdrawals are spending
  if (t.pfc_detailed === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT") return false;
  return true;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Coefficient of variation (population), null for fewer than two values or a zero mean. */
export function coefficientOfVariation(values: number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / Math.abs(mean);
}
