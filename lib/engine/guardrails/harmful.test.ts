import { describe, expect, it } from "vitest";
import { CATALOG_SEED } from "../recommend/catalog-seed";
import { BLOCKED_PRODUCT_CATEGORIES, BLOCKED_PRODUCT_WORDING, harmfulProductCheck } from "./harmful";

const NEUTRAL = {
  title: "A product",
  summary: "A plain description of a product.",
  because: "This product may help with the pattern above.",
};

function item(overrides: Partial<typeof NEUTRAL & { product_category: string | null }>) {
  return { ...NEUTRAL, product_category: null, ...overrides };
}

describe("harmfulProductCheck: categories", () => {
  it("names the SPEC's harmful products in the block list", () => {
    for (const c of ["payday_loan", "title_loan", "cash_advance", "rent_to_own"]) {
      expect(BLOCKED_PRODUCT_CATEGORIES).toContain(c);
    }
  });

  it.each(BLOCKED_PRODUCT_CATEGORIES.map((c) => [c]))("blocks the category %s", (category) => {
    const result = harmfulProductCheck(item({ product_category: category }));
    expect(result.blocked).toBe(true);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain(`"${category}"`);
    expect(result.reasons[0]).toMatch(/^[A-Z].*\.$/);
  });

  it("ignores case, spaces and hyphens in the category", () => {
    for (const category of ["Payday Loan", "PAYDAY-LOAN", " rent-to-own ", "Cash Advance"]) {
      expect(harmfulProductCheck(item({ product_category: category })).blocked, category).toBe(true);
    }
  });

  it("catches category variants that name a harmful product", () => {
    for (const category of ["payday_advance_v2", "car_title_loan", "pawnshop_loan", "instant_cash_advance"]) {
      const result = harmfulProductCheck(item({ product_category: category }));
      expect(result.blocked, category).toBe(true);
      expect(result.reasons[0]).toContain(category);
    }
  });
});

describe("harmfulProductCheck: wording", () => {
  it.each(BLOCKED_PRODUCT_WORDING.map((w) => [w.pattern, w.product] as const))(
    "blocks wording %s in any field",
    (pattern, product) => {
      const phrase = pattern.replace(/\*/g, "");
      for (const field of ["title", "summary", "because"] as const) {
        const result = harmfulProductCheck(item({ [field]: `Quick ${phrase} for members.` }));
        expect(result.blocked, `${field}: ${phrase}`).toBe(true);
        expect(result.reasons.some((r) => r.includes(`The ${field} mentions`) && r.includes(product)), result.reasons.join(" ")).toBe(true);
      }
    },
  );

  it("is case-insensitive and accepts hyphens or spaces", () => {
    const texts = [
      "PAYDAY LOANS up to $500",
      "Payday-loan alternative",
      "Get a Cash-Advance today",
      "Rent-To-Own furniture",
      "Car title loans near you",
      "Visit our pawnshop",
      "No-credit-check loans for everyone",
    ];
    for (const summary of texts) {
      expect(harmfulProductCheck(item({ summary })).blocked, summary).toBe(true);
    }
  });

  it("names the matched words in a plain sentence", () => {
    const result = harmfulProductCheck(
      item({ product_category: "personal_loan", title: "Fast Cash Advance", summary: "Like a payday loan, but online." }),
    );
    expect(result.blocked).toBe(true);
    expect(result.reasons).toEqual([
      'The title mentions "Cash Advance", which names cash advances, a blocked harmful product.',
      'The summary mentions "payday loan", which names payday loans, a blocked harmful product.',
    ]);
  });

  it("does not flag ordinary wording that shares words with a blocked product", () => {
    const fine = [
      "A cash-back card with no annual fee",
      "Get cash back at checkout",
      "Title: Budget basics",
      "The page title explains the plan.",
      "Plan for the days before payday.",
      "Line up due dates with paydays.",
      "Give advance notice before you cancel.",
      "Rent, utilities and other bills you own",
      "Check your credit report for free",
      "A loan with no prepayment fee",
    ];
    for (const title of fine) {
      expect(harmfulProductCheck(item({ title })), title).toEqual({ blocked: false, reasons: [] });
    }
  });
});

describe("harmfulProductCheck: responsible products", () => {
  it("lets responsible categories through", () => {
    for (const category of [
      "hysa",
      "cd",
      "balance_transfer_card",
      "secured_card",
      "credit_builder_loan",
      "budgeting_app",
      "subscription_manager",
      "fee_free_checking",
      "overdraft_protection_alerts",
      "debt_consolidation_loan",
      "income_smoothing_app",
    ]) {
      expect(harmfulProductCheck(item({ product_category: category })).blocked, category).toBe(false);
    }
  });

  it("lets every seeded offer through", () => {
    const offers = CATALOG_SEED.filter((i) => i.kind === "offer");
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) expect(harmfulProductCheck(offer), offer.id).toEqual({ blocked: false, reasons: [] });
  });
});
