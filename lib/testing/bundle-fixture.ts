import type { PlaidBundle } from "../validation/plaid";

/** A small, valid Plaid-shaped bundle: checking + credit card, a few transactions, a card liability. */
/** `consent: null` leaves consent out of the input altogether. */
export function sampleBundle(userId = "usr_test1", consent: boolean | null = true): PlaidBundle {
  return {
    user: { user_id: userId, name: "Test Person", ...(consent === null ? {} : { consent }), age_band: "25-34", gender: "female", region: "West", income_tier: "middle", credit_score: 702 },
    accounts: [
      { account_id: `${userId}_chk`, balances: { available: 1200.5, current: 1250.5, limit: null, iso_currency_code: "USD" }, mask: "0000", name: "Plaid Checking", official_name: "Plaid Gold Standard 0% Interest Checking", type: "depository", subtype: "checking", holder_category: "personal" },
      { account_id: `${userId}_cc`, balances: { available: 1600, current: 3400, limit: 5000, iso_currency_code: "USD" }, mask: "4523", name: "Visa Signature", official_name: null, type: "credit", subtype: "credit card", holder_category: "personal" },
    ],
    transactions: [
      {
        transaction_id: `${userId}_t1`, account_id: `${userId}_chk`, date: "2026-10-01", authorized_date: "2026-09-30", amount: -2150.0, iso_currency_code: "USD",
        name: "ACME CORP PAYROLL", merchant_name: null, merchant_entity_id: null, payment_channel: "other",
        personal_finance_category: { primary: "INCOME", detailed: "INCOME_WAGES" }, pending: false,
      },
      {
        transaction_id: `${userId}_t2`, account_id: `${userId}_cc`, date: "2026-10-03", authorized_date: "2026-10-02", amount: 15.49, iso_currency_code: "USD",
        name: "NETFLIX.COM 866-579-7172 CA", merchant_name: "Netflix", merchant_entity_id: null, payment_channel: "online",
        personal_finance_category: { primary: "ENTERTAINMENT", detailed: "ENTERTAINMENT_TV_AND_MOVIES" }, pending: false,
      },
      {
        transaction_id: `${userId}_t3`, account_id: `${userId}_cc`, date: "2026-10-05", authorized_date: null, amount: 64.12, iso_currency_code: "USD",
        name: "WHOLEFDS MKT #10233", merchant_name: "Whole Foods", merchant_entity_id: null, payment_channel: "in store",
        personal_finance_category: null, pending: true,
      },
    ],
    liabilities: {
      credit: [
        {
          account_id: `${userId}_cc`,
          aprs: [{ apr_type: "purchase_apr", apr_percentage: 24.99, balance_subject_to_apr: 3400, interest_charge_amount: 87.12 }],
          is_overdue: false, last_payment_amount: 35, last_payment_date: "2026-09-20", last_statement_balance: 3350.25,
          last_statement_issue_date: "2026-09-28", minimum_payment_amount: 35, next_payment_due_date: "2026-10-25",
        },
      ],
      mortgage: [],
      student: [],
    },
  };
}
