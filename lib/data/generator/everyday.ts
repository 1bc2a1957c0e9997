// Everyday card and debit purchases with a weekly rhythm: a main grocery day, weekday coffee,
// weekend dining, fuel every week or so, online orders, and the odd errand. Amounts vary from
// visit to visit, so none of this looks like a subscription.
import { merchantNamed, type MerchantSeed } from "../merchants";
import { weekday, type Day } from "../dates";
import { cents, payingAccount, type Household } from "./household";
import type { PaymentChannel } from "./ledger";

const list = (...names: string[]) => names.map(merchantNamed);

const GROCERS_BY_REGION = {
  Northeast: list("Whole Foods Market", "Trader Joe's", "Aldi", "Safeway"),
  Midwest: list("Kroger", "Aldi", "Whole Foods Market", "Trader Joe's"),
  South: list("Publix", "H-E-B", "Kroger", "Aldi", "Whole Foods Market"),
  West: list("Safeway", "Trader Joe's", "Whole Foods Market", "Kroger"),
} as const;
const COFFEE = list("Starbucks", "Dunkin'", "Peet's Coffee", "Blue Bottle Coffee");
const FAST_FOOD = list("Chipotle", "McDonald's", "Chick-fil-A", "Taco Bell", "Subway");
const RESTAURANTS = list("Sweetgreen", "Olive Garden", "The Cheesecake Factory", "Applebee's", "Shake Shack");
const DELIVERY = list("DoorDash", "Uber Eats", "Grubhub");
const GAS = list("Shell", "Chevron", "ExxonMobil");
const SUPERSTORES = list("Target", "Walmart");
const RIDES = list("Uber", "Lyft");
const PHARMACIES = list("CVS Pharmacy", "Walgreens");
const AMAZON = merchantNamed("Amazon");
const COSTCO = merchantNamed("Costco");
const TRANSIT = { Northeast: merchantNamed("MTA"), West: merchantNamed("Clipper") } as const;

/** Occasional errands: merchant, median dollars, spread, channel. */
const ERRANDS: ReadonlyArray<readonly [MerchantSeed, number, number, PaymentChannel]> = [
  [merchantNamed("The Home Depot"), 48, 0.6, "in store"],
  [merchantNamed("Lowe's"), 52, 0.6, "in store"],
  [merchantNamed("Best Buy"), 85, 0.7, "in store"],
  [merchantNamed("TJ Maxx"), 42, 0.5, "in store"],
  [merchantNamed("Old Navy"), 38, 0.5, "in store"],
  [merchantNamed("Nike"), 72, 0.4, "online"],
  [merchantNamed("Ulta Beauty"), 34, 0.5, "in store"],
  [merchantNamed("Great Clips"), 24, 0.15, "in store"],
  [merchantNamed("AMC Theatres"), 31, 0.35, "online"],
  [merchantNamed("7-Eleven"), 9, 0.5, "in store"],
  [merchantNamed("Total Wine & More"), 36, 0.5, "in store"],
  [merchantNamed("ParkMobile"), 8, 0.5, "online"],
];
const PET_STORES = list("Chewy", "Petco");

export function generateEveryday(h: Household): void {
  const { rng, ledger, scale } = h;
  const k = h.intensity;
  const grocers = rng.sample(GROCERS_BY_REGION[h.region], rng.chance(0.4) ? 2 : 1);
  const groceryDow = rng.weighted<number>([
    [6, 0.35],
    [0, 0.3],
    [5, 0.15],
    [3, 0.1],
    [1, 0.1],
  ]);
  const costco = rng.chance(0.3);
  const coffee = rng.pick(COFFEE);
  const coffeeHabit = rng.weighted<number>([
    [0, 0.25],
    [0.12, 0.3],
    [0.3, 0.3],
    [0.55, 0.15],
  ]);
  const fastFood = rng.sample(FAST_FOOD, 2);
  const restaurants = rng.sample(RESTAURANTS, 2);
  const delivery = rng.pick(DELIVERY);
  const deliveryHabit = rng.weighted<number>([
    [0, 0.35],
    [0.03, 0.4],
    [0.08, 0.25],
  ]);
  const gas = rng.pick(GAS);
  const gasEvery = rng.int(6, 11);
  const superstore = rng.pick(SUPERSTORES);
  const ride = rng.pick(RIDES);
  const pharmacy = rng.pick(PHARMACIES);
  const transit = !h.carOwner && (h.region === "Northeast" || h.region === "West") ? TRANSIT[h.region] : null;
  const pet = rng.chance(0.35) ? rng.pick(PET_STORES) : null;
  let nextGas = h.start + rng.int(0, gasEvery);

  const buy = (day: Day, dollars: number, merchant: MerchantSeed, channel: PaymentChannel = "in store") =>
    ledger.purchase(payingAccount(h), day, cents(dollars), merchant, channel);

  for (let day = h.start; day <= h.end; day++) {
    const dow = weekday(day);
    const weekend = dow === 0 || dow === 6;

    if (dow === groceryDow ? rng.chance(0.88 * Math.min(1, k + 0.2)) : rng.chance(0.05 * k)) {
      const big = dow === groceryDow;
      buy(day, rng.around(big ? 92 * scale : 26, big ? 0.3 : 0.4), rng.pick(grocers));
    }
    if (costco && dow === 0 && rng.chance(0.22 * k)) buy(day, rng.around(165 * scale, 0.3), COSTCO);
    if (coffeeHabit > 0 && rng.chance(coffeeHabit * (weekend ? 0.5 : 1) * k)) buy(day, rng.around(6.1, 0.22), coffee);
    if (rng.chance((weekend ? 0.05 : 0.07) * k)) buy(day, rng.around(12, 0.28), rng.pick(fastFood));
    const dineOut = dow === 5 ? 0.28 : dow === 6 ? 0.32 : dow === 0 ? 0.18 : 0.04;
    if (rng.chance(dineOut * k)) buy(day, rng.around(46 * scale, 0.38), rng.pick(restaurants));
    if (deliveryHabit > 0 && rng.chance(deliveryHabit * (weekend ? 1.5 : 1) * k)) buy(day, rng.around(33, 0.3), delivery, "online");
    if (h.carOwner && day >= nextGas) {
      if (rng.chance(Math.min(1, k + 0.3))) buy(day, rng.around(46, 0.22), gas);
      nextGas = day + gasEvery + rng.int(-2, 2);
    }
    if (rng.chance((weekend ? 0.1 : 0.05) * k)) buy(day, rng.around(52 * scale, 0.55), superstore);
    if (rng.chance(0.09 * k)) buy(day, rng.around(34 * scale, 0.65), AMAZON, "online");
    if (rng.chance(0.025 * k)) buy(day, rng.around(17, 0.55), pharmacy);
    if (rng.chance((h.carOwner ? 0.015 : weekend ? 0.14 : 0.06) * k)) buy(day, rng.around(19, 0.45), ride, "online");
    if (transit && !weekend && rng.chance(0.22 * k)) buy(day, rng.chance(0.8) ? 2.9 : 34, transit, "online");
    if (pet && rng.chance(0.03 * k)) buy(day, rng.around(41, 0.4), pet, pet.canonical_name === "Chewy" ? "online" : "in store");
    if (rng.chance(0.04 * k)) {
      const [merchant, median, spread, channel] = rng.pick(ERRANDS);
      buy(day, rng.around(median * Math.sqrt(scale), spread), merchant, channel);
    }
  }
}
