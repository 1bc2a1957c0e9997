// Plain data in and out of the engine (SPEC §3). Money is integer cents; dates are ISO
// `YYYY-MM-DD`; Plaid's sign convention holds (positive amount = money out of the account).
import type { MerchantKind } from "../data/merchants";

export type { MerchantKind };

export type WindowId = "30d" | "180d";
export const WINDOWS: readonly WindowId[] = ["30d", "180d"];

export const PERSONA_IDS = ["high_utilization", "variable_income", "fee_fighter", "subscription_heavy", "savings_builder"] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

export interface EngineAccount {
  account_id: string;
  type: string;
  subtype: string;
  name: string;
  mask: string | null;
  current_cents: number | null;
  available_cents: number | null;
  limit_cents: number | null;
  holder_category: string;
  /** The balances' currency: Plaid's unofficial code when set, else its ISO code; absent = USD. */
  currency?: string;
}

export interface EngineTransaction {
  transaction_id: string;
  account_id: string;
  date: string;
  amount_cents: number;
  name: string;
  merchant_name: string | null;
  merchant_entity_id: string | null;
  /** From the merchant catalog when the merchant is known. */
  merchant_kind: MerchantKind | null;
  pfc_primary: string;
  pfc_detailed: string;
  pending: boolean;
  /** The amount's currency, as for accounts; absent = USD. */
  currency?: string;
}

export interface EngineCreditLiability {
  account_id: string;
  aprs: Array<{ apr_type: string; apr_percentage: number; interest_charge_amount_cents: number | null }>;
  minimum_payment_cents: number | null;
  last_payment_cents: number | null;
  last_payment_date: string | null;
  last_statement_balance_cents: number | null;
  last_statement_issue_date: string | null;
  is_overdue: boolean | null;
  /** The card's next payment due date (Plaid liabilities), ISO; null or absent = unknown. */
  next_payment_due_date?: string | null;
}

export interface CustomerInput {
  user_id: string;
  consent: boolean;
  credit_score: number | null;
  accounts: EngineAccount[];
  transactions: EngineTransaction[];
  credit: EngineCreditLiability[];
}
