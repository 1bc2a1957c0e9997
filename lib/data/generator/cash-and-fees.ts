// Cash withdrawals, ATM fees and the fees that define the Fee Fighter: overdraft and
// insufficient-funds items on checking, spread over every month of history with at least two
// in the last 30 days, plus a monthly service fee for some.
import { merchantNamed } from "../merchants";
import { monthlyDays, weekday } from "../dates";
import type { Household } from "./household";

const ATM = merchantNamed("ATM Withdrawal");
const ATM_FEE = merchantNamed("ATM Fee");
const OVERDRAFT = merchantNamed("Overdraft Fee");
const NSF = merchantNamed("Insufficient Funds Fee");
const SERVICE_FEE = merchantNamed("Monthly Service Fee");

/** ATM withdrawals in multiples of $20; cash-heavy customers several times a week. */
export function generateCash(h: Household, heavy: boolean): void {
  const { rng, ledger } = h;
  const perDay = heavy ? rng.range(0.25, 0.45) : rng.chance(0.45) ? rng.range(0.01, 0.04) : 0;
  if (perDay === 0) return;
  const feeShare = heavy ? rng.range(0.2, 0.6) : rng.range(0, 0.3);
  const feeCents = rng.pick([250, 300, 350, 375]);
  for (let day = h.start; day <= h.end; day++) {
    const boost = weekday(day) === 5 || weekday(day) === 6 ? 1.5 : 1;
    if (!rng.chance(perDay * boost)) continue;
    const twenties = heavy ? rng.int(3, 15) : rng.int(2, 8);
    ledger.post(h.checking, day, twenties * 2000, ATM, { showMerchant: false, authorized: true });
    if (rng.chance(feeShare)) ledger.post(h.checking, day, feeCents, ATM_FEE, { showMerchant: false, authorized: false });
  }
}

/** Overdraft / NSF fees: 0–3 in each earlier 30-day span, 2–3 in the latest one. */
export function generateOverdraftFees(h: Household): void {
  const { rng, ledger } = h;
  const fee = rng.pick([3300, 3400, 3500, 3600]);
  const nsfShare = rng.range(0.1, 0.45);
  for (let spanEnd = h.end, span = 0; spanEnd >= h.start; spanEnd -= 30, span++) {
    const count =
      span === 0
        ? rng.int(2, 3)
        : rng.weighted<number>([
            [0, 0.15],
            [1, 0.4],
            [2, 0.35],
            [3, 0.1],
          ]);
    // Keep the latest span's fees clear of the window edges (and of pending days).
    const lo = Math.max(h.start, span === 0 ? spanEnd - 26 : spanEnd - 29);
    const hi = span === 0 ? spanEnd - 3 : spanEnd;
    if (hi < lo) continue;
    for (let i = 0; i < count; i++) {
      const day = rng.int(lo, hi);
      ledger.post(h.checking, day, fee, rng.chance(nsfShare) ? NSF : OVERDRAFT, { showMerchant: false, authorized: false });
    }
  }
}

/** A monthly maintenance fee when the balance dips below the bank's minimum. */
export function generateServiceFees(h: Household): void {
  const dom = h.rng.int(1, 28);
  const fee = h.rng.pick([500, 1200, 1500]);
  for (const day of monthlyDays(h.start, h.end, dom)) {
    if (h.rng.chance(0.7)) h.ledger.post(h.checking, day, fee, SERVICE_FEE, { showMerchant: false, authorized: false });
  }
}
