// Customer profiles and how they are dealt out. Customers come in blocks of 20; each block holds
// a fixed mix of profiles (and of extra accounts, business holders and one non-consenting
// customer) in a seeded order, so any 100 customers contain every profile several times and the
// draw for customer i depends only on (seed, i).
import { Rng } from "./prng";

export const PERSONA_IDS = ["high_utilization", "variable_income", "fee_fighter", "subscription_heavy", "savings_builder"] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];
export type IntendedPersona = PersonaId | "none" | "insufficient_data";

/** The behaviours a profile switches on; the intended persona follows from them by priority. */
export interface Traits {
  highUtilization: boolean;
  variableIncome: boolean;
  fees: boolean;
  subscriptionHeavy: boolean;
  saver: boolean;
  thinFile: boolean;
  gig: boolean;
  cashHeavy: boolean;
}

export const PROFILES = {
  high_utilization: { highUtilization: true },
  variable_income: { variableIncome: true },
  fee_fighter: { fees: true },
  subscription_heavy: { subscriptionHeavy: true },
  savings_builder: { saver: true },
  mixed_utilization_subscriptions: { highUtilization: true, subscriptionHeavy: true },
  mixed_variable_income_fees: { variableIncome: true, fees: true },
  mixed_subscriptions_savings: { subscriptionHeavy: true, saver: true },
  thin_file: { thinFile: true },
  gig_worker: { gig: true },
  cash_heavy: { cashHeavy: true },
  healthy: {},
} as const satisfies Record<string, Partial<Traits>>;

export type ProfileName = keyof typeof PROFILES;
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export const BLOCK_SIZE = 20;

/** How many of each profile one block of 20 customers holds. */
const PROFILE_MIX: ReadonlyArray<readonly [ProfileName, number]> = [
  ["high_utilization", 2],
  ["variable_income", 2],
  ["fee_fighter", 2],
  ["subscription_heavy", 2],
  ["savings_builder", 2],
  ["mixed_utilization_subscriptions", 1],
  ["mixed_variable_income_fees", 1],
  ["mixed_subscriptions_savings", 1],
  ["thin_file", 1],
  ["gig_worker", 2],
  ["cash_heavy", 1],
  ["healthy", 3],
];

/** Extra account each customer of a block holds besides checking (and savings/cards by profile). */
export type ExtraAccount = "mortgage" | "student" | "hsa" | "money market" | "cash management" | "business" | "none";

const EXTRA_MIX: ReadonlyArray<readonly [ExtraAccount, number]> = [
  ["mortgage", 3],
  ["student", 4],
  ["hsa", 3],
  ["money market", 2],
  ["cash management", 2],
  ["business", 1],
  ["none", 5],
];

function expand<T>(mix: ReadonlyArray<readonly [T, number]>): T[] {
  const out: T[] = [];
  for (const [item, n] of mix) for (let i = 0; i < n; i++) out.push(item);
  if (out.length !== BLOCK_SIZE) throw new Error(`a block mix must have ${BLOCK_SIZE} entries, has ${out.length}`);
  return out;
}

const PROFILE_SLOTS = expand(PROFILE_MIX);
const EXTRA_SLOTS = expand(EXTRA_MIX);

export interface CustomerDraw {
  profile: ProfileName;
  traits: Traits;
  extra: ExtraAccount;
  consent: boolean;
  intendedPersona: IntendedPersona;
}

/**
 * Sprinkles optional traits on profiles that allow them (a gig worker who also pays fees), so
 * labels are not a pure function of the profile name. Never applied to target profiles.
 */
function optionalTraits(profile: ProfileName, rng: Rng): Partial<Traits> {
  if (profile === "gig_worker") return rng.chance(0.3) ? { fees: true } : {};
  if (profile === "cash_heavy") return rng.chance(0.2) ? { fees: true } : {};
  return {};
}

export function intendedPersonaOf(t: Traits): IntendedPersona {
  if (t.thinFile) return "insufficient_data";
  if (t.highUtilization) return "high_utilization";
  if (t.variableIncome) return "variable_income";
  if (t.fees) return "fee_fighter";
  if (t.subscriptionHeavy) return "subscription_heavy";
  if (t.saver) return "savings_builder";
  return "none";
}

/** The profile, traits, extra account and consent of customer `index` (0-based). */
export function drawCustomer(seed: number, index: number): CustomerDraw {
  const block = Math.floor(index / BLOCK_SIZE);
  const pos = index - block * BLOCK_SIZE;
  const blockRng = Rng.for(seed, block, "block");
  const profiles = blockRng.shuffled(PROFILE_SLOTS);
  const extras = blockRng.shuffled(EXTRA_SLOTS);
  const noConsentPos = blockRng.int(0, BLOCK_SIZE - 1);

  const profile = profiles[pos];
  const rng = Rng.for(seed, index, "traits");
  const traits: Traits = {
    highUtilization: false,
    variableIncome: false,
    fees: false,
    subscriptionHeavy: false,
    saver: false,
    thinFile: false,
    gig: false,
    cashHeavy: false,
    ...PROFILES[profile],
    ...optionalTraits(profile, rng),
  };
  return { profile, traits, extra: extras[pos], consent: pos !== noConsentPos, intendedPersona: intendedPersonaOf(traits) };
}
