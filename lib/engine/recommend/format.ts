// How numbers read in rationales. Citations keep the raw signal value; these only render it.
import { DEFAULT_CURRENCY } from "../currency";

/** Symbols for the currencies whose customers read them unambiguously; others show their code. */
const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };

/** $3,400 for whole-unit-scale amounts, $15.49 below 100; €3,400, CAD 3,400, BTC 0.12 in other currencies. */
export function money(cents: number, currency = DEFAULT_CURRENCY): string {
  const abs = Math.abs(cents);
  const sign = cents < 0 ? "-" : "";
  const unit = SYMBOLS[currency] ?? `${currency} `;
  if (abs >= 10000) return `${sign}${unit}${thousands(Math.round(abs / 100))}`;
  return `${sign}${unit}${(abs / 100).toFixed(2)}`;
}

/** $3,400.17 (€3,400.17 …): every cent, in its currency, for staff pages and reports. */
export function exactMoney(cents: number, currency = DEFAULT_CURRENCY): string {
  const abs = Math.abs(cents);
  const unit = SYMBOLS[currency] ?? `${currency} `;
  return `${cents < 0 ? "-" : ""}${unit}${thousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
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
