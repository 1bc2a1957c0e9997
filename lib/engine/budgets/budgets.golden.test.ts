// Golden budgets: every figure below was worked out by hand from the ledger in `ledger()` and
// DEFAULT_CONFIG.budgets (3 months of history, projection from day 7, suggestion = median of the
// last 3 full months + 10%, rounded up to a whole dollar).
//
// Ledger (Plaid sign: positive = money out). History starts 2026-07-01 (payroll every 14 days
// keeps it continuous), so July, August and September are full covered months.
//   FOOD_AND_DRINK  Jul: 07-03 $100.00, 07-20 $50.00                               = $150.00
//                   Aug: 08-05 $200.00, 08-10 refund −$25.00, 08-31 $30.00          = $205.00
//                   Sep: 09-01 $40.00, 09-15 $60.50, 09-30 $80.00                   = $180.50
//                   Oct: 10-01 $90.00, 10-10 $60.00, 10-12 refund −$10.00,
//                        10-18 $20.00 on the credit card                            = $160.00 (to 10-20)
//                        not counted: 10-05 $70.00 on the business account, 10-15 $50.00 pending,
//                        10-21 $40.00 (after asOf)
//   ENTERTAINMENT   Aug: 08-20 $15.00 only
//   LOAN_PAYMENTS   Oct: 10-08 $300.00 card payment (never spend), 10-09 $250.00 car loan
//   TRANSFER_OUT    Jul: 07-10 $300.00 to savings (never spend)
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../config";
import { prepare } from "../signals/prepare";
import type { CustomerInput, EngineAccount, EngineTransaction } from "../types";
import { budgetStatuses, budgetSuggestions, unavailableBudgets, type BudgetInput } from "./index";

const account = (account_id: string, type: string, subtype: string, holder_category = "personal"): EngineAccount => ({
  account_id, type, subtype, name: subtype, mask: "0000", current_cents: 100000, available_cents: 100000, limit_cents: type === "credit" ? 500000 : null, holder_category,
});

function ledger(firstPay: string, extra: Array<[string, string, number, string, string, boolean?]>): CustomerInput {
  const tx: EngineTransaction[] = [];
  const add = (account_id: string, date: string, amount_cents: number, primary: string, detailed: string, pending = false) =>
    tx.push({ transaction_id: `t${String(tx.length + 1).padStart(3, "0")}`, account_id, date, amount_cents, name: detailed, merchant_name: null, merchant_entity_id: null, merchant_kind: null, pfc_primary: primary, pfc_detailed: detailed, pending });
  for (let d = Date.parse(`${firstPay}T00:00:00Z`); d <= Date.parse("2026-10-31T00:00:00Z"); d += 14 * 86400000) {
    add("chk", new Date(d).toISOString().slice(0, 10), -250000, "INCOME", "INCOME_WAGES");
  }
  for (const [acct, date, amount, primary, detailed, pending] of extra) add(acct, date, amount, primary, detailed, pending);
  return {
    user_id: "u-budget",
    consent: true,
    credit_score: null,
    accounts: [account("chk", "depository", "checking"), account("card", "credit", "credit card"), account("biz", "depository", "checking", "business"), account("sav", "depository", "savings")],
    transactions: tx,
    credit: [],
  };
}

const F = "FOOD_AND_DRINK";
const G = "FOOD_AND_DRINK_GROCERIES";
const FULL: Array<[string, string, number, string, string, boolean?]> = [
  ["chk", "2026-07-03", 10000, F, G],
  ["chk", "2026-07-10", 30000, "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"],
  ["chk", "2026-07-20", 5000, F, G],
  ["chk", "2026-08-05", 20000, F, G],
  ["chk", "2026-08-10", -2500, F, G],
  ["chk", "2026-08-20", 1500, "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"],
  ["chk", "2026-08-31", 3000, F, "FOOD_AND_DRINK_RESTAURANT"],
  ["chk", "2026-09-01", 4000, F, G],
  ["chk", "2026-09-15", 6050, F, G],
  ["chk", "2026-09-30", 8000, F, G],
  ["chk", "2026-10-01", 9000, F, G],
  ["biz", "2026-10-05", 7000, F, G],
  ["chk", "2026-10-08", 30000, "LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  ["chk", "2026-10-09", 25000, "LOAN_PAYMENTS", "LOAN_PAYMENTS_CAR_PAYMENT"],
  ["chk", "2026-10-10", 6000, F, G],
  ["chk", "2026-10-12", -1000, F, G],
  ["chk", "2026-10-15", 5000, F, G, true],
  ["card", "2026-10-18", 2000, F, "FOOD_AND_DRINK_RESTAURANT"],
  ["chk", "2026-10-21", 4000, F, G],
];

const BUDGETS: BudgetInput[] = [
  { budget_id: "b-food", category: F, amount_cents: 20000, currency: "USD" },
  { budget_id: "b-fun", category: "ENTERTAINMENT", amount_cents: 5000, currency: "USD" },
  { budget_id: "b-loan", category: "LOAN_PAYMENTS", amount_cents: 20000, currency: "USD" },
];

const statusesAt = (input: CustomerInput, asOf: string, budgets = BUDGETS) => budgetStatuses(prepare(input, asOf, DEFAULT_CONFIG), budgets, DEFAULT_CONFIG);
const byId = (asOf: string, id: string, input = ledger("2026-07-01", FULL)) => {
  const s = statusesAt(input, asOf).find((x) => x.budget_id === id);
  if (!s) throw new Error(`no status for ${id}`);
  return s;
};

describe("budget status (golden)", () => {
  it("food on 2026-10-20: refunds net off, business, pending and later transactions do not count, the card purchase does; at risk by projection", () => {
    // spent 9000 + 6000 − 1000 + 2000 = 16000; 16000 / 20 days × 31 = 24800 > 20000 → at_risk.
    expect(byId("2026-10-20", "b-food")).toEqual({
      budget_id: "b-food", category: F, currency: "USD", period: "2026-10", period_start: "2026-10-01", period_end: "2026-10-31",
      amount_cents: 20000, spent_cents: 16000, remaining_cents: 4000, percent_used: 80, projected_cents: 24800,
      days_elapsed: 20, days_in_period: 31, status: "at_risk",
      // month boundaries: 08-31 is August's, 09-01 and 09-30 September's.
      history: [{ period: "2026-07", spent_cents: 15000 }, { period: "2026-08", spent_cents: 20500 }, { period: "2026-09", spent_cents: 18050 }],
      notes: [],
    });
  });

  it("a card payment is never spend, a car loan payment is: over budget", () => {
    const s = byId("2026-10-20", "b-loan");
    // 25000 of 20000: remaining −5000, 125%, projected 25000 / 20 × 31 = 38750.
    expect(s).toMatchObject({ spent_cents: 25000, remaining_cents: -5000, percent_used: 125, projected_cents: 38750, status: "over" });
  });

  it("a covered month without spending is a known $0.00 (not unknown)", () => {
    const s = byId("2026-10-20", "b-fun");
    expect(s).toMatchObject({ spent_cents: 0, percent_used: 0, projected_cents: 0, status: "on_track" });
    expect(s.history).toEqual([{ period: "2026-07", spent_cents: 0 }, { period: "2026-08", spent_cents: 1500 }, { period: "2026-09", spent_cents: 0 }]);
  });

  it("renews on the 1st: on 2026-10-05 only October counts, and 5 days are too few to project", () => {
    const s = byId("2026-10-05", "b-food");
    expect(s).toMatchObject({ period: "2026-10", spent_cents: 9000, remaining_cents: 11000, percent_used: 45, projected_cents: null, days_elapsed: 5, status: "on_track" });
    expect(s.notes).toContain("No month-end projection: it needs 7 days of the month, 5 so far.");
    // On the last day of September the September budget is the one reported.
    expect(byId("2026-09-30", "b-food")).toMatchObject({ period: "2026-09", spent_cents: 18050, days_elapsed: 30, days_in_period: 30, projected_cents: 18050, status: "on_track" });
  });

  it("short history: months before the history starts are left out and said so, not reported as $0", () => {
    // History from 2026-08-15: July and August are not covered from their 1st; only September is.
    const input = ledger("2026-08-15", FULL.filter(([, d]) => d >= "2026-08-15"));
    const s = byId("2026-10-20", "b-food", input);
    expect(s.history).toEqual([{ period: "2026-09", spent_cents: 18050 }]);
    expect(s.notes).toEqual(["History covers 1 of 3 earlier months: 2026-07, 2026-08 left out (the customer's history starts 2026-08-15), unknown rather than $0."]);
  });

  it("a budget in another currency gets no status, and the reason", () => {
    const eur: BudgetInput = { budget_id: "b-eur", category: F, amount_cents: 10000, currency: "EUR" };
    const p = prepare(ledger("2026-07-01", FULL), "2026-10-20", DEFAULT_CONFIG);
    expect(budgetStatuses(p, [eur], DEFAULT_CONFIG)).toEqual([]);
    expect(unavailableBudgets(p, [eur])).toEqual([{ budget_id: "b-eur", reason: "The budget is in EUR but the customer's transactions are in USD: spending is not known in EUR." }]);
  });
});

describe("budget suggestions (golden)", () => {
  it("median of July–September plus 10%, rounded up to a whole dollar, explained with the numbers", () => {
    const { suggestions, notes } = budgetSuggestions(prepare(ledger("2026-07-01", FULL), "2026-10-20", DEFAULT_CONFIG), DEFAULT_CONFIG);
    // FOOD_AND_DRINK: 15000, 20500, 18050 → median 18050; × 1.10 = 19855 → $199.00.
    expect(suggestions).toEqual([
      {
        category: F, currency: "USD", amount_cents: 19900, median_cents: 18050, buffer_percent: 10,
        months: [{ period: "2026-07", spent_cents: 15000 }, { period: "2026-08", spent_cents: 20500 }, { period: "2026-09", spent_cents: 18050 }],
        explanation: "Food and drink spending was $150.00 in July 2026, $205.00 in August 2026 and $180.50 in September 2026: a median of $180.50 a month. With a 10% buffer, rounded up to a whole dollar: $199.00 a month.",
      },
    ]);
    // Entertainment was spent in one month only (median $0); transfers to savings are not spending.
    expect(notes).toEqual(["Entertainment: spending in 1 of 3 months gives a median of $0.00; no suggestion."]);
  });

  it("no suggestions when the history is shorter than three full months, and why", () => {
    const input = ledger("2026-08-15", FULL.filter(([, d]) => d >= "2026-08-15"));
    expect(budgetSuggestions(prepare(input, "2026-10-20", DEFAULT_CONFIG), DEFAULT_CONFIG)).toEqual({
      suggestions: [],
      notes: ["No suggestions: they need 3 full months of history. History covers 1 of 3 earlier months: 2026-07, 2026-08 left out (the customer's history starts 2026-08-15), unknown rather than $0."],
    });
  });
});
