// Subscriptions: real services at their list prices, charged on a fixed day each month, with the
// occasional price rise (Netflix 15.49 → 17.99). Subscription-heavy customers hold several, the
// rest at most two, so the persona stays a property of the profile.
import { merchantNamed, type MerchantSeed } from "../merchants";
import { monthlyDays, partsFromDay } from "../dates";
import type { Household } from "./household";
import type { DraftTxn } from "./ledger";

export interface Offer {
  merchant: MerchantSeed;
  cents: number;
  /** The price before the most recent rise, if the service had one. */
  previousCents: number | null;
  popular: boolean;
}

const offer = (name: string, cents: number, previousCents: number | null, popular = false): Offer => ({
  merchant: merchantNamed(name),
  cents,
  previousCents,
  popular,
});

const OFFERS: readonly Offer[] = [
  offer("Netflix", 1799, 1549, true),
  offer("Hulu", 1199, 999, true),
  offer("Disney+", 1599, 1399, true),
  offer("HBO Max", 1699, null),
  offer("YouTube Premium", 1399, 1199, true),
  offer("Paramount+", 799, 599),
  offer("Spotify", 1199, 1099, true),
  offer("Audible", 1495, null),
  offer("Amazon Prime", 1499, 1299, true),
  offer("Adobe", 1999, 1499),
  offer("Microsoft 365", 999, 699),
  offer("Dropbox", 1199, 999),
  offer("Apple iCloud", 299, null, true),
  offer("Google One", 999, null),
  offer("OpenAI ChatGPT", 2000, null),
  offer("The New York Times", 2500, 1700),
  offer("The Wall Street Journal", 3899, null),
  offer("Planet Fitness", 1500, 1000, true),
  offer("Peloton", 4400, 3900),
  offer("Xbox Game Pass", 1999, 1699),
  offer("PlayStation Plus", 999, null),
  offer("Headspace", 1299, null),
  offer("Duolingo", 1299, null),
];
/** The catalog of services (new subscriptions injected as ground truth are drawn from it). */
export const SUBSCRIPTION_OFFERS: readonly Offer[] = OFFERS;
const POPULAR = OFFERS.filter((o) => o.popular);

export interface SubscriptionPlan {
  heavy: boolean;
}

/**
 * A billing day that fell in the last 26 days before asOf, so any 90-day lookback ending at asOf
 * holds three monthly charges (a charge on the 1st can leave only two in a 90-day window).
 */
function recentDayOfMonth(h: Household): number {
  for (;;) {
    const { d } = partsFromDay(h.end - h.rng.int(0, 25));
    if (d <= 28) return d;
  }
}

/** The charges at the new price of the subscription whose price rose, if one did (ground truth). */
export function generateSubscriptions(h: Household, plan: SubscriptionPlan): DraftTxn[] {
  const { rng, ledger } = h;
  let chosen: Offer[];
  let priceRise: Offer | null = null;
  if (plan.heavy) {
    // At least three steady subscriptions worth ≥ $55 a month, whatever happens to a fourth.
    const pool = rng.shuffled(OFFERS);
    chosen = pool.slice(0, rng.int(4, 7));
    const steadySum = () => chosen.slice(1).reduce((s, o) => s + o.cents, 0);
    let next = chosen.length;
    while ((chosen.length < 4 || steadySum() < 5500) && next < pool.length) chosen.push(pool[next++]);
    if (chosen[0].previousCents !== null && rng.chance(0.5)) priceRise = chosen[0];
  } else {
    const count = rng.weighted<number>([
      [0, 0.25],
      [1, 0.4],
      [2, 0.35],
    ]);
    chosen = rng.sample(POPULAR, count);
    if (chosen.length > 0 && chosen[0].previousCents !== null && rng.chance(0.1)) priceRise = chosen[0];
  }

  const onCard = h.cards.length > 0 && rng.chance(0.85);
  const riseDay = h.end - rng.int(40, 120);
  const raised: DraftTxn[] = [];
  let oldPriced = 0;
  for (const o of chosen) {
    const acct = onCard ? h.cards[0] : h.checking;
    const dom = plan.heavy ? recentDayOfMonth(h) : rng.int(1, 28);
    for (const day of monthlyDays(h.start, h.end, dom)) {
      const price = o === priceRise && day < riseDay && o.previousCents !== null ? o.previousCents : o.cents;
      const before = ledger.txns.length;
      ledger.post(acct, day, price, o.merchant, { channel: "online" });
      if (o !== priceRise || ledger.txns.length === before) continue;
      if (price === o.cents) raised.push(ledger.txns[before]);
      else oldPriced++;
    }
  }
  // A rise before the first charge of history is invisible: no earlier price to compare with.
  return oldPriced > 0 ? raised : [];
}
