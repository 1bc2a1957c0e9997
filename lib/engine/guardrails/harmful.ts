// Hard block on harmful products (SPEC §3.4). The catalog refuses to store an item this blocks,
// and the recommender refuses to emit one, so a harmful product cannot reach a customer even if
// it is mislabelled: the category is checked, and so is the wording of the title, summary and
// "because".
import type { ContentItem } from "../recommend/content";
import { findPhrases, phraseToRegExp } from "./tone";

/**
 * Product categories that are never stored or recommended: high-cost, short-term or
 * asset-secured credit that tends to trap people with thin buffers, and fee-driven "fixes"
 * regulators warn about. Compared after lower-casing and turning spaces and hyphens into "_".
 */
export const BLOCKED_PRODUCT_CATEGORIES = [
  "payday_loan",
  "title_loan",
  "auto_title_loan",
  "cash_advance",
  "merchant_cash_advance",
  "rent_to_own",
  "lease_to_own",
  "pawn_loan",
  "no_credit_check_loan",
  "high_apr_installment_loan",
  "refund_anticipation_loan",
  "buy_here_pay_here_auto_loan",
  "debt_settlement",
  "credit_repair_service",
] as const;

/**
 * Wording that names a harmful product, whatever category the item claims. Same phrase syntax
 * as the tone rules (a trailing `*` matches any ending; spaces and hyphens are interchangeable).
 * Phrases are specific on purpose: "payday loan" is blocked, "payday" alone is not (budgeting
 * content talks about the days before payday), and "cash advance" is blocked while "cash-back"
 * and "cash back at checkout" are not.
 */
export const BLOCKED_PRODUCT_WORDING: readonly { pattern: string; product: string }[] = [
  { pattern: "payday loan*", product: "payday loans" },
  { pattern: "payday lend*", product: "payday loans" },
  { pattern: "payday advance*", product: "payday loans" },
  { pattern: "title loan*", product: "title loans" },
  { pattern: "title lend*", product: "title loans" },
  { pattern: "title pawn*", product: "title loans" },
  { pattern: "logbook loan*", product: "title loans" },
  { pattern: "cash advance*", product: "cash advances" },
  { pattern: "rent to own", product: "rent-to-own agreements" },
  { pattern: "rent to buy", product: "rent-to-own agreements" },
  { pattern: "lease to own", product: "rent-to-own agreements" },
  { pattern: "pawn*", product: "pawn loans" },
  { pattern: "no credit check loan*", product: "no-credit-check loans" },
  { pattern: "no credit check financing", product: "no-credit-check loans" },
  { pattern: "refund anticipation loan*", product: "refund anticipation loans" },
  { pattern: "buy here pay here", product: "buy-here-pay-here car loans" },
];

const COMPILED_WORDING = BLOCKED_PRODUCT_WORDING.map((rule) => ({ rule, regex: phraseToRegExp(rule.pattern) }));
const BLOCKED_SET: ReadonlySet<string> = new Set(BLOCKED_PRODUCT_CATEGORIES);

function normaliseCategory(category: string): string {
  return category.trim().toLowerCase().replace(/[\s\-]+/g, "_");
}

export interface HarmfulCheckResult {
  blocked: boolean;
  /** One plain sentence per thing that matched; empty when not blocked. */
  reasons: string[];
}

type CheckedFields = Pick<ContentItem, "product_category" | "title" | "summary" | "because">;

export function harmfulProductCheck(item: CheckedFields): HarmfulCheckResult {
  const reasons: string[] = [];

  if (item.product_category !== null) {
    const category = normaliseCategory(item.product_category);
    if (BLOCKED_SET.has(category)) {
      reasons.push(`The product category "${item.product_category}" is on the harmful-product block list.`);
    } else {
      // Catch variants such as "payday_advance_v2" or "car-title-loan" by reading the category as words.
      for (const m of findPhrases(category.replace(/_/g, " "), COMPILED_WORDING)) {
        reasons.push(`The product category "${item.product_category}" names ${m.rule.product} ("${m.text}"), which are blocked.`);
      }
    }
  }

  const fields: Array<[label: string, text: string]> = [
    ["title", item.title],
    ["summary", item.summary],
    ["because", item.because],
  ];
  for (const [label, text] of fields) {
    for (const m of findPhrases(text, COMPILED_WORDING)) {
      reasons.push(`The ${label} mentions "${m.text}", which names ${m.rule.product}, a blocked harmful product.`);
    }
  }

  return { blocked: reasons.length > 0, reasons };
}
