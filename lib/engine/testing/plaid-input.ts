// A Plaid bundle (the generator's, or a real sandbox file) as the engine sees it: what services
// load from the database, for tests and benchmarks that skip the database.
import { findMerchant } from "../../data/categorise";
import type { PlaidBundle } from "../../validation/plaid";
import type { CustomerInput } from "../types";

const cents = (dollars: number | null | undefined): number | null => (dollars === null || dollars === undefined ? null : Math.round(dollars * 100));

/** The generator's Plaid bundle as the engine sees it (what services load from the database). */
export function toEngineInput(b: PlaidBundle): CustomerInput {
  if (!b.user) throw new Error("generated bundle without a user");
  return {
    user_id: b.user.user_id,
    consent: b.user.consent === true,
    credit_score: b.user.credit_score ?? null,
    accounts: (b.accounts ?? []).map((a) => ({
      account_id: a.account_id,
      type: a.type,
      subtype: a.subtype ?? "",
      name: a.name,
      mask: a.mask ?? null,
      current_cents: cents(a.balances.current),
      available_cents: cents(a.balances.available),
      limit_cents: cents(a.balances.limit),
      holder_category: a.holder_category ?? "personal",
    })),
    transactions: (b.transactions ?? []).map((t) => ({
      transaction_id: t.transaction_id,
      account_id: t.account_id,
      date: t.date,
      amount_cents: Math.round(t.amount * 100),
      name: t.name,
      merchant_name: t.merchant_name ?? null,
      merchant_entity_id: t.merchant_entity_id ?? null,
      merchant_kind: findMerchant(t)?.kind ?? null,
      pfc_primary: t.personal_finance_category?.primary ?? "",
      pfc_detailed: t.personal_finance_category?.detailed ?? "",
      pending: t.pending,
    })),
    credit: (b.liabilities?.credit ?? []).map((c) => ({
      account_id: c.account_id,
      aprs: c.aprs.map((x) => ({ apr_type: x.apr_type, apr_percentage: x.apr_percentage, interest_charge_amount_cents: cents(x.interest_charge_amount) })),
      minimum_payment_cents: cents(c.minimum_payment_amount),
      last_payment_cents: cents(c.last_payment_amount),
      last_payment_date: c.last_payment_date ?? null,
      last_statement_balance_cents: cents(c.last_statement_balance),
      last_statement_issue_date: c.last_statement_issue_date ?? null,
      is_overdue: c.is_overdue ?? null,
      next_payment_due_date: c.next_payment_due_date ?? null,
    })),
  };
}

