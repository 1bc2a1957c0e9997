// A sole proprietor's business accounts: card payouts into business checking, business spend on
// a business card (software, shipping, supplies, ads) paid in full each month. Business accounts
// are excluded from every signal, so none of this may leak into personal accounts.
import { merchantNamed, type MerchantSeed } from "../merchants";
import { monthlyDays } from "../dates";
import { cents, type Household } from "./household";
import type { PaymentChannel } from "./ledger";

const SUPPLIES: ReadonlyArray<readonly [MerchantSeed, number, number, PaymentChannel]> = [
  [merchantNamed("Staples"), 64, 0.5, "in store"],
  [merchantNamed("FedEx"), 38, 0.6, "in store"],
  [merchantNamed("The UPS Store"), 27, 0.5, "in store"],
  [merchantNamed("Meta Ads"), 120, 0.6, "online"],
  [merchantNamed("Amazon"), 85, 0.7, "online"],
  [merchantNamed("The Home Depot"), 110, 0.6, "in store"],
];
const TOOLS: ReadonlyArray<readonly [MerchantSeed, number]> = [
  [merchantNamed("Google Workspace"), 1680],
  [merchantNamed("Zoom"), 1599],
  [merchantNamed("QuickBooks"), 3800],
];
/** Every merchant business spending uses (ground-truth events pick merchants outside it). */
export const BUSINESS_MERCHANTS: ReadonlySet<MerchantSeed> = new Set([...SUPPLIES.map((s) => s[0]), ...TOOLS.map((t) => t[0])]);

/** Business spend on the household's (business) card, or business checking when it has none. */
export function generateBusinessSpend(b: Household): void {
  const { rng, ledger } = b;
  const acct = b.cards[0] ?? b.checking;
  for (const [merchant, price] of rng.sample(TOOLS, rng.int(1, 3))) {
    for (const day of monthlyDays(b.start, b.end, rng.int(1, 28))) ledger.post(acct, day, price, merchant, { channel: "online" });
  }
  for (let day = b.start; day <= b.end; day++) {
    if (!rng.chance(0.12 * b.intensity)) continue;
    const [merchant, median, spread, channel] = rng.pick(SUPPLIES);
    ledger.purchase(rng.chance(0.85) ? acct : b.checking, day, cents(rng.around(median * b.scale, spread)), merchant, channel);
  }
}
