import { describe, expect, it } from "vitest";
import { CATALOG_SEED } from "./engine/recommend/catalog-seed";
import { MERCHANTS } from "./data/merchants";
import { auditActionLabel, categoryLabel, eligibilityLabel, incomeTierLabel, personaLabel, plural, tenureLabel } from "./labels";

describe("labels", () => {
  it("names Plaid categories as a person says them", () => {
    expect(categoryLabel("FOOD_AND_DRINK_GROCERIES")).toBe("Groceries");
    expect(categoryLabel("BANK_FEES_ATM_FEES")).toBe("ATM fees");
    expect(categoryLabel("TRANSFER_OUT_WITHDRAWAL")).toBe("Cash withdrawal");
    expect(categoryLabel("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")).toBe("Credit card payment");
    expect(categoryLabel(null)).toBe("Uncategorised");
    // Every category the merchant catalog uses reads as words, never as a code.
    for (const m of MERCHANTS) expect(categoryLabel(m.pfc_detailed)).not.toMatch(/[A-Z]{2,}_|_/);
  });
  it("names personas, tiers and audit actions", () => {
    expect(personaLabel("fee_fighter")).toBe("Fee Fighter");
    expect(personaLabel(null)).toBe("No persona");
    expect(incomeTierLabel("lower_middle")).toBe("Lower-middle income");
    expect(auditActionLabel("recommendation.approve", 6)).toBe("Approved recommendation #6");
    expect(auditActionLabel("something.new", null)).toBe("Something new");
  });
  it("pluralises without (s) and says a new persona is new", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(3, "minute")).toBe("3 minutes");
    expect(plural(1200, "customer")).toBe("1,200 customers");
    expect(tenureLabel(0)).toBe("New this run");
    expect(tenureLabel(1)).toBe("In this persona for 1 day");
  });
  it("states eligibility in words, {} as open to everyone", () => {
    expect(eligibilityLabel({})).toBe("Open to every customer");
    expect(eligibilityLabel({ min_monthly_income_cents: 250000, excludes_if_holds_subtypes: ["savings", "money_market"] })).toBe(
      "Monthly income of at least $2,500.00; Does not already hold a savings or money market account",
    );
    for (const item of CATALOG_SEED) expect(eligibilityLabel(item.eligibility)).not.toMatch(/[{}_]/);
  });
});
