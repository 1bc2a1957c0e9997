// Money moving between the customer's own accounts: automatic transfers to savings (each a
// TRANSFER_OUT / TRANSFER_IN pair), monthly interest on high-yield balances, the odd top-up of
// checking from savings, and transfers out to a brokerage.
import { merchantNamed } from "../merchants";
import { dayFromParts, daysInMonth, monthlyDays, nextBusinessDay, partsFromDay, type Day } from "../dates";
import type { Household } from "./household";

const TO_SAVINGS = merchantNamed("Transfer to Savings");
const FROM_CHECKING = merchantNamed("Transfer from Checking");
const TO_CHECKING = merchantNamed("Transfer to Checking");
const FROM_SAVINGS = merchantNamed("Transfer from Savings");
const INTEREST_EARNED = merchantNamed("Interest Earned");
const INVESTMENT = merchantNamed("Investment Transfer");

/** One transfer between own accounts: out of `from`, into `to`, same day, same amount. */
function transferPair(h: Household, day: Day, cents: number, from: { acct: number; mask: string }, to: { acct: number; mask: string }, toSavings: boolean) {
  const out = toSavings ? TO_SAVINGS : TO_CHECKING;
  const inn = toSavings ? FROM_CHECKING : FROM_SAVINGS;
  h.ledger.post(from.acct, day, cents, out, { name: `${h.ledger.descriptor(out)} ...${to.mask}`, showMerchant: false });
  h.ledger.post(to.acct, day, -cents, inn, { name: `${h.ledger.descriptor(inn)} ...${from.mask}`, showMerchant: false });
}

/** Twice-monthly automatic transfers (1st and 15th, next business day), each at least $200. */
export function generateSavingsTransfers(h: Household, checkingMask: string, dest: { acct: number; mask: string }): void {
  const { rng } = h;
  const each = Math.max(200, Math.round(rng.around(260 * h.scale, 0.3) / 25) * 25) * 100;
  const days = [...monthlyDays(h.start, h.end, 1), ...monthlyDays(h.start, h.end, 15)].map(nextBusinessDay).sort((a, b) => a - b);
  for (const day of days) {
    if (day > h.end) continue;
    transferPair(h, day, each, { acct: h.checking, mask: checkingMask }, dest, true);
    // Now and then a windfall goes to savings too.
    if (rng.chance(0.06)) transferPair(h, day, Math.round(rng.range(3, 15)) * 10000, { acct: h.checking, mask: checkingMask }, dest, true);
  }
}

/**
 * Month-end interest on a savings balance that starts at `openingCents`, computed on the running
 * balance (so it compounds on the transfers above). Posts only the interest.
 */
export function generateInterest(h: Household, acct: number, openingCents: number, apyPct: number): void {
  const credits = h.ledger.txns.filter((t) => t.acct === acct).map((t) => ({ day: t.day, cents: t.cents }));
  credits.sort((a, b) => a.day - b.day);
  const { y, m } = partsFromDay(h.start);
  let balance = openingCents;
  let k = 0;
  for (let idx = y * 12 + m - 1; ; idx++) {
    const yy = Math.floor(idx / 12);
    const mm = (idx % 12) + 1;
    const monthEnd = dayFromParts(yy, mm, daysInMonth(yy, mm));
    if (monthEnd > h.end) break;
    while (k < credits.length && credits[k].day <= monthEnd) balance -= credits[k++].cents;
    const interest = Math.round((balance * apyPct) / 1200);
    if (interest > 0 && monthEnd >= h.start) {
      h.ledger.post(acct, monthEnd, -interest, INTEREST_EARNED, { showMerchant: false, authorized: false });
      balance += interest;
    }
  }
}

/** A few top-ups of checking from savings (customers who are not building savings). */
export function generateSavingsWithdrawals(h: Household, checkingMask: string, from: { acct: number; mask: string }, maxTotalCents: number): void {
  const { rng } = h;
  let left = maxTotalCents;
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const cents = Math.min(left, rng.int(2, 12) * 2500);
    if (cents <= 0) break;
    left -= cents;
    transferPair(h, rng.int(h.start, h.end - 3), cents, from, { acct: h.checking, mask: checkingMask }, false);
  }
}

/** A monthly contribution to an outside brokerage or retirement account. */
export function generateInvestmentTransfers(h: Household): void {
  const amount = Math.round(h.rng.around(400 * h.scale, 0.4) / 50) * 50 * 100;
  const dom = h.rng.int(1, 28);
  for (const day of monthlyDays(h.start, h.end, dom)) {
    const posted = nextBusinessDay(day);
    if (posted <= h.end && amount > 0) h.ledger.post(h.checking, posted, amount, INVESTMENT, { showMerchant: false });
  }
}
