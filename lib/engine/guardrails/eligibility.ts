// Offer eligibility (SPEC §3.4): every requirement that fails is recorded as a plain reason.
// Unknown income or credit score means not eligible, never a guess. Reasons are read by staff
// (decision traces), so money in them is to the cent: never "needs $3,000; detected $3,000".
import { DEFAULT_CURRENCY, DEFAULT_MARKETS, MARKET_CURRENCIES } from "../currency";
import type { ContentItem, Eligibility } from "../recommend/content";
import { exactMoney } from "../recommend/format";
import type { WindowSignals } from "../signals/types";

export interface EligibilityContext {
  credit_score: number | null;
  /** Subtypes of the customer's personal accounts. */
  held_subtypes: string[];
}

/** An item's eligibility rules; an offer that names no market serves DEFAULT_MARKETS. */
export function eligibilityRules(item: Pick<ContentItem, "kind" | "eligibility">): Eligibility {
  return item.kind === "offer" && !item.eligibility.markets?.length ? { ...item.eligibility, markets: [...DEFAULT_MARKETS] } : item.eligibility;
}

export function checkEligibility(rules: Eligibility, s: WindowSignals, ctx: EligibilityContext): string[] {
  const currency = s.currency ?? DEFAULT_CURRENCY;
  if (rules.markets?.length && !rules.markets.some((m) => MARKET_CURRENCIES[m] === currency)) {
    // Its other thresholds are in another currency: comparing them would be meaningless.
    return [`serves ${rules.markets.map((m) => `${m} customers (${MARKET_CURRENCIES[m]})`).join(" and ")}; this customer's money is in ${currency}`];
  }
  const reasons: string[] = [];
  if (rules.min_monthly_income_cents !== undefined) {
    const income = s.income.monthly_income_cents;
    if (income === null) reasons.push(`needs a monthly income of at least ${exactMoney(rules.min_monthly_income_cents, currency)}; there is too little history for a monthly income figure`);
    else if (income <= 0) reasons.push(`needs a monthly income of at least ${exactMoney(rules.min_monthly_income_cents, currency)}; no income was detected`);
    else if (income < rules.min_monthly_income_cents) reasons.push(`needs a monthly income of at least ${exactMoney(rules.min_monthly_income_cents, currency)}; detected ${exactMoney(income, currency)}`);
  }
  if (rules.min_credit_score !== undefined) {
    if (ctx.credit_score === null) reasons.push(`needs a credit score of at least ${rules.min_credit_score}; no score is on file`);
    else if (ctx.credit_score < rules.min_credit_score) reasons.push(`needs a credit score of at least ${rules.min_credit_score}; score on file is ${ctx.credit_score}`);
  }
  if (rules.requires_account_subtypes?.length && !rules.requires_account_subtypes.some((t) => ctx.held_subtypes.includes(t))) {
    reasons.push(`needs a ${rules.requires_account_subtypes.join(" or ")} account`);
  }
  const held = rules.excludes_if_holds_subtypes?.filter((t) => ctx.held_subtypes.includes(t)) ?? [];
  if (held.length) reasons.push(`already holds a ${held.join(" and ")} account`);
  if (rules.max_utilization_pct !== undefined && s.credit.max_utilization_pct !== null && s.credit.max_utilization_pct >= rules.max_utilization_pct) {
    reasons.push(`a card is at ${s.credit.max_utilization_pct}% utilization; the offer needs every card under ${rules.max_utilization_pct}%`);
  }
  // Unknown is never "under": a card without a balance or limit could be at any utilisation.
  else if (rules.max_utilization_pct !== undefined && s.credit.utilization_unknown_count > 0) {
    reasons.push(`the offer needs every card under ${rules.max_utilization_pct}%; ${s.credit.utilization_unknown_count === 1 ? "a card's utilization is" : `${s.credit.utilization_unknown_count} cards' utilization is`} unknown`);
  }
  return reasons;
}
