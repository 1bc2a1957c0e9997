// Monthly bills paid by ACH from checking (phone and internet sometimes on a card): rent,
// electricity with a seasonal swing, internet, phone, car insurance, water.
import { merchantNamed, type MerchantSeed } from "../merchants";
import { monthlyDays, nextBusinessDay, partsFromDay } from "../dates";
import { cents, type Household } from "./household";

const RENT_PAYEES = ["AvalonBay Communities", "Greystar", "Equity Residential", "AppFolio", "Bilt Rent"].map(merchantNamed);
const POWER_BY_REGION = {
  Northeast: merchantNamed("Con Edison"),
  Midwest: merchantNamed("ComEd"),
  South: merchantNamed("Duke Energy"),
  West: merchantNamed("PG&E"),
} as const;
const INTERNET = ["Xfinity", "Spectrum"].map(merchantNamed);
const PHONE = ["Verizon", "AT&T", "T-Mobile"].map(merchantNamed);
const INSURERS = ["Geico", "State Farm", "Progressive"].map(merchantNamed);
const WATER = merchantNamed("American Water");

/** Electricity use by month: air conditioning in summer, heating in winter. */
const SEASON = [0, 1.25, 1.2, 1.05, 0.95, 0.9, 1.15, 1.4, 1.42, 1.15, 0.95, 1.0, 1.2];

function monthly(h: Household, dom: number, merchant: MerchantSeed, amount: (day: number) => number, acct = h.checking, channel: "other" | "online" = "other") {
  for (const due of monthlyDays(h.start, h.end, dom)) {
    const day = nextBusinessDay(due);
    if (day <= h.end) h.ledger.post(acct, day, amount(day), merchant, { channel });
  }
}

export interface BillOptions {
  /** Monthly mortgage payment in cents, paid instead of rent; null for renters. */
  mortgagePayment: { cents: number; servicer: MerchantSeed } | null;
}

export function generateBills(h: Household, opts: BillOptions): void {
  const { rng, scale } = h;
  const expensive = h.region === "Northeast" || h.region === "West" ? 1.25 : 1;

  if (opts.mortgagePayment) {
    const { cents: amount, servicer } = opts.mortgagePayment;
    monthly(h, 1, servicer, () => amount);
  } else {
    const rent = Math.round(rng.around(1450 * scale * expensive, 0.18)) * 100;
    const payee = rng.pick(RENT_PAYEES);
    monthly(h, rng.pick([1, 1, 1, 2, 3, 5]), payee, () => rent, h.checking, rng.chance(0.5) ? "online" : "other");
  }

  const power = POWER_BY_REGION[h.region];
  const powerBase = rng.around(92 * Math.sqrt(scale), 0.2);
  monthly(h, rng.int(8, 24), power, (day) => cents(powerBase * SEASON[partsFromDay(day).m] * rng.range(0.88, 1.12)));

  const internet = rng.pick(INTERNET);
  const internetCents = rng.pick([5500, 6000, 6500, 7000, 7999, 8500, 9500]);
  const card = h.cards.length > 0 && rng.chance(0.3) ? h.cards[0] : h.checking;
  monthly(h, rng.int(3, 27), internet, () => internetCents, card, card === h.checking ? "other" : "online");

  const phone = rng.pick(PHONE);
  const phoneCents = rng.pick([4500, 6000, 7000, 8500, 9000, 12000, 14000, 16000]) + rng.pick([0, 0, 99, 137, 255]);
  monthly(h, rng.int(3, 27), phone, () => phoneCents, card, card === h.checking ? "other" : "online");

  if (h.carOwner) {
    const insurer = rng.pick(INSURERS);
    const premium = cents(rng.around(135 * Math.sqrt(scale), 0.25));
    monthly(h, rng.int(1, 28), insurer, () => premium);
  }
  if (opts.mortgagePayment) {
    const waterBase = rng.around(48, 0.2);
    monthly(h, rng.int(10, 25), WATER, () => cents(waterBase * rng.range(0.85, 1.2)));
  }
}
