import { describe, expect, it } from "vitest";
import { CATALOG_SEED } from "../engine/recommend/catalog-seed";
import type { ContentItem } from "../engine/recommend/content";
import { assertStorable, ContentRejectedError, contentProblems } from "./content";

const offer: ContentItem = {
  id: "offer-test",
  kind: "offer",
  format: "offer",
  title: "Quick Cash Payday Loan",
  summary: "Get cash before payday with no credit check.",
  because: "Money fast when you need it.",
  personas: ["variable_income"],
  triggers: ["income_low_buffer"],
  eligibility: {},
  product_category: "payday_loan",
  partner: "FastCash",
};

describe("catalog storage rules", () => {
  it("refuses a harmful product however it is labelled", () => {
    expect(() => assertStorable(offer)).toThrow(ContentRejectedError);
    expect(contentProblems({ ...offer, product_category: "personal_loan" }).length).toBeGreaterThan(0); // wording alone is enough
  });

  it("refuses judgmental wording with a suggested alternative", () => {
    const item: ContentItem = { ...CATALOG_SEED[0], because: "Stop being irresponsible with your cards." };
    const problems = contentProblems(item);
    expect(problems.join(" ")).toMatch(/because: "irresponsible" reads as judgmental; try/);
  });

  it("accepts every seeded item", () => {
    for (const item of CATALOG_SEED) expect(contentProblems(item)).toEqual([]);
  });
});
