import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
import { main } from "../cli/index";
import { listCustomers } from "../db/queries/customers";
import { customerListQuerySchema } from "../validation/customers";
import { currentPersonas } from "./personas-api";
import type { DecisionTrace } from "../engine";

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
    const snapshot = await db.signalSnapshot.findUniqueOrThrow({ where: { user_id_window_as_of_run_id: { user_id: rec.user_id, window: rec.window, as_of: rec.as_of, run_id: rec.run_id } } });
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
    const trace = await db.decisionTrace.findUniqueOrThrow({ where: { id: rec.trace_id! } });
    await db.decisionTrace.update({ where: { id: trace.id }, data: { payload: JSON.stringify({ ...JSON.parse(trace.payload), config_hash: "an-older-config" }) } });
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

  it("remakes that window's recommendations for the chosen persona from the stored signals, and the list, API and CLI show the override and who set it", async () => {
    // A consenting customer whose 30d window has pending items and an offer made for the engine's persona.
    const offer = await db.recommendation.findFirstOrThrow({ where: { window: "30d", kind: "offer", status: "pending_review", customer: { consent: true, persona_overrides: { none: {} } } }, orderBy: { id: "desc" } });
    const a = await db.personaAssignment.findFirstOrThrow({ where: { user_id: offer.user_id, window: "30d", as_of: offer.as_of } });
    const before = await db.recommendation.findMany({ where: { user_id: a.user_id, window: "30d", as_of: a.as_of, status: "pending_review" }, orderBy: { id: "asc" } });
    const chosen = a.primary_persona === "savings_builder" ? "fee_fighter" : "savings_builder";
    const r = await overridePersona(db, t.sql, { user_id: a.user_id, window: "30d", persona: chosen, justification: "Customer paid the card off; saving every month now" }, "lead@x");

    // The engine's pending items are superseded; the remade ones wait for review, under a trace that names the reviewer's persona.
    expect((await db.recommendation.findMany({ where: { id: { in: before.map((b) => b.id) } } })).map((b) => b.status)).toEqual(before.map(() => "superseded"));
    const after = await db.recommendation.findMany({ where: { user_id: a.user_id, window: "30d", as_of: a.as_of, status: "pending_review" }, orderBy: { rank: "asc" }, include: { trace: true, content: true } });
    expect(after.length).toBe(r.recommendations);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((x) => x.content_id)).not.toEqual(before.map((x) => x.content_id));
    const trace = JSON.parse(after[0].trace!.payload) as DecisionTrace;
    expect(trace.persona_override).toBe(chosen);
    expect(trace.persona.primary).toBe(a.primary_persona);
    expect(trace.notes.join(" ")).toMatch(new RegExp(`remade for ${chosen}, lead@x's persona`));
    // Offers are made only for the customer's persona: now the reviewer's one (or an engine secondary).
    const secondary = JSON.parse(a.secondary) as string[];
    for (const x of after.filter((y) => y.kind === "offer")) expect((JSON.parse(x.content.personas) as string[]).some((p) => p === chosen || secondary.includes(p))).toBe(true);
    for (const c of trace.candidates) if (c.persona_match === "primary") expect(JSON.parse((await db.contentItem.findUniqueOrThrow({ where: { id: c.content_id } })).personas)).toContain(chosen);
    // Rationales cite the same numbers: every citation matches the stored signal snapshot.
    const snap = await db.signalSnapshot.findFirstOrThrow({ where: { user_id: a.user_id, window: "30d", as_of: a.as_of } });
    for (const x of after) expect(verifyCitations(JSON.parse(snap.payload) as WindowSignals, JSON.parse(x.citations) as Citation[])).toEqual([]);

    // The staff view and API: the override with who set it, and the remade items.
    const view = await customerView(t.sql, a.user_id, ["30d"]);
    expect(view.windows["30d"]!.persona!.override).toMatchObject({ persona: chosen, actor: "lead@x" });
    expect(view.windows["30d"]!.recommendations.filter((x) => x.status === "pending_review").map((x) => x.id).sort()).toEqual(after.map((x) => x.id).sort());
    expect((await currentPersonas(t.url, a.user_id)).windows["30d"]).toMatchObject({ primary: a.primary_persona, override: { persona: chosen, actor: "lead@x" } });
    // The customer list.
    const list = await listCustomers(t.sql, customerListQuerySchema.parse({ q: a.user_id, window: "30d" }));
    expect(list.rows.find((x) => x.user_id === a.user_id)).toMatchObject({ persona: a.primary_persona, override: { persona: chosen, actor: "lead@x" } });
    // The CLI's show.
    const out: string[] = [];
    vi.stubEnv("DATABASE_URL", t.url);
    const log = vi.spyOn(console, "log").mockImplementation((...x) => void out.push(x.join(" ")));
    try {
      expect(await main(["show", a.user_id, "--window", "30d"])).toBe(0);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(out.join("\n")).toMatch(new RegExp(`Persona overridden to ${chosen} by lead@x .*recommendations are made for ${chosen}`));

    // A re-run at the same asOf keeps making them for the reviewer's persona.
    await runEngine({ url: t.url, asOf: a.as_of, userIds: [a.user_id] });
    const rerun = await db.decisionTrace.findFirstOrThrow({ where: { user_id: a.user_id, window: "30d", as_of: a.as_of }, orderBy: { id: "desc" } });
    expect((JSON.parse(rerun.payload) as DecisionTrace).persona_override).toBe(chosen);
  });
});
