// Rates are stored rounded to 4 decimals so the metrics document is byte-for-byte stable.
export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** numerator ÷ denominator, rounded; null when there is nothing to divide by. */
export const rate = (numerator: number, denominator: number): number | null => (denominator > 0 ? round(numerator / denominator) : null);

/** Counts of each key, in the order the keys are given. */
export function tally<K extends string>(keys: readonly K[], values: Iterable<K>): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
}
