import { describe, expect, it } from "vitest";
import type { WindowSignals } from "../signals/types";
import { checkEligibility } from "./eligibility";

// Only the fields an income rule reads; the whole-engine cases are in signals/truth.test.ts.
const withIncome = (monthly_income_cents: number, currency = "USD") => ({ currency, income: { monthly_income_cents } }) as unknown as WindowSignals;

describe("eligibility reasons, read by staff in decision traces", () => {
  it("give money to the cent in the customer's currency, so a near miss reads as one", () => {
    expect(checkEligibility({ min_monthly_income_cents: 300000 }, withIncome(299950), { credit_score: null, held_subtypes: [] })).toEqual(["needs a monthly income of at least $3,000.00; detected $2,999.50"]);
    expect(checkEligibility({ min_monthly_income_cents: 250000, markets: ["CA"] }, withIncome(11384, "CAD"), { credit_score: null, held_subtypes: [] })).toEqual(["needs a monthly income of at least CAD 2,500.00; detected CAD 113.84"]);
  });
});
