// Money is integer cents inside the generator; it becomes Plaid dollars only when emitted.

/** Cents → dollars with at most two decimals (exact for any whole number of cents). */
export function dollars(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  return cents / 100;
}

/** Dollars (any real) → cents, rounding half away from zero. */
export function toCents(amount: number): number {
  const c = Math.abs(amount) * 100;
  const r = Math.floor(c + 0.5 + 1e-9);
  return amount < 0 ? -r : r;
}

/** Whole dollars, for amounts people type (card payments, transfers). */
export function roundToDollars(cents: number): number {
  return Math.sign(cents) * Math.round(Math.abs(cents) / 100) * 100;
}

/** Plaid dollars → "1234.50": always two decimals, no grouping, locale-independent. */
export function formatDollars(amount: number): string {
  const cents = Math.round(amount * 100);
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${frac < 10 ? "0" : ""}${frac}`;
}
