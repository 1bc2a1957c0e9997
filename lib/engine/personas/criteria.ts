// Persona rules (SPEC §3.2) as data: small all/any trees over signal values, so every
// assignment can say which checks passed, with the value and the threshold it was compared to.
import type { EngineConfig } from "../config";
import type { WindowSignals } from "../signals/types";
import type { PersonaId } from "../types";

export type Op = ">=" | ">" | "<" | "==";

export interface Leaf {
  id: string;
  description: string;
  /** Dotted path into the window's signals (see lib/engine/signal-path.ts). */
  signal: string;
  op: Op;
  threshold: number | boolean;
  /**
   * A null value is unknown, so the check is "not evaluable" and never met — unless the rule
   * says null means "nothing to check": "pass" (no card with a utilisation → none is too high)
   * or "fail" (no card with a utilisation → none is high). Cards whose utilisation is unknown are
   * still caught by unknownParts.
   */
  whenNull?: "not_evaluable" | "pass" | "fail";
  /**
   * Path to a count of parts whose value is unknown (cards without a balance or limit): the
   * signal is the maximum over the known parts, so a check the unknown parts could still
   * change is not evaluable.
   */
  unknownParts?: string;
}

export type Rule = Leaf | { all: Rule[] } | { any: Rule[] };

export function personaRules(config: EngineConfig): Record<PersonaId, Rule> {
  const c = config.personas;
  return {
    high_utilization: {
      any: [
        { id: "card_utilization", description: `a card at ${c.high_utilization.utilizationPct}% utilization or more`, signal: "credit.max_utilization_pct", op: ">=", threshold: c.high_utilization.utilizationPct, whenNull: "fail", unknownParts: "credit.utilization_unknown_count" },
        { id: "interest_charged", description: "interest charged on cards", signal: "credit.interest_cents", op: ">", threshold: 0 },
        { id: "minimum_payment_only", description: "paying only about the minimum while more is owed", signal: "credit.minimum_payment_only", op: "==", threshold: true },
        { id: "overdue", description: "a card payment is overdue", signal: "credit.overdue", op: "==", threshold: true },
      ],
    },
    variable_income: {
      all: [
        { id: "median_pay_gap", description: `median gap between paychecks over ${c.variable_income.medianGapDays} days`, signal: "income.median_pay_gap_days", op: ">", threshold: c.variable_income.medianGapDays },
        { id: "cash_flow_buffer", description: `checking covers less than ${c.variable_income.bufferMonths} month of spending`, signal: "income.buffer_months", op: "<", threshold: c.variable_income.bufferMonths },
      ],
    },
    fee_fighter: {
      any: [
        { id: "penalty_fee_count", description: `${c.fee_fighter.feeCount} or more overdraft, insufficient-funds or late fees`, signal: "fees.penalty.count", op: ">=", threshold: c.fee_fighter.feeCount },
        { id: "penalty_fee_amount", description: `$${c.fee_fighter.feeCents / 100} or more in such fees`, signal: "fees.penalty.cents", op: ">=", threshold: c.fee_fighter.feeCents },
      ],
    },
    subscription_heavy: {
      all: [
        { id: "subscription_count", description: `${c.subscription_heavy.count} or more recurring subscriptions`, signal: "subscriptions.subscription_count", op: ">=", threshold: c.subscription_heavy.count },
        {
          any: [
            { id: "subscription_monthly", description: `$${c.subscription_heavy.monthlyCents / 100} or more a month in subscriptions`, signal: "subscriptions.monthly_subscription_cents", op: ">=", threshold: c.subscription_heavy.monthlyCents },
            { id: "subscription_share", description: `subscriptions are ${c.subscription_heavy.sharePct}% or more of spending`, signal: "subscriptions.subscription_share_pct", op: ">=", threshold: c.subscription_heavy.sharePct },
          ],
        },
      ],
    },
    savings_builder: {
      all: [
        // Without a savings account there is nothing to build: not met, rather than "could not be judged" on its unknown growth.
        { id: "has_savings_account", description: "has a savings account", signal: "savings.has_savings_account", op: "==", threshold: true },
        {
          any: [
            { id: "savings_growth", description: `savings grew ${c.savings_builder.growthPct}% or more over the window`, signal: "savings.growth_rate_pct", op: ">=", threshold: c.savings_builder.growthPct },
            { id: "savings_inflow", description: `$${c.savings_builder.monthlyInflowCents / 100} or more a month into savings`, signal: "savings.net_inflow_monthly_cents", op: ">=", threshold: c.savings_builder.monthlyInflowCents },
          ],
        },
        { id: "all_cards_under_30", description: `every card under ${c.savings_builder.maxUtilizationPct}% utilization`, signal: "credit.max_utilization_pct", op: "<", threshold: c.savings_builder.maxUtilizationPct, whenNull: "pass", unknownParts: "credit.utilization_unknown_count" },
      ],
    },
  };
}

/** When a matched persona counts as a strong match (otherwise moderate). */
export function isStrong(persona: PersonaId, s: WindowSignals, config: EngineConfig, checksMet: number): boolean {
  const c = config.personas;
  switch (persona) {
    case "high_utilization":
      return (s.credit.max_utilization_pct ?? 0) >= c.high_utilization.strongUtilizationPct || s.credit.overdue || checksMet >= 2;
    case "variable_income":
      return (s.income.median_pay_gap_days ?? 0) >= c.variable_income.strongGapDays && (s.income.buffer_months ?? Infinity) < c.variable_income.strongBufferMonths;
    case "fee_fighter":
      return s.fees.penalty.count >= c.fee_fighter.strongFeeCount || s.fees.penalty.cents >= c.fee_fighter.strongFeeCents;
    case "subscription_heavy":
      return s.subscriptions.subscription_count >= c.subscription_heavy.strongCount || s.subscriptions.monthly_subscription_cents >= c.subscription_heavy.strongMonthlyCents;
    case "savings_builder":
      return (s.savings.net_inflow_monthly_cents ?? 0) >= c.savings_builder.strongMonthlyInflowCents || (s.savings.growth_rate_pct ?? 0) >= c.savings_builder.strongGrowthPct;
  }
}
