import { describe, expect, it } from "vitest";
import { addDays } from "../../data/dates";
import { DEFAULT_CONFIG } from "../config";
import type { CustomerInput, EngineTransaction } from "../types";
import { prepare } from "./prepare";
import { computeWindowSignals } from "./window-signals";

const AS_OF = "2026-10-31";
const tx = (i: number, date: string, amount_cents: number, name = "CORNER GROCER", pfc: [string, string] = ["FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"]): EngineTransaction => ({
  transaction_id: `t${i}`, account_id: "chk", date, amount_cents, name, merchant_name: null, merchant_entity_id: null, merchant_kind: null, pfc_primary: pfc[0], pfc_detailed: pfc[1], pending: false,
});

/** A customer whose history starts `days` before asOf, spending $100 every 3 days. */
function customer(days: number): CustomerInput {
  const transactions: EngineTransaction[] = [];
  for (let d = days - 1, i = 0; d >= 0; d -= 3, i++) transactions.push(tx(i, addDays(AS_OF, -d), 10000));
  return {
    user_id: "u", consent: true, credit_score: null, credit: [], transactions,
    accounts: [{ account_id: "chk", type: "depository", subtype: "checking", name: "Checking", mask: "0001", current_cents: 400000, available_cents: null, limit_cents: null, holder_category: "personal" }],
  };
}

describe("per-month figures follow the history the window actually covers", () => {
  it("a full 180-day history divides by 6", () => {
    const s = computeWindowSignals(prepare(customer(180), AS_OF, DEFAULT_CONFIG), "180d", DEFAULT_CONFIG);
    expect(s.spend.total_cents).toBe(60 * 10000);
    expect(s.spend.monthly_cents).toBe(100000); // $6,000 ÷ 6
    expect(s.income.buffer_months).toBe(4); // $4,000 ÷ $1,000
  });

  it("120 days of history divide by 4, not 6 (nothing is averaged over months without an account)", () => {
    const s = computeWindowSignals(prepare(customer(120), AS_OF, DEFAULT_CONFIG), "180d", DEFAULT_CONFIG);
    expect(s.spend.total_cents).toBe(40 * 10000);
    expect(s.spend.monthly_cents).toBe(100000); // $4,000 ÷ (120 ÷ 30)
    expect(s.sufficiency.sufficient).toBe(true);
  });

  it("a window with too little history says why", () => {
    const s = computeWindowSignals(prepare(customer(45), AS_OF, DEFAULT_CONFIG), "30d", DEFAULT_CONFIG);
    expect(s.sufficiency).toMatchObject({ sufficient: false, history_days: 45 });
    expect(s.sufficiency.reasons[0]).toMatch(/only 45 days of history; the 30d window needs 60/);
  });
});
