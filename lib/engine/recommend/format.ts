// How numbers read in rationales. Citations keep the raw signal value; these only render it.

/** $3,400 for whole-dollar-scale amounts, $15.49 below $100. */
export function money(cents: number): string {
  const abs = Math.abs(cents);
  const sign = cents < 0 ? "-" : "";
  if (abs >= 10000) return `${sign}$${thousands(Math.round(abs / 100))}`;
  return `${sign}$${(abs / 100).toFixed(2)}`;
}

/** $3,400.17: every cent, for staff pages and reports. */
export function exactMoney(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}$${thousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
}

export function percent(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "July 3" from 2026-07-03, without Date or locale data. */
export function monthDay(iso: string): string {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${months[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;
}

export function months(n: number): string {
  return `${n} ${n === 1 ? "month" : "months"}`;
}

/** 1234567 → "1,234,567" (toLocaleString is slow and locale-dependent). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
