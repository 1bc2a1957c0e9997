// Reviewer overrides (SPEC §4). An item override swaps a pending recommendation for another item
// that passed every check in the same decision: the alternates are recomputed by the engine's own
// recommend step from the stored signal snapshot, so the swapped-in rationale cites the same
// numbers the decision read. A persona override records a reviewer's persona for one window and
// run with a written justification and remakes that window's recommendations for it the same way;
// the engine's assignment stays as it was, next to it.
// Both are transactional, audited, and refuse to act on something that changed meanwhile.
import { currentAssignment } from "../db/queries/current-results";
import { customerConsent } from "../db/customer-data";
import {
  contentIdsWithStatus,
  insertPersonaOverride,
  insertRemadeDecision,
  insertSwappedItem,
  latestPersonaOverride,
  latestTraceOfRun,
  recommendationWithTrace,
  storedDecision,
  supersedePending,
} from "../db/queries/overrides";
import { z } from "zod";
import { dayFromIso } from "../data/dates";
import { recordAudit } from "../db/audit";
import type { Db } from "../db/client";
import { loadApprovedCatalog, loadDeclined, loadRecentlyShown } from "../db/queries/engine-input";
import type { Sql } from "../db/sql";
import { configHash, DEFAULT_CONFIG, heldSubtypes, overriddenPersona } from "../engine";
import { recommend, type Recommendation } from "../engine/recommend/recommend";
import { PERSONA_IDS, WINDOWS, type PersonaId } from "../engine/types";
import { safeId, safeReason, safeText, TEXT_LIMITS } from "../validation/text";
import { ConflictError, NotFoundError } from "./errors";
import { claimPending } from "./review";
import { onProcessDb } from "./database";

const itemOverrideSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  content_id: safeText(TEXT_LIMITS.id, { trim: true, min: 1, minMessage: "choose the item to swap in" }),
  reason: safeReason(5, "say why the other item fits better (at least 5 characters)"),
});

const personaOverrideSchema = z.object({
  user_id: safeId(),
  window: z.enum(WINDOWS),
  persona: z.enum(PERSONA_IDS, { message: `persona must be one of ${PERSONA_IDS.join(", ")}` }),
  justification: safeReason(20, "write a justification of at least 20 characters"),
});

const LIVE = ["pending_review", "approved", "delivered"];

export interface Alternatives {
  items: Recommendation[];
  /** Why there can be none, when that is not simply "nothing else passed". */
  unavailable: string | null;
}

/**
 * The engine's recommend step for one stored decision (customer, window, asOf), replayed from the
 * stored signal snapshot with today's catalog and review history (what was shown, rejected or
 * swapped out), for `persona` or else the persona the window's recommendations were made for (a
 * reviewer's, when there is one). Null when the decision's data is not stored.
 */
async function replayDecision(sql: Sql, userId: string, window: string, asOf: string, persona?: PersonaId) {
  const stored = await storedDecision(sql, userId, window, asOf);
  if (!stored) return null;
  const days = DEFAULT_CONFIG.recommend.noRepeatDays;
  const [catalog, shown, declined] = await Promise.all([loadApprovedCatalog(sql), loadRecentlyShown(sql, [userId], asOf, days), loadDeclined(sql, [userId], asOf, days)]);
  const { signals, engine } = stored;
  const chosen = persona ?? stored.override;
  const ctx = {
    credit_score: stored.credit_score,
    held_subtypes: heldSubtypes(stored.accounts),
    recentlyShown: shown.get(userId) ?? [],
    declined: declined.get(userId) ?? [],
    asOfDay: dayFromIso(asOf),
    dayOf: dayFromIso,
  };
  const result = signals.sufficiency.sufficient
    ? recommend(signals, chosen ? overriddenPersona(engine, chosen) : engine, catalog, ctx, DEFAULT_CONFIG)
    : { recommendations: [], alternates: [], candidates: [], notes: [`no recommendations: ${signals.sufficiency.reasons.join("; ")}`] };
  return { result, engine };
}

/** Items that could replace recommendation `id`: same kind, passed every check in that decision, not already live for the window. */
export async function alternativesFor(sql: Sql, id: number): Promise<Alternatives> {
  const r = await recommendationWithTrace(sql, id);
  if (!r) throw new NotFoundError(`recommendation ${id} does not exist`);
  // Without the decision's own data (consent revoked, or a trace from another engine config) there is nothing faithful to offer.
  if (r.status !== "pending_review") return { items: [], unavailable: `recommendation ${id} is ${r.status.replace("_", " ")}, not waiting for review` };
  const replay = r.trace === null ? null : await replayDecision(sql, r.user_id, r.window, r.as_of);
  if (replay === null) return { items: [], unavailable: "the data this decision read is no longer stored (consent was revoked or the run was replaced)" };
  if (r.trace?.config_hash !== configHash(DEFAULT_CONFIG)) {
    return { items: [], unavailable: "this decision was made with an earlier engine configuration; run the engine again to review it with alternatives" };
  }
  const taken = await contentIdsWithStatus(sql, r.user_id, r.window, r.as_of, LIVE);
  return { items: [...replay.result.recommendations, ...replay.result.alternates].filter((a) => a.kind === r.kind && !taken.has(a.content_id)), unavailable: null };
}

/** Swaps recommendation `id` for another eligible item: the original becomes "overridden", the new one is approved. */
export async function overrideRecommendation(db: Db, sql: Sql, input: unknown, actor: string): Promise<{ id: number }> {
  const a = itemOverrideSchema.parse(input);
  const alternative = (await alternativesFor(sql, a.id)).items.find((x) => x.content_id === a.content_id);
  return db.$transaction(async (tx) => {
    const rec = await claimPending(tx, a.id, a.version, { status: "overridden" }, actor);
    // Thrown inside the transaction, so the claim above is rolled back with it.
    if (!alternative) throw new ConflictError(`"${a.content_id}" is not an eligible alternative for recommendation ${a.id} (it must be the same kind and have passed every check for this customer); reload to see the choices`);
    const createdId = await insertSwappedItem(tx, rec, alternative);
    await recordAudit(tx, "recommendation.override", { type: "recommendation", id: rec.id, user_id: rec.user_id }, {
      actor,
      reason: a.reason,
      details: { window: rec.window, from_content_id: rec.content_id, to_content_id: alternative.content_id, new_recommendation_id: createdId, from_version: a.version },
    });
    return { id: createdId };
  });
}

/**
 * Records a reviewer's persona for the customer's latest assignment in one window and remakes
 * that window's recommendations for it from the stored signals (the same numbers, so rationales
 * cite what the decision read): items still waiting for review are superseded by the new ones,
 * approved items stay and count toward the caps. The engine's assignment stays beside it.
 */
export async function overridePersona(db: Db, sql: Sql, input: unknown, actor: string): Promise<{ id: number; recommendations: number }> {
  const a = personaOverrideSchema.parse(input);
  const latest = await currentAssignment(db, a.user_id, a.window);
  const replay = latest && (await replayDecision(sql, a.user_id, a.window, latest.as_of, a.persona));
  return db.$transaction(async (tx) => {
    const consent = await customerConsent(tx, a.user_id);
    if (consent === undefined) throw new NotFoundError(`no customer with id "${a.user_id}"`);
    const assignment = await currentAssignment(tx, a.user_id, a.window);
    if (!assignment) throw new ConflictError(`customer "${a.user_id}" has no ${a.window} persona to override${consent ? " yet; run the engine first" : " (no consent)"}`);
    if (!replay || assignment.id !== latest?.id) throw new ConflictError(`the ${a.window} decision for customer "${a.user_id}" changed or is no longer stored; reload and try again`);
    const decision = { user_id: a.user_id, window: a.window, as_of: assignment.as_of };
    const current = (await latestPersonaOverride(tx, decision)) ?? assignment.primary_persona;
    if (current === a.persona) throw new ConflictError(`the ${a.window} persona is already ${a.persona}`);
    const createdId = await insertPersonaOverride(tx, decision, { from_persona: current, persona: a.persona, justification: a.justification, actor });
    const superseded = await supersedePending(tx, decision);
    // The remade decision gets its own trace: the same signals and engine persona, the candidates judged for the reviewer's persona.
    const base = await latestTraceOfRun(tx, decision, assignment.run_id);
    const { result } = replay;
    const used: Record<string, unknown> = { ...(base?.signals_used ?? {}) };
    for (const rec of result.recommendations) for (const c of rec.citations) used[c.signal] = c.value;
    const traceId = await insertRemadeDecision(
      tx,
      decision,
      assignment.run_id,
      {
        ...base,
        signals_used: Object.fromEntries(Object.entries(used).sort(([x], [y]) => (x < y ? -1 : 1))),
        candidates: result.candidates,
        notes: [...result.notes, `recommendations remade for ${a.persona}, ${actor}'s persona for this window (the engine assigned ${assignment.primary_persona ?? "none"})`],
        persona_override: a.persona,
      },
      result.recommendations,
    );
    await recordAudit(tx, "persona.override", { type: "persona_assignment", id: assignment.id, user_id: a.user_id }, {
      actor,
      reason: a.justification,
      details: { window: a.window, as_of: assignment.as_of, engine_persona: assignment.primary_persona, from: current, to: a.persona, superseded, recommended: result.recommendations.length, trace_id: traceId },
    });
    return { id: createdId, recommendations: result.recommendations.length };
  });
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const overridesOnProcessDb = onProcessDb({ overrideRecommendation, overridePersona });
