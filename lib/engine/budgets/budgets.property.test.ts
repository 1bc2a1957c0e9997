// Properties of budget status over random ledgers (fast-check, seeded): the status is the same for
// the same input in any order, and `spent` is the plain sum of the category's settled spending on
// personal accounts from the 1st of the month to asOf, worked out here independently of the engine.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../config";
import { prepare } from "../signals/prepare";
import type { CustomerInput, EngineTransaction } from "../types";
import { budgetStatuses, type BudgetInput } from "./index";

const CATEGORIES: Array<[string, string]> = [
  ["FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"],
  ["ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"],
  ["LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  ["TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"],
  ["TRANSFER_OUT", "TRANSFER_OUT_WITHDRAWAL"],
];
const ACCOUNTS = ["chk", "card", "biz"] as const;
interface TxRow { account: string; day: number; month: string; amount: number; cat: [string, string]; pending: boolean }

const txArb = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  day: fc.integer({ min: 1, max: 30 }),
  month: fc.constantFrom("08", "09", "10"),
  amount: fc.integer({ min: -20000, max: 50000 }).filter((n) => n !== 0),
  cat: fc.constantFrom(...CATEGORIES),
  pending: fc.boolean(),
});

function customer(rows: Array<TxRow>): CustomerInput {
  const transactions: EngineTransaction[] = rows.map((r, i) => ({
    transaction_id: `t${i}`, account_id: r.account, date: `2026-${r.month}-${String(r.day).padStart(2, "0")}`, amount_cents: r.amount,
    name: "x", merchant_name: null, merchant_entity_id: null, merchant_kind: null, pfc_primary: r.cat[0], pfc_detailed: r.cat[1], pending: r.pending,
  }));
  const acct = (account_id: string, type: string, holder_category: string) => ({ account_id, type, subtype: type, name: type, mask: null, current_cents: 0, available_cents: 0, limit_cents: null, holder_category });
  return { user_id: "u", consent: true, credit_score: null, accounts: [acct("chk", "depository", "personal"), acct("card", "credit", "personal"), acct("biz", "depository", "business")], transactions, credit: [] };
}

/** Independent of the engine: what a person would add up from the statement. */
function expectedSpent(input: CustomerInput, category: string, from: string, to: string): number {
  let sum = 0;
  for (const t of input.transactions) {
    if (t.pending || t.account_id === "biz" || t.pfc_primary !== category || t.date < from || t.date > to) continue;
    if (t.pfc_detailed === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" || t.pfc_detailed === "TRANSFER_OUT_SAVINGS") continue;
    sum += t.amount_cents;
  }
  return sum;
}

const BUDGETS: BudgetInput[] = ["FOOD_AND_DRINK", "ENTERTAINMENT", "LOAN_PAYMENTS", "TRANSFER_OUT"].map((category, i) => ({ budget_id: `b${i}`, category, amount_cents: 10000 * (i + 1), currency: "USD" }));

describe("budget status properties", () => {
  it("spent is the sum of the category's transactions; status follows spent and projection; same result in any order", () => {
    fc.assert(
      fc.property(fc.array(txArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 31 }), fc.integer(), (rows, asOfDay, seed) => {
        const input = customer(rows);
        const asOf = `2026-10-${String(asOfDay).padStart(2, "0")}`;
        const statuses = budgetStatuses(prepare(input, asOf, DEFAULT_CONFIG), BUDGETS, DEFAULT_CONFIG);
        expect(statuses.map((s) => s.budget_id).sort()).toEqual(["b0", "b1", "b2", "b3"]);
        for (const s of statuses) {
          expect(s.spent_cents).toBe(expectedSpent(input, s.category, "2026-10-01", asOf));
          expect(s.remaining_cents).toBe(s.amount_cents - s.spent_cents);
          const expected = s.spent_cents > s.amount_cents ? "over" : s.projected_cents !== null && s.projected_cents > s.amount_cents ? "at_risk" : "on_track";
          expect(s.status).toBe(expected);
        }
        const k = Math.abs(seed) % input.transactions.length; // rotate, then reverse: another order of the same ledger
        const reversed = { ...input, transactions: [...input.transactions.slice(k), ...input.transactions.slice(0, k)].reverse() };
        expect(budgetStatuses(prepare(reversed, asOf, DEFAULT_CONFIG), [...BUDGETS].reverse(), DEFAULT_CONFIG)).toEqual(statuses);
      }),
      { seed: 20261020, numRuns: 200 },
    );
  });
});
