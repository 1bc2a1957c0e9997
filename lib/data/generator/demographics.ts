// Synthetic names and demographics (for fairness checks). Names come from a Faker instance
// re-seeded per customer, so a name depends only on (seed, customer index).
import { Faker, base, en, en_US } from "@faker-js/faker";
import { hashParts, type Rng } from "./prng";
import type { ExtraAccount, ProfileName } from "./profiles";

export const AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const;
export const GENDERS = ["female", "male", "nonbinary"] as const;
export const REGIONS = ["Northeast", "Midwest", "South", "West"] as const;
export const INCOME_TIERS = ["low", "lower_middle", "middle", "upper_middle", "high"] as const;

export type AgeBand = (typeof AGE_BANDS)[number];
export type Gender = (typeof GENDERS)[number];
export type Region = (typeof REGIONS)[number];
export type IncomeTier = (typeof INCOME_TIERS)[number];

export interface Demographics {
  name: string;
  ageBand: AgeBand;
  gender: Gender;
  region: Region;
  creditScore: number | null;
}

let faker: Faker | null = null;
function fakerFor(seed: number, index: number): Faker {
  faker ??= new Faker({ locale: [en_US, en, base] });
  faker.seed([hashParts(seed, "faker"), index]);
  return faker;
}

const AGE_WEIGHTS: Partial<Record<ProfileName, readonly number[]>> = {
  thin_file: [5, 4, 1, 0.5, 0.3, 0.2],
  gig_worker: [3, 4, 2, 1, 0.5, 0.2],
  savings_builder: [0.5, 2, 3, 3, 2, 1.5],
  mixed_subscriptions_savings: [0.5, 2, 3, 3, 2, 1.5],
};
const DEFAULT_AGE_WEIGHTS = [1.5, 3, 3, 2.5, 2, 1.2];

const SCORE_RANGE: Partial<Record<ProfileName, readonly [number, number]>> = {
  high_utilization: [560, 690],
  mixed_utilization_subscriptions: [570, 700],
  fee_fighter: [560, 680],
  variable_income: [590, 720],
  mixed_variable_income_fees: [570, 690],
  savings_builder: [710, 830],
  mixed_subscriptions_savings: [700, 820],
  thin_file: [600, 700],
};

export function drawDemographics(seed: number, index: number, profile: ProfileName, extra: ExtraAccount, rng: Rng): Demographics {
  // Nobody under 25 holds a mortgage here.
  const weights = (AGE_WEIGHTS[profile] ?? DEFAULT_AGE_WEIGHTS).map((w, i) => (extra === "mortgage" && i === 0 ? 0 : w));
  const ageBand = rng.weighted(AGE_BANDS.map((b, i) => [b, weights[i]] as const));
  const gender = rng.weighted<Gender>([
    ["female", 0.49],
    ["male", 0.49],
    ["nonbinary", 0.02],
  ]);
  const region = rng.weighted<Region>([
    ["Northeast", 0.17],
    ["Midwest", 0.21],
    ["South", 0.38],
    ["West", 0.24],
  ]);
  const [lo, hi] = SCORE_RANGE[profile] ?? [660, 800];
  const noScore = rng.chance(profile === "thin_file" ? 0.5 : 0.08);
  const creditScore = noScore ? null : rng.int(lo, hi);

  const f = fakerFor(seed, index);
  const sex = gender === "nonbinary" ? undefined : gender;
  const name = `${f.person.firstName(sex)} ${f.person.lastName()}`;
  return { name, ageBand, gender, region, creditScore };
}

/** Income tier from average monthly take-home pay (cents). */
export function incomeTierOf(monthlyCents: number): IncomeTier {
  if (monthlyCents < 2_200_00) return "low";
  if (monthlyCents < 3_400_00) return "lower_middle";
  if (monthlyCents < 5_000_00) return "middle";
  if (monthlyCents < 7_500_00) return "upper_middle";
  return "high";
}

/** How much a tier spends relative to the middle tier. */
export const TIER_SCALE: Record<IncomeTier, number> = { low: 0.55, lower_middle: 0.8, middle: 1.05, upper_middle: 1.45, high: 2.1 };
