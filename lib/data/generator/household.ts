// What every spending/income module needs to know about one customer's household.
import type { Day } from "../dates";
import type { Region } from "./demographics";
import type { Ledger } from "./ledger";
import type { Rng } from "./prng";

export interface Household {
  ledger: Ledger;
  rng: Rng;
  /** First and last day of history (inclusive). */
  start: Day;
  end: Day;
  region: Region;
  /** Spending level relative to the middle tier (0.6 … 1.8). */
  scale: number;
  /** How often everyday purchases happen, relative to typical (thin files and cash users < 1). */
  intensity: number;
  carOwner: boolean;
  checking: number;
  /** Personal cards, primary first. */
  cards: number[];
  /** Share of card-or-debit purchases that go on the primary card. */
  cardShare: number;
}

/** The account a card-or-debit purchase lands on. */
export function payingAccount(h: Household): number {
  if (h.cards.length === 0) return h.checking;
  const r = h.rng.next();
  if (r < h.cardShare) return h.cards[0];
  if (h.cards.length > 1 && r < h.cardShare + 0.12) return h.cards[1];
  return h.checking;
}

/** Cents from dollars-as-a-real, rounded half away from zero. */
export function cents(amountDollars: number): number {
  return Math.max(1, Math.round(amountDollars * 100));
}
