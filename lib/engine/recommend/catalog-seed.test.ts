import { describe, expect, it } from "vitest";
import { harmfulProductCheck } from "../guardrails/harmful";
import { checkTone, measureReadability } from "../guardrails/tone";
import { PERSONA_IDS, type PersonaId } from "../types";
import { CATALOG_SEED } from "./catalog-seed";
import { CONTENT_FORMATS, TRIGGER_IDS } from "./content";

const education = CATALOG_SEED.filter((i) => i.kind === "education");
const offers = CATALOG_SEED.filter((i) => i.kind === "offer");

function text(item: (typeof CATALOG_SEED)[number]): string {
  return `${item.title} ${item.summary} ${item.because}`.toLowerCase();
}

describe("CATALOG_SEED: coverage", () => {
  it("has at least 32 education items and 10 offers", () => {
    expect(education.length).toBeGreaterThanOrEqual(32);
    expect(offers.length).toBeGreaterThanOrEqual(10);
    expect(education.length + offers.length).toBe(CATALOG_SEED.length);
  });

  it.each(["article", "checklist", "template", "calculator"] as const)("has at least 5 education items of format %s", (format) => {
    expect(education.filter((i) => i.format === format).length).toBeGreaterThanOrEqual(5);
  });

  it("uses the offer format for offers only", () => {
    for (const i of CATALOG_SEED) {
      expect(CONTENT_FORMATS).toContain(i.format);
      expect(i.format === "offer", i.id).toBe(i.kind === "offer");
    }
  });

  it.each(PERSONA_IDS.map((p) => [p]))("has at least 5 education items and 2 offers for %s", (persona) => {
    expect(education.filter((i) => i.personas.includes(persona)).length).toBeGreaterThanOrEqual(5);
    expect(offers.filter((i) => i.personas.includes(persona)).length).toBeGreaterThanOrEqual(2);
  });

  // SPEC §3.2 focus areas, each matched by at least one education item of that persona.
  const FOCUS: Record<PersonaId, Record<string, RegExp>> = {
    high_utilization: { utilization: /utilization/, interest: /interest/, "payment plans": /payment plan/, autopay: /autopay/ },
    variable_income: { "percent-based budgets": /percent/, "emergency fund": /emergency fund/, "smoothing income": /smooth|steady/ },
    fee_fighter: { "low-balance alerts": /low-balance|balance alert/, "overdraft settings": /overdraft/, "buffer building": /buffer|cushion/, "fee-free accounts": /fee-free/ },
    subscription_heavy: { "subscription audit": /audit/, "cancel/negotiate": /cancel/, negotiate: /negotiat|lower rate/, "bill alerts": /alert/ },
    savings_builder: { goals: /goal/, automation: /automat|repeating transfer/, apy: /apy/, hysa: /high-yield/, cd: /\bcds?\b/ },
  };
  it.each(PERSONA_IDS.map((p) => [p]))("covers the focus areas of %s", (persona) => {
    const texts = education.filter((i) => i.personas.includes(persona)).map(text);
    for (const [area, pattern] of Object.entries(FOCUS[persona])) {
      expect(texts.some((t) => pattern.test(t)), `${persona}: ${area}`).toBe(true);
    }
  });

  it("uses every trigger at least once", () => {
    const used = new Set(CATALOG_SEED.flatMap((i) => i.triggers));
    for (const trigger of TRIGGER_IDS) expect(used.has(trigger), trigger).toBe(true);
  });

  it("tags every item with known, non-repeating personas and triggers", () => {
    for (const i of CATALOG_SEED) {
      expect(i.personas.length, i.id).toBeGreaterThan(0);
      expect(i.triggers.length, i.id).toBeGreaterThan(0);
      for (const p of i.personas) expect(PERSONA_IDS).toContain(p);
      for (const t of i.triggers) expect(TRIGGER_IDS).toContain(t);
      expect(new Set(i.personas).size, i.id).toBe(i.personas.length);
      expect(new Set(i.triggers).size, i.id).toBe(i.triggers.length);
    }
  });
});

describe("CATALOG_SEED: identity", () => {
  it("has unique, stable kebab-case ids prefixed by kind", () => {
    const ids = CATALOG_SEED.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of CATALOG_SEED) {
      expect(i.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(i.id.startsWith(i.kind === "education" ? "edu-" : "offer-"), i.id).toBe(true);
    }
  });

  it("has unique titles", () => {
    const titles = CATALOG_SEED.map((i) => i.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe("CATALOG_SEED: offers and eligibility", () => {
  it("gives offers a product category and partner, and education neither", () => {
    for (const i of offers) {
      expect(i.product_category, i.id).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(i.partner, i.id).toBeTruthy();
    }
    for (const i of education) {
      expect(i.product_category, i.id).toBeNull();
      expect(i.partner, i.id).toBeNull();
      expect(i.eligibility, i.id).toEqual({});
    }
  });

  it("does not offer savings accounts to people who already hold one", () => {
    for (const i of offers.filter((o) => o.product_category === "hysa" || o.product_category === "savings_account")) {
      expect(i.eligibility.excludes_if_holds_subtypes, i.id).toEqual(expect.arrayContaining(["savings", "money market", "cash management"]));
    }
  });

  it("asks for a fair credit score and some room on cards for a balance transfer", () => {
    const card = offers.find((o) => o.product_category === "balance_transfer_card");
    expect(card?.eligibility.min_credit_score).toBe(670);
    expect(card?.eligibility.max_utilization_pct).toBe(90);
  });

  it("asks for no credit score on products meant for building credit", () => {
    for (const i of offers.filter((o) => o.product_category === "secured_card" || o.product_category === "credit_builder_loan")) {
      expect(i.eligibility.min_credit_score, i.id).toBeUndefined();
    }
  });

  it("keeps eligibility numbers in range", () => {
    for (const { id, eligibility: e } of offers) {
      if (e.min_monthly_income_cents !== undefined) {
        expect(Number.isInteger(e.min_monthly_income_cents), id).toBe(true);
        expect(e.min_monthly_income_cents, id).toBeGreaterThan(0);
      }
      if (e.min_credit_score !== undefined) expect(e.min_credit_score, id).toBeGreaterThanOrEqual(300);
      if (e.min_credit_score !== undefined) expect(e.min_credit_score, id).toBeLessThanOrEqual(850);
      if (e.max_utilization_pct !== undefined) expect(e.max_utilization_pct, id).toBeLessThanOrEqual(100);
    }
  });

  it("blocks no seeded item as a harmful product", () => {
    for (const i of CATALOG_SEED) expect(harmfulProductCheck(i), i.id).toEqual({ blocked: false, reasons: [] });
  });
});

describe("CATALOG_SEED: wording", () => {
  it("passes the tone checker on title, summary and because", () => {
    for (const i of CATALOG_SEED) {
      const result = checkTone(`${i.title}. ${i.summary} ${i.because}`);
      expect(result.findings, i.id).toEqual([]);
    }
  });

  it("writes `because` as one sentence that can follow any other", () => {
    for (const i of CATALOG_SEED) {
      expect(i.because, i.id).toMatch(/^[A-Z][^]*\.$/);
      expect(i.because, i.id).not.toMatch(/\s{2,}|^\s|\s$/);
      expect(measureReadability(i.because).sentences, i.id).toBe(1);
    }
  });

  it("keeps customer figures out of `because` (the engine adds those)", () => {
    for (const i of CATALOG_SEED) {
      expect(i.because, i.id).not.toMatch(/\$\s?\d/);
      expect(i.because, i.id).not.toMatch(/\b(?:your|you)\b[^.]*\b\d/i);
    }
  });

  it("keeps `because` at grade 10 or below", () => {
    for (const i of CATALOG_SEED) {
      expect(measureReadability(i.because).gradeLevel, `${i.id}: ${i.because}`).toBeLessThanOrEqual(10);
    }
  });

  it("keeps summaries to one or two sentences", () => {
    for (const i of CATALOG_SEED) {
      const { sentences } = measureReadability(i.summary);
      expect(sentences, i.id).toBeGreaterThanOrEqual(1);
      expect(sentences, i.id).toBeLessThanOrEqual(2);
      expect(i.summary, i.id).toMatch(/^[A-Z][^]*\.$/);
    }
  });
});
