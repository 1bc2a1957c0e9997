// The shape of catalog content (education items and partner offers) as the engine sees it.
// The catalog lives in the database; lib/engine/recommend/catalog-seed.ts holds the seed.
import type { Market } from "../currency";
import type { PersonaId } from "../types";

/**
 * Named signal conditions an item can be triggered by. Each one has a rationale template in
 * lib/engine/recommend/triggers.ts that cites the customer's own numbers.
 */
export const TRIGGER_IDS = [
  "credit_utilization_high", // a card at ≥ 50% of its limit
  "credit_utilization_elevated", // a card at ≥ 30% of its limit
  "credit_interest", // interest charged in the window
  "credit_minimum_only", // paying at or near the minimum while more is owed
  "credit_overdue", // a card payment is overdue
  "income_irregular", // median gap between pay > 45 days, or irregular frequency
  "income_low_buffer", // checking covers < 1 month of spending
  "fees_overdraft", // overdraft or insufficient-funds fees in the window
  "fees_late", // late fees in the window
  "fees_atm", // ATM fees in the window
  "subscriptions_many", // ≥ 3 recurring subscriptions
  "subscriptions_share", // subscriptions ≥ 10% of spending
  "subscriptions_price_increase", // a subscription's price went up
  "savings_growing", // money flowing into savings
  "savings_low_emergency_fund", // savings cover < 3 months of spending
  "savings_no_account", // no savings-like account
  "savings_healthy_buffer", // savings cover ≥ 3 months of spending
  "bills_recurring", // recurring bills detected (rent, utilities, insurance…)
] as const;
export type TriggerId = (typeof TRIGGER_IDS)[number];

export const CONTENT_FORMATS = ["article", "checklist", "template", "calculator", "offer"] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];


export interface Eligibility {
  /** Detected average monthly income must be at least this (unknown income → not eligible). */
  min_monthly_income_cents?: number;
  /** Synthetic credit score must be at least this (unknown score → not eligible). */
  min_credit_score?: number;
  /** Customer must hold at least one personal account of one of these subtypes. */
  requires_account_subtypes?: string[];
  /** Not offered to someone who already holds one of these subtypes (no savings offer to a saver). */
  excludes_if_holds_subtypes?: string[];
  /** Not offered when any card is at or above this utilisation. */
  max_utilization_pct?: number;
  /** Offers: the markets the product is sold in (absent: DEFAULT_MARKETS); money thresholds are in their currency. */
  markets?: Market[];
}

export interface ContentItem {
  /** Stable slug, e.g. "edu-utilization-basics". */
  id: string;
  kind: "education" | "offer";
  format: ContentFormat;
  title: string;
  /** One or two plain sentences shown under the title. */
  summary: string;
  /** Completes the rationale after the data-citing part: what this item does for the customer. */
  because: string;
  personas: PersonaId[];
  triggers: TriggerId[];
  eligibility: Eligibility;
  /** Offers: what kind of product it is (checked against the harmful-product block). */
  product_category: string | null;
  partner: string | null;
}
