// Money keeps its currency (SPEC §2.2, issue 12). The engine never adds amounts in different
// currencies: it computes in the customer's main currency and reports what it left out.
import type { EngineAccount, EngineTransaction } from "./types";

/** The currency of money that names none: the generator's data and Plaid's sandbox default. */
export const DEFAULT_CURRENCY = "USD";

/** Markets a partner offer can serve, and the currency its customers' money is in. */
export const MARKET_CURRENCIES = { US: "USD", CA: "CAD", GB: "GBP", IE: "EUR" } as const;
export type Market = keyof typeof MARKET_CURRENCIES;
/** Where an offer that names no market is sold: the seed catalog's partners are US products. */
export const DEFAULT_MARKETS: readonly Market[] = ["US"];

/** Money in a currency other than the customer's main one: counted, never summed with it. */
export interface ExcludedCurrency {
  currency: string;
  accounts: number;
  transactions: number;
  /** Sum of the left-out transactions' absolute amounts, in that currency's cents. */
  amount_cents: number;
}

export const currencyOf = (x: { currency?: string }): string => x.currency ?? DEFAULT_CURRENCY;

/** A stored row's currency: Plaid's unofficial code when it gave one, else the ISO code. */
export const storedCurrency = (r: { iso_currency_code: string; unofficial_currency_code: string | null }): string => r.unofficial_currency_code ?? r.iso_currency_code;

/**
 * The customer's main currency: the one most of their money moved in (sum of absolute
 * transaction amounts), else the one most of their accounts are held in, else USD. Ties go to
 * the alphabetically first code, so the answer never depends on input order.
 */
export function mainCurrency(accounts: readonly EngineAccount[], txs: readonly EngineTransaction[]): string {
  const weigh = (items: Iterable<[string, number]>) => {
    const totals = new Map<string, number>();
    for (const [c, w] of items) totals.set(c, (totals.get(c) ?? 0) + w);
    return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  };
  return weigh(txs.map((t) => [currencyOf(t), Math.abs(t.amount_cents)])) ?? weigh(accounts.map((a) => [currencyOf(a), 1])) ?? DEFAULT_CURRENCY;
}

/** What keeping only `main` leaves out, per currency (sorted by code). */
export function excludedCurrencies(main: string, accounts: readonly EngineAccount[], txs: readonly EngineTransaction[], keptAccounts: ReadonlySet<string>): ExcludedCurrency[] {
  const out = new Map<string, ExcludedCurrency>();
  const entry = (currency: string) => out.get(currency) ?? out.set(currency, { currency, accounts: 0, transactions: 0, amount_cents: 0 }).get(currency)!;
  for (const a of accounts) if (currencyOf(a) !== main) entry(currencyOf(a)).accounts++;
  for (const t of txs) {
    if (currencyOf(t) === main && keptAccounts.has(t.account_id)) continue;
    // A main-currency transaction on a foreign account is left out with that account.
    const e = entry(currencyOf(t) === main ? (accounts.find((a) => a.account_id === t.account_id)?.currency ?? main) : currencyOf(t));
    e.transactions++;
    e.amount_cents += Math.abs(t.amount_cents);
  }
  return [...out.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
