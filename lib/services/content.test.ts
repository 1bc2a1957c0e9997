import { describe, expect, it } from "vitest";
import { CATALOG_SEED } from "../engine/recommend/catalog-seed";
import type { ContentItem } from "../engine/recommend/content";
import { createPrisma } from "../db/client";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import { tempDb } from "../testing/temp-db";
import { plainErrors } from "../validation/messages";
import { centsAsDollarsInput } from "../validation/text";
import { ZodError } from "zod";
import { assertStorable, ContentRejectedError, contentProblems, createContent, transitionContent, updateContent } from "./content";

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

describe("content workflow", () => {
  const form = {
    id: "edu-rainy-day-basics",
    kind: "education",
    format: "article",
    title: "Rainy-day fund basics",
    summary: "What a small cash cushion is for and how people usually start one.",
    because: "This article walks through a first savings goal you can set in a few minutes.",
    personas: "savings_builder,fee_fighter",
    triggers: "savings_low_emergency_fund",
  };

  it("drafts, reviews and approves; the author may not approve their own item; only approved content reaches the engine", async () => {
    const t = await tempDb();
    const db = createPrisma(t.url);
    try {
      await createContent(db, form, "author@x");
      const approvedIds = async () => (await loadApprovedCatalog(t.sql)).map((c) => c.id);
      expect(await approvedIds()).not.toContain(form.id);
      await expect(transitionContent(db, form.id, "approved", "reviewer@x")).rejects.toThrow(/is draft; it cannot move to approved/);
      await transitionContent(db, form.id, "in_review", "author@x");
      await expect(transitionContent(db, form.id, "approved", "author@x")).rejects.toThrow(/author of an item cannot approve it/);
      await transitionContent(db, form.id, "approved", "reviewer@x");
      expect(await approvedIds()).toContain(form.id);
      expect(await transitionContent(db, form.id, "retired", "reviewer@x")).toEqual({ changed: true });
      expect(await approvedIds()).not.toContain(form.id);
      // Retiring twice (a double click) is already done, not a conflict, and not audited twice.
      expect(await transitionContent(db, form.id, "retired", "reviewer@x")).toEqual({ changed: false });
      expect((await db.auditEntry.findMany({ where: { target_id: form.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["content.create", "content.in_review", "content.approved", "content.retired"]);
    } finally {
      await db.$disconnect();
      t.cleanup();
    }
  });

  it("takes the minimum monthly income in dollars to the cent, stores exact cents, and names the field as the form does", async () => {
    const t = await tempDb();
    const db = createPrisma(t.url);
    try {
      await createContent(db, { ...form, min_monthly_income: "$2,500.05" }, "author@x");
      const stored = JSON.parse((await db.contentItem.findUniqueOrThrow({ where: { id: form.id } })).eligibility);
      expect(stored).toEqual({ min_monthly_income_cents: 250005 });
      expect(centsAsDollarsInput(stored.min_monthly_income_cents)).toBe("2500.05");
      for (const typed of ["12.345", "-5", "ten dollars"]) {
        const err = await createContent(db, { ...form, id: "edu-rainy-day-other", min_monthly_income: typed }, "author@x").catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ZodError);
        expect(plainErrors(err as ZodError).fieldErrors.min_monthly_income).toBe("Minimum monthly income must be an amount in dollars, to the cent (for example 2500.00)");
      }
      expect(await db.contentItem.count({ where: { id: "edu-rainy-day-other" } })).toBe(0);
    } finally {
      await db.$disconnect();
      t.cleanup();
    }
  });

  it("refuses harmful products and bad input before storing anything", async () => {
    const t = await tempDb();
    const db = createPrisma(t.url);
    try {
      await expect(createContent(db, { ...form, id: "offer-quick-cash", kind: "offer", format: "offer", title: "Quick cash advance", product_category: "cash_advance", partner: "X" }, "a@x")).rejects.toBeInstanceOf(ContentRejectedError);
      await expect(createContent(db, { ...form, personas: "" }, "a@x")).rejects.toThrow(/choose at least one/);
      await expect(createContent(db, { ...form, kind: "offer" }, "a@x")).rejects.toThrow(/offers use the format offer/);
      expect(await db.contentItem.count({ where: { author: "a@x" } })).toBe(0);
    } finally {
      await db.$disconnect();
      t.cleanup();
    }
  });

  it("edits: checked like new content, back to draft and out of the engine, the editor becomes the author, hidden eligibility rules kept, stale versions refused", async () => {
    const t = await tempDb();
    const db = createPrisma(t.url);
    try {
      const seeded = await db.contentItem.findFirstOrThrow({ where: { kind: "offer", status: "approved" }, orderBy: { id: "asc" } });
      const rules = JSON.parse(seeded.eligibility);
      const edit = {
        id: seeded.id, kind: "offer", format: "offer", version: seeded.version, title: `${seeded.title} (updated)`, summary: seeded.summary, because: seeded.because,
        personas: JSON.parse(seeded.personas).join(","), triggers: JSON.parse(seeded.triggers).join(","), product_category: seeded.product_category, partner: seeded.partner, min_monthly_income: centsAsDollarsInput(rules.min_monthly_income_cents) ?? "", min_credit_score: "700",
      };
      await expect(updateContent(db, { ...edit, because: "Stop wasting money on fees." }, "editor@x")).rejects.toBeInstanceOf(ContentRejectedError);
      expect(await updateContent(db, edit, "editor@x")).toEqual({ id: seeded.id, from: "approved" });
      const after = await db.contentItem.findUniqueOrThrow({ where: { id: seeded.id } });
      expect(after).toMatchObject({ title: `${seeded.title} (updated)`, status: "draft", author: "editor@x", version: seeded.version + 1 });
      expect(JSON.parse(after.eligibility)).toEqual({ ...rules, min_credit_score: 700 });
      expect((await loadApprovedCatalog(t.sql)).map((c) => c.id)).not.toContain(seeded.id);
      await expect(updateContent(db, edit, "someone@x")).rejects.toThrow(/changed by someone else/);
      await transitionContent(db, seeded.id, "in_review", "editor@x");
      await expect(transitionContent(db, seeded.id, "approved", "editor@x")).rejects.toThrow(/author of an item cannot approve it/);
      expect((await db.auditEntry.findFirstOrThrow({ where: { action: "content.edit" } })).details).toContain(`"previous_author":"${seeded.author}"`);
      await expect(updateContent(db, { ...edit, version: after.version + 1, kind: "education", format: "article" }, "editor@x")).rejects.toThrow(/kind cannot change/);
    } finally {
      await db.$disconnect();
      t.cleanup();
    }
  });
});
