/** The value at fraction `p` (0–1) of an ascending list: the floor rank every bench figure uses. */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
