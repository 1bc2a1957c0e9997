import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { verifyCitations, type Citation } from "../engine/recommend/triggers";
import type { WindowSignals } from "../engine/signals/types";
import { tempDb, type TempDb } from "../testing/temp-db";
import { setConsent } from "./consent";
import { customerView } from "./customer-view";
import { runEngine } from "./engine";
import { ConflictError } from "./errors";
import { loadGenerated } from "./generate";
import { alternativesFor, overridePersona, overrideRecommendation } from "./overrides";

let t: TempDb;
let db: Db;
beforeAll(async () => {
  t = await tempDb();
  await loadGenerated({ users: 20, seed: 3, asOf: "2026-10-31", months: 7, url: t.url });
  await runEngine({ url: t.url, asOf: "2026-10-31" });
  db = createPrisma(t.url);
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

/** A pending education recommendation that has at least one alternative. */
async function pendingWithAlternatives() {
  const pending = await db.recommendation.findMany({ where: { status: "pending_review", kind: "education" }, orderBy: { id: "asc" } });
  for (const rec of pending) {
    const alts = (await alternativesFor(t.sql, rec.id)).items;
    if (alts.length) return { rec, alts };
  }
  throw new Error("no pending recommendation with alternatives in the fixture");
}

describe("item override", () => {
  it("offers only same-kind items that passed every check, not already live, with rationales faithful to the stored signals", async () => {
    const { rec, alts } = await pendingWithAlternatives();
    const live = await db.recommendation.findMany({ where: { user_id: rec.user_id, window: rec.window, as_of: rec.as_of, status: { in: ["pending_review", "approved"] } } });
    const snapshot = await db.signalSnapshot.findUniqueOrThrow({ where: { user_id_window_as_of: { user_id: rec.user_id, window: rec.window, as_of: rec.as_of } } });
    const signals = JSON.parse(snapshot.payload) as WindowSignals;
    for (const a of alts) {
      expect(a.kind).toBe("education");
      expect(live.map((l) => l.content_id)).not.toContain(a.content_id);
      expect(a.citations.length).toBeGreaterThan(0);
      expect(verifyCitations(signals, a.citations as Citation[])).toEqual([]);
    }
  });

  it("swaps the item: the original becomes overridden, the new one is approved with its own rationale, and the audit log says who and why", async () => {
    const { rec, alts } = await pendingWithAlternatives();
    const { id } = await overrideRecommendation(db, t.sql, { id: rec.id, version: rec.version, content_id: alts[0].content_id, reason: "Closer to what the customer asked about" }, "op@x");
    const [old, now] = await Promise.all([db.recommendation.findUniqueOrThrow({ where: { id: rec.id } }), db.recommendation.findUniqueOrThrow({ where: { id } })]);
    expect(old).toMatchObject({ status: "overridden", version: rec.version + 1 });
    expect(now).toMatchObject({ status: "approved", source: "override", replaces_id: rec.id, content_id: alts[0].content_id, rationale: alts[0].rationale, trace_id: rec.trace_id, rank: rec.rank });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "recommendation.override", target_id: String(rec.id) } });
    expect(audit).toMatchObject({ actor: "op@x", reason: "Closer to what the customer asked about", user_id: rec.user_id });
    expect(JSON.parse(audit.details!)).toMatchObject({ from_content_id: rec.content_id, to_content_id: alts[0].content_id, new_recommendation_id: id });

    const view = await customerView(t.sql, rec.user_id);
    const shown = view.windows[rec.window as "30d" | "180d"]!.recommendations.map((r) => r.content_id);
    expect(shown).toContain(alts[0].content_id);
    expect(shown).not.toContain(rec.content_id);
    // A second override of the same (now overridden) version is a conflict, not a second swap.
    await expect(overrideRecommendation(db, t.sql, { id: rec.id, version: rec.version, content_id: alts[0].content_id, reason: "Same again, later" }, "op2@x")).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses an item that is not an eligible alternative, and changes nothing", async () => {
    const { rec } = await pendingWithAlternatives();
    const offer = await db.contentItem.findFirstOrThrow({ where: { kind: "offer" } });
    const before = await db.auditEntry.count();
    await expect(overrideRecommendation(db, t.sql, { id: rec.id, version: rec.version, content_id: offer.id, reason: "Try an offer instead" }, "op@x")).rejects.toThrow(/not an eligible alternative/);
    await expect(overrideRecommendation(db, t.sql, { id: rec.id, version: rec.version, content_id: "x", reason: "" }, "op@x")).rejects.toBeInstanceOf(ZodError);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("pending_review");
    expect(await db.auditEntry.count()).toBe(before);
  });

  it("offers nothing, and says why, when the decision was made under another engine configuration", async () => {
    const { rec } = await pendingWithAlternatives();
    await t.sql.execute({ sql: "UPDATE decision_traces SET payload = json_set(payload, '$.config_hash', 'an-older-config') WHERE id = ?", args: [rec.trace_id] });
    expect(await alternativesFor(t.sql, rec.id)).toEqual({ items: [], unavailable: expect.stringMatching(/earlier engine configuration/) });
  });
});

describe("persona override", () => {
  it("needs a justification of at least 20 characters", async () => {
    const a = await db.personaAssignment.findFirstOrThrow({ where: { window: "30d", primary_persona: { not: "savings_builder" } }, orderBy: { id: "asc" } });
    await expect(overridePersona(db, t.sql, { user_id: a.user_id, window: "30d", persona: "savings_builder", justification: "too short" }, "op@x")).rejects.toThrow(/at least 20 characters/);
    expect(await db.personaOverride.count()).toBe(0);
  });

  it("records the override next to the engine's assignment, audits it, shows it in the customer view, and is removed with consent", async () => {
    const a = await db.personaAssignment.findFirstOrThrow({ where: { window: "180d", primary_persona: { not: "savings_builder" } }, orderBy: { id: "asc" } });
    const justification = "Customer moved savings to another bank last month";
    await overridePersona(db, t.sql, { user_id: a.user_id, window: "180d", persona: "savings_builder", justification }, "op@x");
    expect((await db.personaAssignment.findUniqueOrThrow({ where: { id: a.id } })).primary_persona).toBe(a.primary_persona);
    const view = await customerView(t.sql, a.user_id, ["180d"]);
    expect(view.windows["180d"]!.persona).toMatchObject({ primary: a.primary_persona, override: { persona: "savings_builder", from: a.primary_persona, justification, actor: "op@x" } });
    expect(view.windows["180d"]!.persona!.override!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "persona.override", user_id: a.user_id } })).toMatchObject({ reason: justification });
    await expect(overridePersona(db, t.sql, { user_id: a.user_id, window: "180d", persona: "savings_builder", justification }, "op2@x")).rejects.toThrow(/already savings_builder/);

    await setConsent(t.sql, a.user_id, false, { source: "test" });
    expect(await db.personaOverride.count({ where: { user_id: a.user_id } })).toBe(0);
  });

  it("refuses unknown customers and personas", async () => {
    await expect(overridePersona(db, t.sql, { user_id: "nobody", window: "30d", persona: "fee_fighter", justification: "A long enough justification here" }, "op@x")).rejects.toThrow(/no customer/);
    await expect(overridePersona(db, t.sql, { user_id: "x", window: "30d", persona: "rich", justification: "A long enough justification here" }, "op@x")).rejects.toBeInstanceOf(ZodError);
  });
});
